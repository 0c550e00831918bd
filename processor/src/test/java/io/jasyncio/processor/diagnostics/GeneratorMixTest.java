package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/GeneratorMix]}: a generator is driven by {@code next()}, a coroutine by the
 * loop, so a generator cannot await nor finish with {@code done(...)}, and a coroutine cannot
 * yield. Each is reported on the call or the {@code return}; yields where a statement cannot
 * split them are {@code [jasyncio/AwaitPosition]}.
 */
class GeneratorMixTest {

  @Test
  void awaitInAGenerator() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.Generator<Integer> pots() {",
        "    await(sleep(1));",
        "    return null;",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("GeneratorMix", "await(sleep(1));", "await(");
  }

  @Test
  void yieldInACoroutine() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    io.jasyncio.Generator.yield(1);",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("GeneratorMix", "Generator.yield(1)", "yield(");
  }

  @Test
  void doneInAGenerator() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.Generator<Integer> pots() {",
        "    io.jasyncio.Generator.yield(1);",
        "    return done(2);",
        "  }",
        "}");
    s.assertOnlyError("GeneratorMix", "return done(2);", "return");
  }

  @Test
  void yieldInsideALargerExpression() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.Generator<Integer> pots() {",
        "    int twice = 2 * io.jasyncio.Generator.<Integer>yield(1);",
        "    io.jasyncio.Generator.yield(twice);",
        "    return null;",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitPosition", "int twice", "yield(");
  }

  @Test
  void returnNullAndYieldsInAGeneratorAreAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.Generator<Integer> pots(int n) {",
        "    if (n < 0) {",
        "      return null;",
        "    }",
        "    io.jasyncio.Generator.yield(n);",
        "    return null;",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void aValueReturnedFromAnAsyncGenerator() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.AsyncGenerator<Integer> pots() {",
        "    await(sleep(1));",
        "    io.jasyncio.Generator.yield(1);",
        "    return AsyncKitchen.pots();",
        "  }",
        "}");
    s.assertOnlyError("GeneratorMix", "return AsyncKitchen", "return");
  }

  @Test
  void aiterOutsideAnEnhancedFor() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.AsyncGenerator<Integer> pots() {",
        "    await(sleep(1));",
        "    io.jasyncio.Generator.yield(1);",
        "    return null;",
        "  }",
        "  @Async static Coroutine<Void> cook() {",
        "    Iterable<Integer> all = io.jasyncio.Asyncio.aiter(AsyncKitchen.pots());",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitPosition", "Iterable<Integer> all", "aiter(");
    s.assertErrorMentions("aiter");
  }

  @Test
  void anAsyncGeneratorAwaitsAndYieldsAndACoroutineIteratesIt() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static io.jasyncio.AsyncGenerator<Integer> pots() {",
        "    await(sleep(1));",
        "    io.jasyncio.Generator.yield(1);",
        "    return null;",
        "  }",
        "  @Async static Coroutine<Void> cook() {",
        "    for (int pot : aiter(AsyncKitchen.pots())) {",
        "      System.out.println(pot);",
        "    }",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
