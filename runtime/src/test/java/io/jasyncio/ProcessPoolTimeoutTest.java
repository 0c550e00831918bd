package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks that never end: a timeout, a cancellation, {@code killWorkers}, {@code terminateWorkers}
 * or {@code close} stops each, the worker that ran it is killed, and the task behind it runs.
 * Hung tasks print "started &lt;pid&gt;" first, so a test knows which worker to look for.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPoolTimeoutTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  static int hang(String tag) throws InterruptedException {
    System.out.println(tag + " " + ProcessHandle.current().pid());
    new CountDownLatch(1).await();
    return 0;
  }

  /** The pid a hung task printed after {@code tag}. */
  private static long startedWorker(PrintedLines out, String tag) throws InterruptedException {
    String line = out.await(tag + " ");
    return Long.parseLong(line.substring(line.indexOf(tag + " ") + tag.length() + 1).strip());
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void taskPastItsTimeoutFailsWithTimeoutExceptionAndTheTaskBehindItRuns() {
    try (ProcessPool pool = ProcessPool.create(1)) {
      long first = pool.submit(ProcessPoolTimeoutTest::pid, 0).join();

      CompletableFuture<Integer> hung = pool.submit(ProcessPoolTimeoutTest::hang, "hung", SHORT);
      CompletableFuture<Long> behind = pool.submit(ProcessPoolTimeoutTest::pid, 0);

      assertThatThrownBy(hung::join).cause().isInstanceOf(TimeoutException.class)
          .hasMessageContaining("ran longer than its timeout of 500 ms")
          .hasMessageContaining("worker process " + first + " was killed");
      assertThat(behind.join()).isNotEqualTo(first);
      assertThat(isAlive(first)).isFalse();
    }
  }

  @Test
  void poolTimeoutAppliesToEveryKindOfTask() {
    try (ProcessPool pool = ProcessPool.create(1, SHORT)) {
      SerializableCallable<Integer> hangs = () -> hang("callable");

      CompletableFuture<Integer> callable = pool.submit(hangs);
      CompletableFuture<Integer> function = pool.submit(ProcessPoolTimeoutTest::hang, "function");

      assertThatThrownBy(callable::join).cause().isInstanceOf(TimeoutException.class);
      assertThatThrownBy(function::join).cause().isInstanceOf(TimeoutException.class);
      // Its own timeout overrides the pool's, so a slow machine cannot fail this one.
      assertThat(pool.submit(ProcessPoolTimeoutTest::pid, 0, Duration.ofMinutes(1)).join())
          .isPositive();
    }
  }

  @Test
  void timeoutMustBePositive() {
    try (ProcessPool pool = ProcessPool.create(1)) {
      assertThatThrownBy(() -> pool.submit(ProcessPoolTimeoutTest::pid, 0, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a task timeout must be positive");
    }
    assertThatThrownBy(() -> ProcessPool.create(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cancellingARunningTaskKillsItsWorkerAndTheTaskBehindItRuns() throws Exception {
    try (PrintedLines out = PrintedLines.capture(); ProcessPool pool = ProcessPool.create(1)) {
      CompletableFuture<Integer> hung = pool.submit(ProcessPoolTimeoutTest::hang, "cancelled");
      CompletableFuture<Long> behind = pool.submit(ProcessPoolTimeoutTest::pid, 0);
      long victim = startedWorker(out, "cancelled");

      assertThat(hung.cancel(true)).isTrue();

      assertThat(behind.join()).isNotEqualTo(victim);
      assertThat(isAlive(victim)).isFalse();
      assertThatThrownBy(hung::join).isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void cancellingTheAwaitingAsyncioTaskKillsTheWorker() throws Exception {
    EventLoop loop = EventLoop.create(new VirtualClock());
    try (PrintedLines out = PrintedLines.capture(); ProcessPool pool = ProcessPool.create(1)) {
      Task<Void> task = loop.createTask(Script.named("main")
          .await(() -> Asyncio.runInExecutor(pool, ProcessPoolTimeoutTest::hang, "awaited"))
          .build());
      long[] victim = new long[1];
      loop.callSoon(() -> {
        try {
          victim[0] = startedWorker(out, "awaited");
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        task.cancel();
      });

      assertThatThrownBy(() -> loop.runUntilComplete(task))
          .isInstanceOf(CancelledException.class);
      assertThat(pool.submit(ProcessPoolTimeoutTest::pid, 0).join()).isNotEqualTo(victim[0]);
      assertThat(isAlive(victim[0])).isFalse();
    } finally {
      loop.close();
    }
  }

  @Test
  void killWorkersCancelsTheRunningAndTheQueuedTasks() throws Exception {
    try (PrintedLines out = PrintedLines.capture()) {
      ProcessPool pool = ProcessPool.create(1);
      CompletableFuture<Integer> hung = pool.submit(ProcessPoolTimeoutTest::hang, "killed");
      CompletableFuture<Long> queued = pool.submit(ProcessPoolTimeoutTest::pid, 0);
      long victim = startedWorker(out, "killed");

      pool.killWorkers();

      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(hung::join).isInstanceOf(CancellationException.class);
      assertThatThrownBy(queued::join).isInstanceOf(CancellationException.class);
      assertThat(isAlive(victim)).isFalse();
      assertThat(pool.isShutdown()).isTrue();
    }
  }

  @Test
  void terminateWorkersEndsThemAndCancelsTheirTasks() throws Exception {
    try (PrintedLines out = PrintedLines.capture()) {
      ProcessPool pool = ProcessPool.create(1);
      CompletableFuture<Integer> hung = pool.submit(ProcessPoolTimeoutTest::hang, "terminated");
      long victim = startedWorker(out, "terminated");

      pool.terminateWorkers();

      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(hung::join).isInstanceOf(CancellationException.class);
      assertThat(isAlive(victim)).isFalse();
    }
  }

  @Test
  void closeKillsAHungTaskOnceItsBoundHasPassed() throws Exception {
    try (PrintedLines out = PrintedLines.capture()) {
      ProcessPool pool = ProcessPool.create(1);
      CompletableFuture<Integer> hung = pool.submit(ProcessPoolTimeoutTest::hang, "closed");
      long victim = startedWorker(out, "closed");

      pool.close(SHORT);

      assertThat(pool.isTerminated()).isTrue();
      assertThatThrownBy(hung::join).isInstanceOf(CancellationException.class);
      assertThat(isAlive(victim)).isFalse();
    }
  }

  @Test
  void closeWithoutABoundUsesTheCloseSecondsProperty() throws Exception {
    try (PrintedLines out = PrintedLines.capture()) {
      ProcessPool pool = ProcessPool.create(1);
      CompletableFuture<Integer> hung = pool.submit(ProcessPoolTimeoutTest::hang, "closing");
      startedWorker(out, "closing");
      System.setProperty(ProcessPool.CLOSE_SECONDS, "1");
      try {
        pool.close();
      } finally {
        System.clearProperty(ProcessPool.CLOSE_SECONDS);
      }

      assertThat(pool.isTerminated()).isTrue();
      assertThatThrownBy(hung::join).isInstanceOf(CancellationException.class);
    }
  }
}
