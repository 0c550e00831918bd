package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code ++} and {@code --} whose operand awaits inside (an index, an object): the operand's
 * parts are evaluated in Java's order, then the variable is read and updated once; against the
 * same body run as plain Java.
 */
class IncrementAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  static final class Box {",
      "    int count;",
      "  }",
      "  static int[] shared = {5, 6};",
      "  static String f(List<String> log, int a, int b) {",
      "    log.add(\"f \" + a + \" \" + b);",
      "    return a + \",\" + b;",
      "  }",
      "  @Async static Coroutine<String> increments(List<String> log) {",
      "    int[] counts = new int[3];",
      "    counts[await(got(log, \"i\", 1))]++;",
      "    --counts[t(log, \"j\", 2) + await(got(log, \"k\", 0))];",
      "    Box box = new Box();",
      "    t(log, \"box\", await(got(log, \"b\", box))).count++;",
      "    String s = f(log, shared[await(got(log, \"s\", 0))]++, ++shared[await(got(log, \"u\", 1))]);",
      "    return done(Arrays.toString(counts) + \" \" + box.count + \" \" + s + \" \"",
      "        + Arrays.toString(shared));",
      "  }",
      "  @Async static Coroutine<String> outOfRange(List<String> log) {",
      "    int[] counts = new int[1];",
      "    counts[await(got(log, \"i\", 4))]++;",
      "    return done(\"no\");",
      "  }");

  @Test
  void incrementsWhoseOperandAwaitsKeepJavasOrder() throws Throwable {
    assertThat(SNIPPET.run("increments")).containsExactly("i", "j", "k", "b", "box", "s", "u",
        "f 5 7", "result [0, 1, -1] 1 5,7 [6, 7]");
  }

  @Test
  void anIndexOutOfRangeThrows() throws Throwable {
    assertThat(SNIPPET.run("outOfRange")).containsExactly("i",
        "threw java.lang.ArrayIndexOutOfBoundsException: Index 4 out of bounds for length 1");
  }
}
