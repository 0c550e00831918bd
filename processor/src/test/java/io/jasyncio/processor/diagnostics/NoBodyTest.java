package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/NoBody]}: an {@code @Async} method without a body has nothing to rewrite;
 * reported on the method name.
 */
class NoBodyTest {

  @Test
  void abstractMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public abstract class Kitchen {",
        "  @Async abstract Coroutine<Void> boil();",
        "}");
    s.assertOnlyError("NoBody", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void abstractInterfaceMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Chef",
        "public interface Chef {",
        "  @Async Coroutine<Void> cook();",
        "}");
    s.assertOnlyError("NoBody", "Coroutine<Void> cook()", "cook");
  }

  @Test
  void nativeMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static native Coroutine<Void> boil();",
        "}");
    s.assertOnlyError("NoBody", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void concreteMethodOfAnAbstractClassIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public abstract class Kitchen {",
        "  abstract double seconds();",
        "  @Async Coroutine<Void> boil() {",
        "    await(sleep(seconds()));",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
