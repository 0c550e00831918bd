package io.jasyncio;

import static io.jasyncio.Asyncio.FIRST_COMPLETED;
import static io.jasyncio.Asyncio.asCompleted;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.shield;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.waitFor;
import static io.jasyncio.Asyncio.wrapFuture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The combinators' CompletionStage and Future forms, with asyncio's wrap_future rules. Stages are
 * completed on another thread only where no timer is pending (the virtual clock would not wait
 * for them), or on the real clock with a limit far beyond what they need; a JUnit timeout turns
 * a lost wake-up into a failure.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StageCombinatorsTest {
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

  /** waitFor declares TimeoutException for javac; it is thrown at the await, never here. */
  private static <T> Coroutine<T> within(CompletionStage<T> stage, double seconds) {
    try {
      return waitFor(stage, seconds);
    } catch (TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> Coroutine<T> within(CompletionStage<T> stage, java.time.Duration timeout) {
    try {
      return waitFor(stage, timeout);
    } catch (TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void waitForAStageCompletedOnAnotherThreadInTimeGivesItsValueOnTheLoopThread() {
    EventLoop real = EventLoop.create();
    try {
      CompletableFuture<String> response = new CompletableFuture<>();
      Thread loopThread = Thread.currentThread();
      List<Thread> resumedOn = new ArrayList<>();
      Task<String> task = real.createTask(Script.named("fetch")
          .await(() -> within(response, 60.0), v -> log.add("got " + v))
          .run(() -> resumedOn.add(Thread.currentThread()))
          .returning(() -> "done"));
      real.callSoon(() -> onAnotherThread(() -> response.complete("page")));

      assertThat(real.runUntilComplete(task)).isEqualTo("done");
      assertThat(log).containsExactly("got page");
      assertThat(resumedOn).containsExactly(loopThread);
    } finally {
      real.close();
    }
  }

  @Test
  void waitForALateStageCancelsItsCompletableFutureAndThrowsTimeout() {
    CompletableFuture<String> response = new CompletableFuture<>();
    Task<Void> task = loop.createTask(Script.named("fetch")
        .await(() -> within(response, 1.0), v -> log.add("got " + v),
            e -> log.add(e.getClass().getSimpleName() + " at " + loop.time()
                + " caused by " + e.getCause().getClass().getSimpleName()))
        .build());

    loop.runUntilComplete(task);

    assertThat(log).containsExactly(
        "TimeoutException at 1.0 caused by CancelledException");
    assertThat(response.isCancelled()).isTrue();
  }

  @Test
  void waitForAFailedStageThrowsTheCauseUnwrapped() {
    IOException cause = new IOException("connection reset");
    CompletableFuture<String> failed = CompletableFuture.failedFuture(cause);
    CompletionStage<String> derived = failed.thenApply(s -> s + "!");
    List<Throwable> caught = new ArrayList<>();

    loop.runUntilComplete(Script.named("main")
        .await(() -> within(derived, java.time.Duration.ofSeconds(5)), v -> { }, caught::add)
        .await(() -> within(failed, 5.0), v -> { }, caught::add)
        .build());

    assertThat(caught).containsExactly(cause, cause);
  }

  @Test
  void gatherOfStagesListsValuesInArgumentOrderWhateverOrderTheyComplete() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    loop.callSoon(() -> onAnotherThread(() -> {
      second.complete("b");
      first.complete("a");
    }));

    assertThat(loop.runUntilComplete(gather(first, second))).containsExactly("a", "b");
    assertThat(loop.runUntilComplete(gather(List.of(second, first)))).containsExactly("b", "a");
  }

  @Test
  void gatherOfStagesWithReturnExceptionsPutsTheUnwrappedFailureInItsPlace() {
    IllegalStateException boom = new IllegalStateException("boom");
    List<CompletableFuture<String>> stages = List.of(CompletableFuture.completedFuture("a"),
        CompletableFuture.failedFuture(boom));

    assertThat(loop.runUntilComplete(gather(stages, true))).containsExactly("a", boom);
    assertThatThrownBy(() -> loop.runUntilComplete(gather(stages))).isSameAs(boom);
  }

  @Test
  void cancellingAGatherOfStagesCancelsTheirCompletableFutures() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> done = CompletableFuture.completedFuture("x");
    AsyncFuture<List<String>> all = gather(pending, done);
    loop.callLater(1, all::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(all)).isInstanceOf(CancelledException.class);
    assertThat(pending.isCancelled()).isTrue();
    assertThat(done.isCancelled()).isFalse();
  }

  @Test
  void aTaskAndAWrappedStageGatherTogether() {
    CompletableFuture<String> stage = CompletableFuture.completedFuture("from the JDK");

    loop.runUntilComplete(Script.named("main")
        .await(() -> gather(loop.createTask(Script.named("t").await(() -> sleep(1))
            .returning(() -> "from a task")), wrapFuture(stage)), v -> log.add("got " + v))
        .build());

    assertThat(log).containsExactly("got [from a task, from the JDK]");
  }

  @Test
  void shieldOfAStageLeavesItRunningWhenTheAwaiterIsCancelled() {
    CompletableFuture<String> save = new CompletableFuture<>();
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> shield(save), v -> log.add("saved " + v),
            e -> log.add("main got " + e.getClass().getSimpleName()))
        .build());
    loop.callLater(1, task::cancel);

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("main got CancelledException");
    assertThat(save.isCancelled()).isFalse();
  }

  @Test
  void waitOfStagesReturnsTheStagesThemselvesInTheirSets() {
    CompletableFuture<String> quick = new CompletableFuture<>();
    CompletableFuture<String> slow = new CompletableFuture<>();
    List<CompletableFuture<String>> stages = List.of(slow, quick);
    loop.callSoon(() -> onAnotherThread(() -> quick.complete("q")));

    DoneAndPending<CompletableFuture<String>> r =
        loop.runUntilComplete(Asyncio.wait(stages, FIRST_COMPLETED));

    assertThat(r.done()).containsExactly(quick);
    assertThat(r.pending()).containsExactly(slow);
    assertThat(slow.isCancelled()).isFalse();
    DoneAndPending<CompletableFuture<String>> timedOut =
        loop.runUntilComplete(Asyncio.wait(stages, 2.0, Asyncio.ALL_COMPLETED));
    assertThat(timedOut.pending()).containsExactly(slow);
    assertThat(loop.time()).isEqualTo(2.0);
  }

  @Test
  void asCompletedOfStagesGivesTheirValuesInTheOrderTheyComplete() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    Coroutine<?>[] reader = new Coroutine<?>[1];

    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          Script.Builder steps = Script.named("reader");
          for (Awaitable<String> next : asCompleted(List.of(first, second))) {
            steps.await(() -> next, v -> log.add("got " + v));
          }
          reader[0] = steps.build();
          onAnotherThread(() -> {
            second.complete("second");
            first.complete("first");
          });
        })
        .await(() -> reader[0])
        .build());

    assertThat(log).containsExactly("got second", "got first");
  }

  @Test
  void wrapFutureOfAPlainFutureGivesItsValueOrItsUnwrappedFailure() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      IOException disk = new IOException("disk");
      Future<String> ok = pool.submit(() -> "read");
      Future<String> failing = pool.submit(() -> {
        throw disk;
      });
      List<Throwable> caught = new ArrayList<>();

      loop.runUntilComplete(Script.named("main")
          .await(() -> wrapFuture(ok), v -> log.add("got " + v))
          .await(() -> wrapFuture(failing), v -> { }, caught::add)
          .build());

      assertThat(log).containsExactly("got read");
      assertThat(caught).containsExactly(disk);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancellingTheWrapperOfAPlainFutureCancelsIt() {
    FutureTask<String> neverRun = new FutureTask<>(() -> "never");
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> wrapFuture(neverRun)).build());
    loop.callSoon(task::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(neverRun.isCancelled()).isTrue();
  }

  @Test
  void aCompletableFutureCancelledElsewhereCancelsItsWrapper() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    AsyncFuture<String> wrapper = wrapFuture(stage);
    loop.callSoon(() -> onAnotherThread(() -> stage.cancel(false)));

    assertThatThrownBy(() -> loop.runUntilComplete(wrapper))
        .isInstanceOf(CancelledException.class);
    assertThat(wrapper.isCancelled()).isTrue();
    assertThat(wrapper.getLoop()).isSameAs(loop);
  }

  @Test
  void aWrapperMadeWhereNoLoopRunsBelongsToTheLoopThatRunsIt() {
    AsyncFuture<Integer> wrapper = wrapFuture(CompletableFuture.completedFuture(7));
    assertThat(wrapper.getLoop()).isNull();

    assertThat(Asyncio.run(wrapper)).isEqualTo(7);
  }
}
