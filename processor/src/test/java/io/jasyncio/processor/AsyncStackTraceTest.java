package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Async stack traces on generated machines: an exception thrown four coroutines deep reads like
 * a synchronous stack trace, each awaiting coroutine at the line of its {@code await}, whether the
 * coroutines ran inline (real frames, mapped back to the template's lines) or were resumed by
 * their task after a real suspension (frames made from their state).
 */
class AsyncStackTraceTest {
  /** Line numbers below are the snippet's own: a awaits at 10, b at 15, c at 18, d throws at 23. */
  private static final Compilation CHAIN = Snippets.compile(Snippets.source("demo.Chain",
      "package demo;",
      "import io.jasyncio.Asyncio;",
      "import io.jasyncio.Coroutine;",
      "import io.jasyncio.annotations.Async;",
      "import static io.jasyncio.Asyncio.*;",
      "import java.io.*;",
      "",
      "public class Chain {",
      "  @Async static Coroutine<Integer> a(boolean suspend) {",
      "    int got = await(b(suspend));",
      "    return done(got + 1);",
      "  }",
      "  @Async static Coroutine<Integer> b(boolean suspend) {",
      "    await(sleep(0));",
      "    return done(await(c(suspend)) * 2);",
      "  }",
      "  @Async static Coroutine<Integer> c(boolean suspend) {",
      "    int x = await(d(suspend));",
      "    return done(x);",
      "  }",
      "  @Async static Coroutine<Integer> d(boolean suspend) {",
      "    if (suspend) await(sleep(0));",
      "    throw new IllegalStateException(\"boom\");",
      "  }",
      "  static String run(boolean suspend) {",
      "    try {",
      "      Asyncio.run(AsyncChain.a(suspend));",
      "      return \"no exception\";",
      "    } catch (IllegalStateException e) {",
      "      StringWriter out = new StringWriter();",
      "      e.printStackTrace(new PrintWriter(out));",
      "      return out.toString();",
      "    }",
      "  }",
      "}"));

  @ParameterizedTest(name = "d suspends first: {0}")
  @ValueSource(booleans = {true, false})
  void fourCoroutinesDeepReadLikeASynchronousTrace(boolean suspend) throws Throwable {
    assertThat(CHAIN).succeededWithoutWarnings();

    String printed = (String) Snippets.callStatic(Snippets.load(CHAIN), "demo.Chain", "run",
        suspend);

    List<String> lines = Arrays.asList(printed.split("\\R"));
    assertThat(lines).startsWith(
        "java.lang.IllegalStateException: boom",
        "\tat demo.Chain.d(Chain.java:23)",
        "\tat demo.Chain.c(Chain.java:18)",
        "\tat demo.Chain.b(Chain.java:15)",
        "\tat demo.Chain.a(Chain.java:10)");
    assertThat(lines.get(5)).startsWith("\tat io.jasyncio.Asyncio.run(Asyncio.java:");
    assertThat(lines.get(6)).isEqualTo("\tat demo.Chain.run(Chain.java:27)");
    assertThat(printed).doesNotContain("io.jasyncio.Task", "io.jasyncio.Coroutine",
        "io.jasyncio.EventLoop", "io.jasyncio.internal", "Machine", "AsyncChain");
  }

  /** An async generator that fails at its second value, read by {@code for (...: aiter(...))}. */
  private static final Compilation GENERATOR = Snippets.compile(Snippets.source("demo.Pages",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import static io.jasyncio.Asyncio.*;",
      "import java.io.*;",
      "",
      "public class Pages {",
      "  @Async static AsyncGenerator<String> pages() {",
      "    for (int i = 1; ; i++) {",
      "      await(sleep(0));",
      "      if (i == 2) throw new IllegalStateException(\"torn page\");",
      "      Generator.yield(\"page \" + i);",
      "    }",
      "  }",
      "  @Async static Coroutine<Integer> read() {",
      "    int count = 0;",
      "    for (String page : aiter(AsyncPages.pages())) {",
      "      count++;",
      "    }",
      "    return done(count);",
      "  }",
      "  @Async static Coroutine<Integer> main() {",
      "    return done(await(AsyncPages.read()));",
      "  }",
      "  static String run() {",
      "    try {",
      "      Asyncio.run(AsyncPages.main());",
      "      return \"no exception\";",
      "    } catch (IllegalStateException e) {",
      "      StringWriter out = new StringWriter();",
      "      e.printStackTrace(new PrintWriter(out));",
      "      return out.toString();",
      "    }",
      "  }",
      "}"));

  @Test
  void anAsyncGeneratorsFailureShowsTheLoopReadingItAndItsAwaiters() throws Throwable {
    assertThat(GENERATOR).succeededWithoutWarnings();

    String printed = (String) Snippets.callStatic(Snippets.load(GENERATOR), "demo.Pages", "run");

    List<String> lines = Arrays.asList(printed.split("\\R"));
    assertThat(lines).startsWith(
        "java.lang.IllegalStateException: torn page",
        "\tat demo.Pages.pages(Pages.java:11)",
        "\tat demo.Pages.read(Pages.java:17)",
        "\tat demo.Pages.main(Pages.java:23)");
    assertThat(lines.get(4)).startsWith("\tat io.jasyncio.Asyncio.run(Asyncio.java:");
  }
}
