package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/AwaitInLambda]}: a lambda in an {@code @Async} body cannot suspend the method,
 * reported on the {@code await} call.
 */
class AwaitInLambdaTest {

  @Test
  void inAnExpressionLambda() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    List.of(1, 2).forEach(x -> await(sleep(x)));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLambda", "forEach", "await(");
  }

  @Test
  void inABlockLambda() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    Runnable later = () -> {",
        "      await(sleep(1));",
        "    };",
        "    later.run();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLambda", "await(sleep(1))", "await(");
  }

  @Test
  void inANestedLambda() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    Supplier<Runnable> later = () -> () -> await(sleep(1));",
        "    later.get().run();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLambda", "Supplier<Runnable> later", "await(");
  }

  @Test
  void inALambdaOfAnInstanceMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async Coroutine<Integer> boil() {",
        "    Function<Integer, Void> f = x -> await(sleep(x));",
        "    f.apply(1);",
        "    return done(1);",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLambda", "Function<Integer, Void> f", "await(");
  }

  @Test
  void lambdaThatDoesNotAwaitIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    int n = 2;",
        "    Supplier<Integer> twice = () -> 2 * n;",
        "    await(sleep(1));",
        "    Runnable print = () -> System.out.println(n);",
        "    print.run();",
        "    return done(twice.get());",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
