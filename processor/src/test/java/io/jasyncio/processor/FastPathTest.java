package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaiting something already finished continues at once: another task that is ready cannot run
 * in between, which it would if the await passed through the loop's ready queue.
 */
class FastPathTest {

  private static final Compilation COMPILED = Snippets.compile(Snippets.source("demo.Fast",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import java.util.List;",
      "import static io.jasyncio.Asyncio.*;",
      "public class Fast {",
      "  @Async static Coroutine<Void> other(List<String> log) {",
      "    log.add(\"other task\");",
      "    return done();",
      "  }",
      "  @Async static Coroutine<Integer> finishesInline() { return done(41); }",
      "  @Async static Coroutine<String> awaitsFinishedThings(List<String> log) {",
      "    createTask(AsyncFast.other(log));",
      "    AsyncFuture<Integer> future = getRunningLoop().createFuture();",
      "    future.setResult(1);",
      "    int fromFuture = await(future);",
      "    log.add(\"after finished future\");",
      "    int fromCoroutine = await(finishesInline());",
      "    log.add(\"after inline coroutine\");",
      "    await(sleep(0));",
      "    log.add(\"after sleep(0)\");",
      "    return done(fromFuture + \"+\" + fromCoroutine);",
      "  }",
      "}"));

  @Test
  void awaitingFinishedFutureOrInlineCoroutineDoesNotLetOtherTasksRun() throws Throwable {
    assertThat(COMPILED).succeededWithoutWarnings();
    List<String> log = new ArrayList<>();
    LoopRun run = LoopRun.staticCall(COMPILED, "demo.AsyncFast", "awaitsFinishedThings", log);
    assertThat(run.result()).isEqualTo("1+41");
    // sleep(0) is the first real suspension: only there does the other task get its turn.
    assertThat(log).containsExactly(
        "after finished future", "after inline coroutine", "other task", "after sleep(0)");
  }
}
