package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/ReturnNull]}: {@code return null;} finishes nothing in a coroutine, reported on
 * the {@code return}.
 */
class ReturnNullTest {

  @Test
  void returnNullAtTheTopLevel() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    await(sleep(1));",
        "    return null;",
        "  }",
        "}");
    s.assertOnlyError("ReturnNull", "return null;", "return");
  }

  @Test
  void returnNullInsideAnIf() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<String> boil(boolean cold) {",
        "    if (cold) {",
        "      return null;",
        "    }",
        "    return done(\"hot\");",
        "  }",
        "}");
    s.assertOnlyError("ReturnNull", "return null;", "return");
  }

  @Test
  void returnDoneOfNullIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<String> boil(boolean cold) {",
        "    if (cold) {",
        "      return done(null);",
        "    }",
        "    await(sleep(1));",
        "    return done(null);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
