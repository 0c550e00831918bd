package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An enhanced {@code for} whose iterable expression awaits inside a larger expression: the
 * iterable is evaluated once, before the loop, in Java's order, and the loop runs over it as
 * over any iterable or array; against the same body run as plain Java.
 */
class ForEachIterableAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  @Async static Coroutine<Map<String, int[]>> table(List<String> log) {",
      "    log.add(\"table\");",
      "    await(sleep(1));",
      "    Map<String, int[]> m = new HashMap<>();",
      "    m.put(\"k\", new int[] {3, 4});",
      "    return done(m);",
      "  }",
      "  @Async static Coroutine<String> arrays(List<String> log) {",
      "    long sum = 0;",
      "    for (int n : await(table(log)).get(t(log, \"key\", \"k\"))) {",
      "      sum += n * await(got(log, \"turn \" + n, 10));",
      "    }",
      "    for (long n : await(table(log)).get(\"k\")) {",
      "      sum += n;",
      "    }",
      "    return done(\"sum \" + sum);",
      "  }",
      "  @Async static Coroutine<String> awaitOfAwait(List<String> log) {",
      "    int sum = 0;",
      "    for (int n : await(got(log, \"list\", List.of(await(got(log, \"one\", 4)), 5)))) {",
      "      sum += n;",
      "    }",
      "    return done(\"sum \" + sum);",
      "  }",
      "  @Async static Coroutine<String> lists(List<String> log) {",
      "    StringBuilder b = new StringBuilder();",
      "    for (var s : List.of(await(got(log, \"a\", \"x\")), t(log, \"b\", \"y\"),",
      "        await(got(log, \"c\", \"z\")))) {",
      "      b.append(s.toUpperCase());",
      "      log.add(\"body \" + s);",
      "    }",
      "    return done(b.toString());",
      "  }",
      "  @Async static Coroutine<String> nothing(List<String> log) {",
      "    for (int n : t(log, \"first\", 1) > 0 ? await(got(log, \"none\", (int[]) null))",
      "        : new int[0]) {",
      "      log.add(\"never\");",
      "    }",
      "    return done(\"done\");",
      "  }",
      "  @Async static Coroutine<String> labeled(List<String> log) {",
      "    int turns = 0;",
      "    outer:",
      "    for (String s : new ArrayList<>(List.of(\"a\", await(got(log, \"b\", \"b\"))))) {",
      "      for (String u : Collections.singletonList(s + await(got(log, s, \"!\")))) {",
      "        turns++;",
      "        if (u.equals(\"b!\")) {",
      "          break outer;",
      "        }",
      "        continue outer;",
      "      }",
      "    }",
      "    return done(\"turns \" + turns);",
      "  }");

  @Test
  void anArrayFromAnAwaitedMapIsIteratedWithItsElementsConverted() throws Throwable {
    assertThat(SNIPPET.run("arrays")).containsExactly("table", "key", "turn 3", "turn 4",
        "table", "result sum 77");
  }

  @Test
  void anAwaitOfAValueBuiltByAnotherAwaitIsIteratedOnce() throws Throwable {
    // for (T v : await(f(await(g())))) ran the inner await as the template's marker.
    assertThat(SNIPPET.run("awaitOfAwait")).containsExactly("one", "list", "result sum 9");
  }

  @Test
  void aListOfAwaitedValuesIsBuiltOnceInJavasOrder() throws Throwable {
    assertThat(SNIPPET.run("lists")).containsExactly("a", "b", "c", "body x", "body y",
        "body z", "result XYZ");
  }

  @Test
  void aNullIterableThrowsBeforeTheFirstTurn() throws Throwable {
    assertThat(SNIPPET.run("nothing")).containsExactly("first", "none",
        "threw java.lang.NullPointerException");
  }

  @Test
  void nestedLoopsOverAwaitingIterablesBreakAndContinueByLabel() throws Throwable {
    assertThat(SNIPPET.run("labeled")).containsExactly("b", "a", "b", "result turns 2");
  }
}
