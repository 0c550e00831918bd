package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.AsyncKitchen;
import example.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asyncio.run on the real clock. Nothing here sleeps for real: a run that waited for an hour-long
 * timer would hit the JUnit timeout, which guards against hangs, not for timing.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RunTest {
  private final List<String> log = new ArrayList<>();

  @Test
  void runReturnsTheResultAndClosesItsLoop() {
    List<EventLoop> loops = new ArrayList<>();

    int sum = Asyncio.run(Script.named("main")
        .run(() -> loops.add(Asyncio.getRunningLoop()))
        .await(() -> new AsyncKitchen().numSum(21)).returning(() -> 42));

    assertThat(sum).isEqualTo(42);
    assertThat(loops.get(0).isClosed()).isTrue();
    assertThatThrownBy(Asyncio::getRunningLoop).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void runReturnsAsSoonAsItsCoroutineFinishesDespiteCancelledTimers() {
    Object result = Asyncio.run(Script.named("main")
        .run(() -> Asyncio.getRunningLoop().callLater(3600, () -> log.add("timer")).cancel())
        .returning(() -> "done"));

    assertThat(result).isEqualTo("done");
    assertThat(log).isEmpty();
  }

  @Test
  void runCancelsTasksStillPendingAndRunsTheirFinally() {
    // Python: the background task's finally prints "bg finally", then run returns 7.
    int result = Asyncio.run(Script.named("main")
        .run(() -> Asyncio.createTask(Script.named("bg")
            .await(() -> sleep(3600), v -> { }, e -> {
              log.add("bg finally " + e.getClass().getSimpleName());
              throw e;
            })
            .build()))
        .await(() -> sleep(0))
        .returning(() -> 7));

    assertThat(result).isEqualTo(7);
    assertThat(log).containsExactly("bg finally CancelledException");
  }

  @Test
  void runFromARunningLoopThrows() {
    List<Throwable> errors = new ArrayList<>();
    Coroutine<Integer> inner = new AsyncKitchen().twice(1);

    Asyncio.run(Script.named("main").run(() -> {
      try {
        Asyncio.run(inner);
      } catch (IllegalStateException e) {
        errors.add(e);
      }
    }).build());

    assertThat(errors).extracting(Throwable::getMessage)
        .containsExactly("run() cannot be called from a running event loop");
  }

  @Test
  void runnerRunsSeveralCoroutinesOnOneVirtualLoop() {
    try (Runner runner = new Runner(new VirtualClock())) {
      runner.run(sleep(10));
      runner.run(sleep(5));

      assertThat(runner.getLoop().time()).isEqualTo(15.0);
    }
  }
}
