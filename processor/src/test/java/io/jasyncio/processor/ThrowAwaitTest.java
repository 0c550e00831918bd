package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code throw} with an await anywhere in its expression: the exception is computed in Java's
 * order, then thrown where the statement stands (caught by the template's own catch clauses),
 * against the same body run as plain Java.
 */
class ThrowAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  @Async static Coroutine<RuntimeException> makeError(List<String> log, String m) {",
      "    log.add(\"make \" + m);",
      "    await(sleep(1));",
      "    return done(m == null ? null : new IllegalArgumentException(m));",
      "  }",
      "  @Async static Coroutine<String> awaited(List<String> log, String m) {",
      "    throw await(makeError(log, m));",
      "  }",
      "  @Async static Coroutine<String> built(List<String> log, int n) {",
      "    if (n > 0) {",
      "      throw new IllegalStateException(t(log, \"a\", \"bad \") + await(got(log, \"b\", n))",
      "          + t(log, \"c\", \"!\"));",
      "    }",
      "    return done(\"fine\");",
      "  }",
      "  @Async static Coroutine<String> caught(List<String> log, int n) {",
      "    try {",
      "      log.add(\"before\");",
      "      throw n > 1 ? await(makeError(log, \"deep\")) : new UnsupportedOperationException(",
      "          \"shallow \" + await(got(log, \"x\", n)));",
      "    } catch (IllegalArgumentException | UnsupportedOperationException e) {",
      "      return done(\"caught \" + e.getMessage());",
      "    } finally {",
      "      log.add(\"finally\");",
      "    }",
      "  }",
      "  @Async static Coroutine<String> checked(List<String> log) throws java.io.IOException {",
      "    throw new java.io.IOException(await(got(log, \"io\", \"disk\")));",
      "  }",
      "  @Async static Coroutine<String> wrapsChecked(List<String> log) {",
      "    try {",
      "      return done(await(checked(log)));",
      "    } catch (java.io.IOException e) {",
      "      return done(\"io \" + e.getMessage());",
      "    }",
      "  }");

  @Test
  void throwsTheAwaitedException() throws Throwable {
    assertThat(SNIPPET.run("awaited", "boom")).containsExactly("make boom",
        "threw java.lang.IllegalArgumentException: boom");
  }

  @Test
  void throwingANullAwaitedExceptionThrowsNullPointerException() throws Throwable {
    assertThat(SNIPPET.run("awaited", (Object) null)).containsExactly("make null",
        "threw java.lang.NullPointerException");
  }

  @Test
  void theExceptionIsBuiltInJavasOrder() throws Throwable {
    assertThat(SNIPPET.run("built", 3)).containsExactly("a", "b", "c",
        "threw java.lang.IllegalStateException: bad 3!");
    assertThat(SNIPPET.run("built", 0)).containsExactly("result fine");
  }

  @Test
  void theTemplatesCatchAndFinallyTakeIt() throws Throwable {
    assertThat(SNIPPET.run("caught", 2)).containsExactly("before", "make deep", "finally",
        "result caught deep");
    assertThat(SNIPPET.run("caught", 1)).containsExactly("before", "x", "finally",
        "result caught shallow 1");
  }

  @Test
  void aCheckedExceptionReachesTheCaller() throws Throwable {
    assertThat(SNIPPET.run("wrapsChecked")).containsExactly("io", "result io disk");
  }
}
