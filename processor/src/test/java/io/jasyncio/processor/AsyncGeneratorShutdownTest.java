package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The end of a run closes the async generators left suspended, as asyncio's
 * {@code shutdown_asyncgens}: their {@code finally} blocks run, and may await.
 */
class AsyncGeneratorShutdownTest {

  private static final Compilation FLOW = FlowSnippet.compile(
      "  @Async static AsyncGenerator<String> pages(List<String> log, String book, int n) {",
      "    try {",
      "      for (int i = 1; i <= n; i++) {",
      "        await(sleep(1));",
      "        Generator.yield(book + \" page \" + i);",
      "      }",
      "    } finally {",
      "      await(sleep(1));",
      "      log.add(book + \" closed at \" + getRunningLoop().time());",
      "    }",
      "    return null;",
      "  }",
      "  @Async static AsyncGenerator<Integer> stubborn(List<String> log) {",
      "    try {",
      "      Generator.yield(1);",
      "    } finally {",
      "      log.add(\"stubborn finally\");",
      "      if (ALWAYS) throw new IllegalStateException(\"cannot close\");",
      "    }",
      "    return null;",
      "  }",
      "  @Async static AsyncGenerator<Integer> quick(List<String> log) {",
      "    try {",
      "      Generator.yield(1);",
      "      Generator.yield(2);",
      "    } finally {",
      "      log.add(\"quick finally\");",
      "    }",
      "    return null;",
      "  }",
      "  @Async static Coroutine<String> abandon(List<String> log) {",
      "    for (String page : aiter(AsyncFlow.pages(log, \"a\", 5))) {",
      "      log.add(\"got \" + page);",
      "      if (page.endsWith(\"2\")) break;",
      "    }",
      "    AsyncGenerator<String> b = AsyncFlow.pages(log, \"b\", 5);",
      "    log.add(\"got \" + await(b.next()));",
      "    AsyncFlow.pages(log, \"never started\", 5);",
      "    for (String page : aiter(AsyncFlow.pages(log, \"c\", 1))) {",
      "      log.add(\"got \" + page);",
      "    }",
      "    return done(\"main done at \" + getRunningLoop().time());",
      "  }",
      "  @Async static Coroutine<String> failingClose(List<String> log) {",
      "    AsyncGenerator<Integer> s = AsyncFlow.stubborn(log);",
      "    log.add(\"got \" + await(s.next()));",
      "    for (int v : aiter(AsyncFlow.quick(log))) {",
      "      break;",
      "    }",
      "    return done(\"main done\");",
      "  }");

  private static Coroutine<?> call(String method, List<String> log) throws Throwable {
    return (Coroutine<?>) Snippets.callStatic(Snippets.load(FLOW), "demo.AsyncFlow", method, log);
  }

  @Test
  void closingTheRunnerRunsTheFinallyOfGeneratorsLeftSuspended() throws Throwable {
    List<String> log = new ArrayList<>();
    try (Runner runner = new Runner(new VirtualClock())) {
      log.add(String.valueOf(runner.run(call("abandon", log))));
      log.add("run returned");
    }

    // a and b are left at a yield and closed together at the end; c finished on its own, and
    // the generator never stepped has nothing to close.
    assertThat(log).containsExactly("got a page 1", "got a page 2", "got b page 1",
        "got c page 1", "c closed at 5.0", "main done at 5.0", "run returned",
        "a closed at 6.0", "b closed at 6.0");
  }

  @Test
  void asyncioRunClosesThemBeforeItReturns() throws Throwable {
    List<String> log = new ArrayList<>();
    Coroutine<?> main = call("failingClose", log);
    List<LogRecord> reported = new ArrayList<>();
    Logger logger = Logger.getLogger("io.jasyncio");
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        reported.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      log.add(String.valueOf(Asyncio.run(main)));
    } finally {
      logger.removeHandler(handler);
    }

    // The failure closing one goes to the loop's exception handler (the default logs it), and
    // the other is closed all the same.
    assertThat(log).containsExactly("got 1", "stubborn finally", "quick finally", "main done");
    assertThat(reported).singleElement().satisfies(r -> {
      assertThat(r.getMessage()).startsWith("an error occurred during closing of asynchronous"
          + " generator <async_generator object stubborn at 0x");
      assertThat(r.getThrown()).isInstanceOf(IllegalStateException.class)
          .hasMessage("cannot close");
    });
  }
}
