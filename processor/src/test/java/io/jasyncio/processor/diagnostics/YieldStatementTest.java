package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/YieldStatement]}: an unqualified {@code yield(x);} is Java's {@code yield}
 * statement, not {@code Generator.yield}; outside a switch expression in an {@code @Async} body
 * it is reported on the statement (it ended in an internal error).
 */
class YieldStatementTest {

  @Test
  void anUnqualifiedYieldInAGenerator() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "import io.jasyncio.Generator;",
        "import static io.jasyncio.Generator.*;",
        "public class Kitchen {",
        "  @Async static Generator<Integer> count() {",
        "    yield(1);",
        "    return null;",
        "  }",
        "}");
    s.assertOnlyError("YieldStatement", "yield(1);", "yield(1);");
  }

  @Test
  void aSwitchExpressionsYieldIsJavas() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> pick(int k) {",
        "    await(sleep(0));",
        "    int v = switch (k) { case 1 -> { yield (2); } default -> { yield 3; } };",
        "    return done(v);",
        "  }",
        "}");
    assertThat(s.compilation()).succeededWithoutWarnings();
  }
}
