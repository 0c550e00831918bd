package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated source for one readable example, compared to the text a reviewer approved.
 *
 * <p>Run with {@code -Djasyncio.updateGolden=true} to rewrite the golden file after an intended
 * change, then review its diff like code.
 */
class GoldenSourceTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/AsyncKitchen.java");
  private static final Path LOOP_GOLDEN = Path.of("src/test/resources/golden/AsyncPots.java");
  private static final Path EXPRESSION_GOLDEN =
      Path.of("src/test/resources/golden/AsyncOrders.java");
  private static final Path FINALLY_GOLDEN =
      Path.of("src/test/resources/golden/AsyncPantry.java");
  private static final Path GENERATOR_GOLDEN =
      Path.of("src/test/resources/golden/AsyncOven.java");

  @Test
  void kitchenReadsLikeAHandWrittenStateMachine() throws IOException {
    Compilation c = Snippets.compile(Snippets.source("demo.Kitchen",
        "package demo;",
        "",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "",
        "public class Kitchen {",
        "  @Async",
        "  static Coroutine<Void> boilingWater() {",
        "    System.out.println(\"boiling for 1 sec\");",
        "    await(sleep(2));",
        "    System.out.println(\"boiling for 3 sec\");",
        "    return done();",
        "  }",
        "",
        "  @Async",
        "  Coroutine<Integer> numSum(int x) {",
        "    int y = await(twice(x));",
        "    int z = await(twice(y));",
        "    return done(x + y + z);",
        "  }",
        "",
        "  @Async",
        "  Coroutine<Integer> twice(int x) {",
        "    return done(2 * x);",
        "  }",
        "}"));
    assertMatchesGolden(c, "demo.AsyncKitchen", GOLDEN);
  }

  @Test
  void aLoopBecomesStatesJoinedByJumps() throws IOException {
    Compilation c = Snippets.compile(Snippets.source("demo.Pots",
        "package demo;",
        "",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.List;",
        "import static io.jasyncio.Asyncio.*;",
        "",
        "public class Pots {",
        "  @Async",
        "  static Coroutine<Integer> stir(List<String> pots, int rounds) {",
        "    int stirred = 0;",
        "    for (int round = 0; round < rounds; round++) {",
        "      if (pots.isEmpty()) {",
        "        break;",
        "      }",
        "      for (String pot : pots) {",
        "        System.out.println(\"stirring \" + pot);",
        "      }",
        "      await(sleep(1));",
        "      stirred++;",
        "    }",
        "    return done(stirred);",
        "  }",
        "}"));
    assertMatchesGolden(c, "demo.AsyncPots", LOOP_GOLDEN);
  }

  @Test
  void anExpressionThatAwaitsBecomesAChainOfContinuations() throws IOException {
    Compilation c = Snippets.compile(Snippets.source("demo.Orders",
        "package demo;",
        "",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "",
        "public class Orders {",
        "  @Async",
        "  static Coroutine<Integer> price(String item) {",
        "    await(sleep(1));",
        "    return done(item.length());",
        "  }",
        "",
        "  @Async",
        "  static Coroutine<String> total(String a, String b, boolean express) {",
        "    int sum = await(price(a)) + await(price(b));",
        "    String line = express && sum > 10 ? \"express \" + await(price(\"fee\")) : \"standard\";",
        "    System.out.println(line + \": \" + sum);",
        "    return done(line);",
        "  }",
        "}"));
    assertMatchesGolden(c, "demo.AsyncOrders", EXPRESSION_GOLDEN);
  }

  @Test
  void aSplitTryBecomesStatesWithAPendingExitForItsFinally() throws IOException {
    Compilation c = Snippets.compile(Snippets.source("demo.Pantry",
        "package demo;",
        "",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "",
        "public class Pantry {",
        "  @Async",
        "  static Coroutine<String> fetch(String shelf) {",
        "    System.out.println(\"opening \" + shelf);",
        "    try {",
        "      await(sleep(1));",
        "      if (shelf.isEmpty()) {",
        "        return done(\"nothing\");",
        "      }",
        "      System.out.println(\"taking from \" + shelf);",
        "    } finally {",
        "      await(sleep(1));",
        "      System.out.println(\"closing \" + shelf);",
        "    }",
        "    return done(shelf);",
        "  }",
        "}"));
    assertMatchesGolden(c, "demo.AsyncPantry", FINALLY_GOLDEN);
  }

  @Test
  void aGeneratorBecomesStatesThatProduceEachValue() throws IOException {
    Compilation c = Snippets.compile(Snippets.source("demo.Oven",
        "package demo;",
        "",
        "import io.jasyncio.Generator;",
        "import io.jasyncio.annotations.Async;",
        "",
        "public class Oven {",
        "  @Async",
        "  static Generator<Integer> temperatures(int from, int to, int step) {",
        "    int reached = from;",
        "    while (reached < to) {",
        "      Generator.yield(reached);",
        "      reached += step;",
        "    }",
        "    System.out.println(\"preheated to \" + to);",
        "    return null;",
        "  }",
        "}"));
    assertMatchesGolden(c, "demo.AsyncOven", GENERATOR_GOLDEN);
  }

  private static void assertMatchesGolden(Compilation c, String className, Path golden)
      throws IOException {
    assertThat(c).succeededWithoutWarnings();
    String generated = Snippets.generatedSource(c, className);
    if (Boolean.getBoolean("jasyncio.updateGolden")) {
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertThat(generated).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
