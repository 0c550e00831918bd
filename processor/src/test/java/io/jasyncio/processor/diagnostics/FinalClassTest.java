package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/FinalClass]}: {@code AsyncFoo extends Foo} to override instance
 * {@code @Async} methods, so {@code Foo} cannot be final (records and enums are); reported on the
 * class. Static {@code @Async} methods need no subclass. A final method is
 * {@link FinalMethodTest}'s.
 */
class FinalClassTest {

  @Test
  void instanceMethodInAFinalClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public final class Kitchen {",
        "  @Async Coroutine<Void> boil() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("FinalClass", "public final class Kitchen", "class Kitchen");
  }

  @Test
  void instanceMethodInARecord() {
    CompiledSnippet s = CompiledSnippet.compile("Point",
        "public record Point(int x, int y) {",
        "  @Async Coroutine<Void> move() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("FinalClass", "public record Point", "record");
  }

  @Test
  void instanceMethodInAnEnum() {
    CompiledSnippet s = CompiledSnippet.compile("Heat",
        "public enum Heat {",
        "  LOW, HIGH;",
        "  @Async Coroutine<Void> apply() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("FinalClass", "public enum Heat", "enum");
  }

  @Test
  void staticMethodInAFinalClassIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public final class Kitchen {",
        "  private Kitchen() { }",
        "  @Async static Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(1);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void staticMethodInARecordIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Point",
        "public record Point(int x, int y) {",
        "  @Async static Coroutine<Point> origin() {",
        "    await(sleep(1));",
        "    return done(new Point(0, 0));",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncPoint");
  }

  @Test
  void twoInstanceMethodsInAFinalClassGiveOneError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public final class Kitchen {",
        "  @Async Coroutine<Void> boil() { return done(); }",
        "  @Async Coroutine<Void> simmer() { return done(); }",
        "}");
    s.assertOnlyError("FinalClass", "public final class Kitchen", "class Kitchen");
  }

  @Test
  void instanceMethodInAClassWithOnlyPrivateConstructors() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private Kitchen() { }",
        "  static Kitchen create() { return new Kitchen(); }",
        "  @Async Coroutine<Void> boil() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    // The tag is the fix's choice; FinalClass describes the same impossibility.
    s.assertOnlyProcessorErrorOnLine("public class Kitchen");
  }
}
