package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/AwaitReference]}: {@code Asyncio::await} cannot suspend anything, inside an
 * {@code @Async} body or outside; reported on the method reference.
 */
class AwaitReferenceTest {

  @Test
  void insideAnAsyncBody() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.Asyncio;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.Task;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.function.Function;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    Function<Task<Integer>, Integer> get = Asyncio::await;",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("AwaitReference", "Asyncio::await", "Asyncio::await");
  }

  @Test
  void inAPlainMethod() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.Asyncio;",
        "import io.jasyncio.Task;",
        "import java.util.function.Function;",
        "public class Kitchen {",
        "  static Function<Task<Integer>, Integer> getter() {",
        "    return Asyncio::await;",
        "  }",
        "}");
    s.assertOnlyError("AwaitReference", "Asyncio::await", "Asyncio::await");
  }

  @Test
  void inAFieldInitializerFullyQualified() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import java.util.function.Function;",
        "public class Kitchen {",
        "  static final Function<io.jasyncio.Task<Integer>, Integer> GET =",
        "      io.jasyncio.Asyncio::await;",
        "}");
    s.assertOnlyErrorOnLine("AwaitReference", "io.jasyncio.Asyncio::await");
  }

  @Test
  void referenceToAnotherClassesAwaitIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static class Waiter {",
        "    static int await(int x) { return x; }",
        "  }",
        "  @Async static Coroutine<Integer> boil() {",
        "    Function<Integer, Integer> f = Waiter::await;",
        "    await(sleep(1));",
        "    return done(f.apply(3));",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
