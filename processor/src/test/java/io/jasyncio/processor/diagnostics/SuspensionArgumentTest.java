package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/SuspensionArgument]}: {@code await} and {@code aiter} take exactly one
 * argument, {@code Generator.yield} one or none; otherwise the body cannot be rewritten
 * ({@code await()} ended in an internal error). Reported on the call.
 */
class SuspensionArgumentTest {

  @Test
  void awaitWithNoArgument() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    await();",
        "    return done(1);",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("SuspensionArgument", "await();", "await(");
  }

  @Test
  void awaitWithTwoArguments() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    int n = await(sleep(1, 2), sleep(3));",
        "    return done(n);",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("SuspensionArgument", "int n = await", "await(");
  }

  @Test
  void yieldWithTwoArguments() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "import io.jasyncio.Generator;",
        "public class Kitchen {",
        "  @Async static Generator<Integer> count() {",
        "    Generator.yield(1, 2);",
        "    return null;",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("SuspensionArgument", "Generator.yield(1, 2);", "yield(");
  }
}
