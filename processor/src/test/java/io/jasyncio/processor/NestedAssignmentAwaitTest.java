package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An assignment whose value awaits, nested in a larger expression: it assigns where Java
 * assigns, and its value (the target's, after conversion) goes on into the expression; against
 * the same body run as plain Java.
 */
class NestedAssignmentAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  static long field;",
      "  static long[] longs = new long[2];",
      "  static String f(List<String> log, Object v) {",
      "    log.add(\"f \" + v);",
      "    return \"f(\" + v + \")\";",
      "  }",
      "  @Async static Coroutine<String> nested(List<String> log) {",
      "    int a;",
      "    String s = f(log, a = await(got(log, \"x\", 1)));",
      "    int b = (a = await(got(log, \"y\", 2))) + t(log, \"one\", 1);",
      "    long x;",
      "    int y;",
      "    x = y = await(got(log, \"z\", 3));",
      "    field = longs[t(log, \"i\", 1)] = await(got(log, \"w\", 4));",
      "    int c = 10;",
      "    String u = f(log, c += await(got(log, \"p\", 5))) + f(log, c);",
      "    byte small = 120;",
      "    int d = (small += await(got(log, \"q\", 10))) + 0;",
      "    String v = f(log, a = t(log, \"early\", 7)) + await(got(log, \"late\", \"!\"))",
      "        + f(log, a);",
      "    return done(s + \" \" + a + \" \" + b + \" \" + x + \" \" + y + \" \" + field + \" \"",
      "        + longs[1] + \" \" + u + \" \" + c + \" \" + d + \" \" + small + \" \" + v);",
      "  }",
      "  @Async static Coroutine<String> lines(List<String> log) {",
      "    Iterator<String> source = List.of(\"a\", \"b\").iterator();",
      "    String line;",
      "    StringBuilder read = new StringBuilder();",
      "    while ((line = await(got(log, \"read\", source.hasNext() ? source.next() : null)))",
      "        != null) {",
      "      read.append(line);",
      "    }",
      "    return done(read + \" \" + line);",
      "  }",
      "  @Async static Coroutine<String> unboxedNull(List<String> log) {",
      "    int a = 0;",
      "    try {",
      "      String s = f(log, a = await(got(log, \"x\", (Integer) null)));",
      "    } catch (NullPointerException e) {",
      "      log.add(\"NPE, a \" + a);",
      "    }",
      "    return done(\"end\");",
      "  }");

  @Test
  void nestedAssignmentsAssignInJavasOrderAndGiveTheirValue() throws Throwable {
    assertThat(SNIPPET.run("nested")).containsExactly("x", "f 1", "y", "one", "z", "i", "w",
        "p", "f 15", "f 15", "q", "early", "f 7", "late", "f 7",
        "result f(1) 7 3 3 3 4 4 f(15)f(15) 15 -126 -126 f(7)!f(7)");
  }

  @Test
  void aLoopConditionAssignsTheAwaitedLineAndTestsIt() throws Throwable {
    assertThat(SNIPPET.run("lines")).containsExactly("read", "read", "read", "result ab null");
  }

  @Test
  void aNullAssignedToAPrimitiveThrowsBeforeTheAssignment() throws Throwable {
    assertThat(SNIPPET.run("unboxedNull")).containsExactly("x", "NPE, a 0", "result end");
  }
}
