package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/** {@code [jasyncio/ReturnType]}: an {@code @Async} method must return {@code Coroutine<T>}. */
class ReturnTypeTest {

  @Test
  void voidIsReportedOnTheReturnType() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async",
        "  static void boil() {",
        "    await(sleep(1));",
        "  }",
        "}");
    s.assertOnlyError("ReturnType", "static void boil()", "void");
  }

  @Test
  void intIsReportedOnTheReturnType() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async",
        "  static int count() {",
        "    return 1;",
        "  }",
        "}");
    s.assertOnlyError("ReturnType", "static int count()", "int");
  }

  @Test
  void stringIsReportedOnTheReturnTypeOfAnInstanceMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async",
        "  String name() {",
        "    return \"soup\";",
        "  }",
        "}");
    s.assertOnlyError("ReturnType", "String name()", "String");
  }

  @Test
  void rawCoroutineIsReportedOnTheReturnType() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @SuppressWarnings(\"rawtypes\")",
        "  @Async",
        "  static Coroutine boil() {",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("ReturnType", "static Coroutine boil()", "Coroutine");
  }

  @Test
  void anotherGenericTypeIsReportedOnItsLine() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async",
        "  static java.util.concurrent.CompletableFuture<Integer> later() {",
        "    return java.util.concurrent.CompletableFuture.completedFuture(1);",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("ReturnType", "CompletableFuture<Integer> later()");
  }

  @Test
  void returnsOfAMethodWithAWrongReturnTypeAreNotCheckedAsACoroutines() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async",
        "  static int count(boolean more) {",
        "    if (more) {",
        "      return 1;",
        "    }",
        "    return 0;",
        "  }",
        "}");
    s.assertOnlyError("ReturnType", "static int count(", "int");
  }

  @Test
  void coroutineOfAnyTypeIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() { return done(); }",
        "  @Async Coroutine<List<String>> names() { return done(List.of(\"soup\")); }",
        "  @Async static <T> Coroutine<T> same(T x) { return done(x); }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
