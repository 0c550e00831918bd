package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/YieldOutsideAsync]}: {@code Generator.yield} in a method that is not
 * {@code @Async} suspends nothing (it compiled, and threw at run time); reported on the call.
 */
class YieldOutsideAsyncTest {

  @Test
  void inAPlainMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "import io.jasyncio.Generator;",
        "public class Kitchen {",
        "  static void count() {",
        "    Generator.yield(1);",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("YieldOutsideAsync", "Generator.yield(1);", "yield(");
  }
}
