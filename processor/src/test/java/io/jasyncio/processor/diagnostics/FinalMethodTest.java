package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/FinalMethod]}: {@code AsyncFoo} overrides an instance {@code @Async} method
 * with the rewritten one, so the method cannot be final; reported on the method. A final class is
 * {@code ReceiverClassesTest}'s.
 */
class FinalMethodTest {

  @Test
  void finalInstanceAsyncMethodCannotBeOverridden() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async final Coroutine<Integer> boil() { return done(1); }",
        "}");
    s.assertOnlyError("FinalMethod", "final Coroutine<Integer> boil()", "boil()");
  }

  @Test
  void finalStaticAsyncMethodIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static final Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(1);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
