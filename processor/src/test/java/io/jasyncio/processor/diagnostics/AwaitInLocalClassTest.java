package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/AwaitInLocalClass]}: a method of an anonymous or local class (records
 * included) in an {@code @Async} body cannot suspend it, reported on the {@code await} call.
 */
class AwaitInLocalClassTest {

  @Test
  void inAnAnonymousClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    Runnable later = new Runnable() {",
        "      @Override public void run() {",
        "        await(sleep(1));",
        "      }",
        "    };",
        "    later.run();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLocalClass", "await(sleep(1))", "await(");
  }

  @Test
  void inALocalClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    class Pot {",
        "      void heat() {",
        "        await(sleep(1));",
        "      }",
        "    }",
        "    new Pot().heat();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLocalClass", "await(sleep(1))", "await(");
  }

  @Test
  void inAMethodOfALocalRecord() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    record Pot(double seconds) {",
        "      void heat() {",
        "        await(sleep(seconds));",
        "      }",
        "    }",
        "    new Pot(1).heat();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLocalClass", "await(sleep(seconds))", "await(");
  }

  @Test
  void inALambdaInsideAnAnonymousClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    Runnable later = new Runnable() {",
        "      @Override public void run() {",
        "        List.of(1).forEach(x -> await(sleep(x)));",
        "      }",
        "    };",
        "    later.run();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInLocalClass", "forEach", "await(");
  }

  @Test
  void classesThatDoNotAwaitAreAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    Runnable later = new Runnable() {",
        "      @Override public void run() { System.out.println(\"hot\"); }",
        "    };",
        "    later.run();",
        "    class Pot { int size() { return 3; } }",
        "    int size = new Pot().size();",
        "    await(sleep(1));",
        "    return done(size);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
