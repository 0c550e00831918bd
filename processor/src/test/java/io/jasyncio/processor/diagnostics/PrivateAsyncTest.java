package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/PrivateAsync]}: callers reach {@code AsyncFoo.m()}, which a private template
 * method cannot become; reported on the method name.
 */
class PrivateAsyncTest {

  @Test
  void privateStaticMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async private static Coroutine<Void> boil() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("PrivateAsync", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void privateInstanceMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async",
        "  private Coroutine<Integer> boil(int x) {",
        "    return done(x);",
        "  }",
        "}");
    s.assertOnlyError("PrivateAsync", "Coroutine<Integer> boil(int x)", "boil");
  }

  @Test
  void everyOtherVisibilityIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async public static Coroutine<Void> a() { return done(); }",
        "  @Async protected Coroutine<Void> b() { return done(); }",
        "  @Async Coroutine<Void> c() { return done(); }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
