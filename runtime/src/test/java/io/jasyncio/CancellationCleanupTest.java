package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import example.Script;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a cancellation leaves behind outside debug mode: an exception without a stack trace,
 * no more cancelled timers than asyncio's purge rule allows, and nothing that keeps the
 * cancelled task reachable. (The trace a cancellation carries in debug mode is checked in
 * {@link AsyncStackTraceTest}.)
 */
class CancellationCleanupTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void aCancelledSleepThrowsTheMessageWithoutAStackTraceOutsideDebugMode() {
    loop.setDebug(false);
    List<CancelledException> caught = new ArrayList<>();
    Task<Void> task = loop.createTask(Script.named("sleeper")
        .await(() -> sleep(10), v -> { }, e -> {
          caught.add((CancelledException) e);
          throw e;
        })
        .build());
    loop.callLater(1, () -> task.cancel("enough"));

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(task));

    assertThat(thrown).isInstanceOf(CancelledException.class).hasMessage("enough")
        .isSameAs(caught.get(0));
    assertThat(thrown.getStackTrace()).isEmpty();
    assertThat(task.isCancelled()).isTrue();
  }

  @Test
  void aCancelledFutureThrowsWithoutAStackTraceOutsideDebugMode() {
    loop.setDebug(false);
    AsyncFuture<String> future = loop.createFuture();
    future.cancel();

    Throwable thrown = catchThrowable(future::result);

    assertThat(thrown).isInstanceOf(CancelledException.class).hasMessage(null);
    assertThat(thrown.getStackTrace()).isEmpty();
  }

  @Test
  void aCancelledExceptionMadeByUserCodeKeepsItsStackTrace() {
    assertThat(new CancelledException("mine").getStackTrace()).isNotEmpty();
  }

  @Test
  void cancelledTimersStayOnlyUntilTheyAreMoreThanHalfOfOverAHundred() {
    List<Task<Void>> tasks = sleepingTasks(1000);

    cancel(tasks.subList(600, 1000)); // 400 of 1,000: under half, and none at the top
    runOneTurn();
    assertThat(loop.scheduledTimerCount()).isEqualTo(1000);

    cancel(tasks.subList(499, 600)); // 501 of 1,000: asyncio drops them all at once
    runOneTurn();
    assertThat(loop.scheduledTimerCount()).isEqualTo(499);

    cancel(tasks.subList(0, 10)); // at the top of the heap: dropped as they surface
    runOneTurn();
    assertThat(loop.scheduledTimerCount()).isEqualTo(489);
  }

  @Test
  void cancelledTasksAreUnreachableOnceTheLoopRanOnceEvenWithTheirTimersStillInTheHeap() {
    loop.callLater(1, () -> { }); // a live timer on top keeps the cancelled ones behind it
    List<Task<Void>> tasks = sleepingTasks(50); // too few to purge: their timers stay
    List<WeakReference<Task<Void>>> refs = new ArrayList<>();
    for (Task<Void> t : tasks) {
      refs.add(new WeakReference<>(t));
    }

    cancel(tasks);
    runOneTurn();
    assertThat(tasks).allMatch(Task::isCancelled);
    tasks.clear();

    assertThat(loop.scheduledTimerCount()).isEqualTo(51);
    assertThat(collectedAfterGc(refs)).isTrue();
  }

  /** {@code n} tasks that each took their first step and sleep an hour. */
  private List<Task<Void>> sleepingTasks(int n) {
    List<Task<Void>> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tasks.add(loop.createTask(sleep(3600)));
    }
    runOneTurn();
    return tasks;
  }

  private static void cancel(List<Task<Void>> tasks) {
    for (Task<Void> t : tasks) {
      t.cancel();
    }
  }

  /** Runs one turn of the loop: what is queued now, with the purge before it. */
  private void runOneTurn() {
    AsyncFuture<Void> turn = loop.createFuture();
    loop.callSoon(() -> turn.setResult(null));
    loop.runUntilComplete(turn);
  }

  /** Whether every referent is collected, asking for a GC a bounded number of times. */
  private static boolean collectedAfterGc(List<? extends WeakReference<?>> refs) {
    for (int attempt = 0; attempt < 20; attempt++) {
      if (refs.stream().allMatch(r -> r.get() == null)) {
        return true;
      }
      System.gc();
    }
    return refs.stream().allMatch(r -> r.get() == null);
  }
}
