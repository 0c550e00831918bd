package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.processor.TwinSnippet.Assertions;
import org.junit.jupiter.api.Test;

/**
 * {@code assert} whose condition or message awaits: evaluated only when assertions are on for
 * the template's class (the class Java asks, {@code desiredAssertionStatus()} of the template's
 * top-level class, not of the generated one), the message only when the condition is false;
 * against the same body run as plain Java with assertions on, off, and on for the template
 * alone.
 */
class AssertAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  @Async static Coroutine<String> checks(List<String> log, int n) {",
      "    assert await(got(log, \"positive?\", n > 0));",
      "    assert t(log, \"small?\", n < 100) : \"too big: \" + await(got(log, \"why\", n));",
      "    assert await(got(log, \"even?\", n % 2 == 0)) : await(got(log, \"odd\", n));",
      "    assert n != 42 : t(log, \"detail\", 'x');",
      "    return done(\"passed \" + n);",
      "  }",
      "  @Async static Coroutine<String> plain(List<String> log, int n) {",
      "    if (n > 0)",
      "      assert t(log, \"small?\", n < 10) : t(log, \"detail\", n);",
      "    else",
      "      log.add(\"not positive\");",
      "    await(got(log, \"between\", 0));",
      "    for (int i = 0; i < 2; i++) {",
      "      assert i < n : \"loop \" + i;",
      "    }",
      "    return done(\"passed \" + n);",
      "  }",
      "  @Async static Coroutine<String> noAwait(List<String> log, int n) {",
      "    assert n > 0 : t(log, \"why\", 'n');",
      "    return done(\"passed \" + n);",
      "  }",
      "  @Async static Coroutine<String> caught(List<String> log) {",
      "    try {",
      "      assert await(got(log, \"cond\", false)) : new IllegalStateException(\"cause\");",
      "    } catch (AssertionError e) {",
      "      return done(\"caught \" + e.getMessage() + \" \" + e.getCause());",
      "    }",
      "    return done(\"off\");",
      "  }");

  @Test
  void assertionsOnEvaluateTheConditionAndTheMessageWhenItFails() throws Throwable {
    assertThat(SNIPPET.run(true, "checks", 4)).containsExactly("positive?", "small?", "even?",
        "result passed 4");
    assertThat(SNIPPET.run(true, "checks", -1)).containsExactly("positive?",
        "threw java.lang.AssertionError: null");
    assertThat(SNIPPET.run(true, "checks", 200)).containsExactly("positive?", "small?", "why",
        "threw java.lang.AssertionError: too big: 200");
    assertThat(SNIPPET.run(true, "checks", 7)).containsExactly("positive?", "small?", "even?",
        "odd", "threw java.lang.AssertionError: 7");
    assertThat(SNIPPET.run(true, "checks", 42)).containsExactly("positive?", "small?", "even?",
        "detail", "threw java.lang.AssertionError: x");
  }

  @Test
  void assertionsOffEvaluateNothing() throws Throwable {
    assertThat(SNIPPET.run(false, "checks", -1)).containsExactly("result passed -1");
    assertThat(SNIPPET.run(false, "caught")).containsExactly("result off");
  }

  @Test
  void theTemplateClassAssertionStatusDecides() throws Throwable {
    assertThat(SNIPPET.run(Assertions.TEMPLATE_ONLY, "checks", 7)).containsExactly("positive?",
        "small?", "even?", "odd", "threw java.lang.AssertionError: 7");
  }

  @Test
  void assertsThatDoNotAwaitFollowTheTemplateClassToo() throws Throwable {
    for (Assertions on : Assertions.values()) {
      SNIPPET.run(on, "plain", 1);
      SNIPPET.run(on, "plain", 20);
      SNIPPET.run(on, "plain", 0);
      SNIPPET.run(on, "noAwait", -1);
    }
    assertThat(SNIPPET.run(Assertions.TEMPLATE_ONLY, "plain", 20)).containsExactly("small?",
        "detail", "threw java.lang.AssertionError: 20");
    assertThat(SNIPPET.run(Assertions.TEMPLATE_ONLY, "plain", 1)).containsExactly("small?",
        "between", "threw java.lang.AssertionError: loop 1");
    assertThat(SNIPPET.run(Assertions.TEMPLATE_ONLY, "noAwait", -1)).containsExactly("why",
        "threw java.lang.AssertionError: n");
  }

  @Test
  void aThrowableMessageBecomesTheCause() throws Throwable {
    assertThat(SNIPPET.run(true, "caught")).containsExactly("cond",
        "result caught java.lang.IllegalStateException: cause "
            + "java.lang.IllegalStateException: cause");
  }
}
