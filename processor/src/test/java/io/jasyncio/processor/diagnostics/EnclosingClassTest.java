package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/EnclosingClass]}: {@code AsyncOuter_Inner} must be able to name and, for
 * instance methods, extend the class holding the {@code @Async} method; reported on the method.
 */
class EnclosingClassTest {

  @Test
  void nonStaticInnerClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  class Cook {",
        "    @Async Coroutine<Void> boil() { return done(); }",
        "  }",
        "}");
    s.assertOnlyError("EnclosingClass", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void staticMethodOfANonStaticInnerClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  class Cook {",
        "    @Async static Coroutine<Void> boil() { return done(); }",
        "  }",
        "}");
    s.assertOnlyError("EnclosingClass", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void privateNestedClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static class Cook {",
        "    @Async static Coroutine<Void> boil() { return done(); }",
        "  }",
        "}");
    s.assertOnlyError("EnclosingClass", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void classNestedInAPrivateClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static class Staff {",
        "    static class Cook {",
        "      @Async static Coroutine<Void> boil() { return done(); }",
        "    }",
        "  }",
        "}");
    s.assertOnlyError("EnclosingClass", "Coroutine<Void> boil()", "boil");
  }

  @Test
  void instanceMethodOfAnInterface() {
    CompiledSnippet s = CompiledSnippet.compile("Chef",
        "public interface Chef {",
        "  @Async default Coroutine<Void> cook() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("EnclosingClass", "Coroutine<Void> cook()", "cook");
  }

  @Test
  void staticNestedClassIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static class Cook {",
        "    @Async Coroutine<Void> boil() { await(sleep(1)); return done(); }",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen_Cook");
  }

  @Test
  void staticMethodOfAnInterfaceIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Chef",
        "public interface Chef {",
        "  @Async static Coroutine<Integer> cook() {",
        "    await(sleep(1));",
        "    return done(1);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncChef");
  }

  @Test
  void localClassInsideAMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static void main() {",
        "    class Cook {",
        "      @Async Coroutine<Void> boil() { return done(); }",
        "    }",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("EnclosingClass", "Coroutine<Void> boil()");
  }

  @Test
  void anonymousClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static Object cook = new Object() {",
        "    @Async Coroutine<Void> boil() { return done(); }",
        "  };",
        "}");
    s.assertOnlyErrorOnLine("EnclosingClass", "Coroutine<Void> boil()");
  }
}
