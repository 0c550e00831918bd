package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Awaiting a CompletionStage and handing work to the loop from other threads. The loop itself
 * waits for the other thread; a JUnit timeout only turns a lost wake-up into a failure.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CompletionStageTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private static void onAnotherThread(Runnable body) {
    Thread t = new Thread(body, "completer");
    t.setDaemon(true);
    t.start();
  }

  @Test
  void stageCompletedOnAnotherThreadResumesTheTaskOnTheLoopThread() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    Thread loopThread = Thread.currentThread();
    List<Thread> resumedOn = new ArrayList<>();
    Task<String> task = loop.createTask(Script.named("waiter")
        .log(log, "waiting")
        .await(() -> stage, v -> log.add("got " + v))
        .run(() -> resumedOn.add(Thread.currentThread()))
        .returning(stage::join));
    // Completed from elsewhere once the task is suspended; the loop blocks on its inbox meanwhile.
    loop.callSoon(() -> onAnotherThread(() -> stage.complete("hello")));

    assertThat(loop.runUntilComplete(task)).isEqualTo("hello");
    assertThat(log).containsExactly("waiting", "got hello");
    assertThat(resumedOn).containsExactly(loopThread);
  }

  @Test
  void completedStageDoesNotSuspend() {
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> CompletableFuture.completedFuture(3), v -> log.add("got " + v))
        .build());
    loop.callSoon(() -> log.add("marker"));

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("got 3", "marker");
  }

  @Test
  void stageFailingOnAnotherThreadThrowsTheCauseUnwrapped() {
    Exception cause = new Exception("remote failure");
    CompletableFuture<String> stage = new CompletableFuture<>();
    List<Throwable> caught = new ArrayList<>();
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> stage.thenApply(s -> s + "!"), v -> { }, caught::add).build());
    loop.callSoon(() -> onAnotherThread(() -> stage.completeExceptionally(cause)));

    loop.runUntilComplete(task);

    assertThat(caught).singleElement().isSameAs(cause);
  }

  @Test
  void cancellingTheAwaitingTaskCancelsTheStage() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    Task<Void> task = loop.createTask(Script.named("main").await(() -> stage).build());
    loop.callSoon(task::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(stage.isCancelled()).isTrue();
  }

  @Test
  void callSoonThreadsafeWakesALoopWaitingForARealTimer() throws InterruptedException {
    EventLoop real = EventLoop.create();
    CountDownLatch ran = new CountDownLatch(1);
    try {
      // Without the wake-up the loop would sleep until this timer, an hour away.
      real.callLater(3600, () -> log.add("timer"));
      real.callSoon(() -> onAnotherThread(() -> real.callSoonThreadsafe(() -> {
        log.add("from another thread");
        ran.countDown();
        real.stop();
      })));

      real.runForever();

      assertThat(ran.await(0, TimeUnit.SECONDS)).isTrue();
      assertThat(log).containsExactly("from another thread");
    } finally {
      real.close();
    }
  }

  @Test
  void callSoonThreadsafeOnAClosedLoopThrows() {
    loop.close();

    assertThatThrownBy(() -> loop.callSoonThreadsafe(() -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessage("Event loop is closed");
  }
}
