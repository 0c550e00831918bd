package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Basic cancellation, matching Python 3.11 (outputs quoted in each test). */
class CancellationTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void taskCancelledBeforeItsFirstStepNeverRunsItsBody() {
    // Python: cancel() -> True, True; the body never runs; awaiting raises CancelledError.
    Task<Void> task = loop.createTask(Script.named("body").log(log, "body ran").build());

    assertThat(task.cancel()).isTrue();
    assertThat(task.cancel()).isTrue();
    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(log).isEmpty();
    assertThat(task.isCancelled()).isTrue();
    assertThat(task.cancel()).isFalse();
    assertThatThrownBy(task::result).isInstanceOf(CancelledException.class);
    assertThatThrownBy(task::exception).isInstanceOf(CancelledException.class);
  }

  @Test
  void cancellingATaskSuspendedOnAFutureCancelsItAndThrowsAtTheAwait() {
    // Python: cancel() -> True, future cancelled; ['w got cancel'] and the task ends cancelled.
    AsyncFuture<String> future = loop.createFuture();
    Task<Void> task = loop.createTask(Script.named("w")
        .await(() -> future, v -> log.add("got " + v), e -> {
          log.add("w got " + e.getClass().getSimpleName());
          throw e;
        })
        .build());
    loop.callSoon(() -> {
      assertThat(task.cancel()).isTrue();
      assertThat(future.isCancelled()).isTrue();
    });

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(log).containsExactly("w got CancelledException");
    assertThat(task.isCancelled()).isTrue();
  }

  @Test
  void cancellingASleepingTaskRunsItsFinallyAtOnce() {
    Task<Void> task = loop.createTask(Script.named("sleeper")
        .await(() -> sleep(10), v -> log.add("woke"), e -> {
          log.add("finally at " + loop.time());
          throw e;
        })
        .build());
    loop.callLater(1, task::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(log).containsExactly("finally at 1.0");
    assertThat(loop.time()).isEqualTo(1.0);
  }

  @Test
  void aCancelArrivingAfterTheSleepEndedButBeforeTheTaskRanThrowsAtTheAwait() {
    // Python (call_at(t0 + 1, lambda: call_soon(t.cancel)) before a task sleeping 1 s starts):
    // 'cancelled at 1': the sleep's timer has fired, so cancel() finds its future done and the
    // wake-up carries the cancellation instead; caught, the task sleeps again, woken once.
    AtomicReference<Task<Void>> sleeper = new AtomicReference<>();
    loop.callAt(1, () -> loop.callSoon(() -> log.add("cancel() -> " + sleeper.get().cancel())));
    Task<Void> task = loop.createTask(Script.named("sleeper")
        .await(() -> sleep(1), v -> log.add("woke"), e -> log.add("cancelled at " + loop.time()))
        .await(() -> sleep(1), v -> log.add("slept again until " + loop.time()))
        .build());
    sleeper.set(task);

    loop.runUntilComplete(task);
    // Woken once: the second sleep lasts its whole second.
    assertThat(log).containsExactly("cancel() -> true", "cancelled at 1.0",
        "slept again until 2.0");
    assertThat(task.getCoro().toString()).contains("sleeper");
  }

  @Test
  void getCoroIsTheTasksOwnCoroutineWhileItAwaitsAChainFromInsideItAndOnceItEnded() {
    Coroutine<Integer> outer = Script.named("outer")
        .await(() -> Script.named("inner")
            .run(() -> log.add("inside: " + Asyncio.currentTask().getCoro()))
            .await(() -> sleep(1))
            .returning(() -> 1))
        .returning(() -> 2);
    Task<Integer> task = loop.createTask(outer);
    loop.callLater(0.5, () -> log.add("suspended: " + task.getCoro()));

    assertThat(loop.runUntilComplete(task)).isEqualTo(2);
    assertThat(log).containsExactly("inside: " + outer, "suspended: " + outer);
    assertThat(task.getCoro()).isSameAs(outer);
  }

  @Test
  void taskThatCatchesTheCancellationFinishesNormally() {
    // Python: ['y1', 'y cancelled'] and result 5.
    Task<Integer> task = loop.createTask(Script.named("y")
        .log(log, "y1")
        .await(() -> sleep(0), v -> { }, e -> log.add("y cancelled"))
        .returning(() -> 5));
    loop.callSoon(task::cancel);

    assertThat(loop.runUntilComplete(task)).isEqualTo(5);
    assertThat(log).containsExactly("y1", "y cancelled");
    assertThat(task.isCancelled()).isFalse();
  }

  @Test
  void cancellingTheAwaitedTaskReachesItsAwaiterAsCancelledException() {
    Task<Void> inner = loop.createTask(Script.named("inner").await(() -> sleep(10)).build());
    Task<Void> outer = loop.createTask(Script.named("outer")
        .await(() -> inner, v -> { }, e -> log.add("outer got " + e.getClass().getSimpleName()))
        .build());
    loop.callLater(1, inner::cancel);

    loop.runUntilComplete(outer);

    assertThat(log).containsExactly("outer got CancelledException");
    assertThat(inner.isCancelled()).isTrue();
    assertThat(outer.isCancelled()).isFalse();
  }

  @Test
  void aCancelledExceptionEscapingTheCoroutineCancelsTheTask() {
    CancelledException own = new CancelledException("mine");
    Task<Void> task = loop.createTask(Script.named("raiser").run(() -> {
      throw own;
    }).build());

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isSameAs(own);
    assertThat(task.isCancelled()).isTrue();
  }

  @Test
  void aSleepingTaskCancelledTwiceGetsTheFirstMessageAndCountsBoth() {
    // Python 3.11: 7 ['cancelling 2', 'uncancel 1', 'caught first'] 1
    List<String> log = new ArrayList<>();
    Task<Integer> task = loop.createTask(Script.named("stubborn")
        .await(() -> sleep(10), v -> log.add("woke"), e -> log.add("caught " + e.getMessage()))
        .returning(() -> 7));
    loop.callLater(1, () -> {
      task.cancel("first");
      task.cancel("second");
      log.add("cancelling " + task.cancelling());
      log.add("uncancel " + task.uncancel());
    });

    assertThat(loop.runUntilComplete(task)).isEqualTo(7);
    assertThat(log).containsExactly("cancelling 2", "uncancel 1", "caught first");
    assertThat(task.cancelling()).isEqualTo(1);
  }

  @Test
  void taskRefusesSetResultAndSetException() {
    Task<Void> task = loop.createTask(Script.named("t").build());

    assertThatThrownBy(() -> task.setResult(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> task.setException(new RuntimeException()))
        .isInstanceOf(UnsupportedOperationException.class);
    loop.runUntilComplete(task);
  }
  @Test
  void cancellingATaskCancelsWhatItsAwaitedCoroutineAwaitsAndFinallyBlocksMayAwait() {
    // Python 3.11: cancel('stop') -> True, True; cancelling() 2; future cancelled;
    // ["inner cancelled ('stop',)", 'outer cancelled', 'outer cleaned at 1', "main got ('stop',)"]
    AsyncFuture<String> future = loop.createFuture();
    Coroutine<Void> inner = Script.named("inner")
        .await(() -> future, v -> { }, e -> {
          log.add("inner cancelled " + e.getMessage());
          throw e;
        })
        .build();
    Throwable[] caught = new Throwable[1];
    Task<Void> outer = loop.createTask(Script.named("outer")
        .await(() -> inner, v -> { }, e -> {
          log.add("outer cancelled");
          caught[0] = e;
        })
        .await(() -> sleep(1))
        .run(() -> {
          log.add("outer cleaned at " + loop.time());
          throw caught[0];
        })
        .build());
    loop.callSoon(() -> {
      assertThat(outer.cancel("stop")).isTrue();
      assertThat(outer.cancel()).isTrue();
      assertThat(outer.cancelling()).isEqualTo(2);
      assertThat(future.isCancelled()).isTrue();
    });

    assertThatThrownBy(() -> loop.runUntilComplete(outer))
        .isInstanceOf(CancelledException.class).hasMessage("stop");
    assertThat(log).containsExactly("inner cancelled stop", "outer cancelled",
        "outer cleaned at 1.0");
    assertThat(outer.isCancelled()).isTrue();
  }

  @Test
  void aTaskThatUncancelsGoesOnAndItsCountDropsToZero() {
    // Python 3.11: ['caught; cancelling=1', 'uncancel -> 0'] and result 'went on'.
    Task<?>[] self = new Task<?>[1];
    Task<String> task = loop.createTask(Script.named("stubborn")
        .run(() -> self[0] = Asyncio.currentTask())
        .await(() -> sleep(10), v -> { }, e -> {
          log.add("caught; cancelling=" + self[0].cancelling());
          log.add("uncancel -> " + self[0].uncancel());
        })
        .await(() -> sleep(1))
        .returning(() -> "went on"));
    loop.callLater(1, task::cancel);

    assertThat(loop.runUntilComplete(task)).isEqualTo("went on");
    assertThat(log).containsExactly("caught; cancelling=1", "uncancel -> 0");
    assertThat(loop.time()).isEqualTo(2.0);
    assertThat(task.uncancel()).isZero();
  }

  @Test
  void aTaskThatCancelsItselfGetsTheExceptionAtItsNextAwait() {
    // Python 3.11: ['still running', 'cancelled at sleep'], at time 0.
    Task<Void> task = loop.createTask(Script.named("self")
        .run(() -> Asyncio.currentTask().cancel())
        .log(log, "still running")
        .await(() -> sleep(5), v -> log.add("slept"), e -> {
          log.add("cancelled at sleep");
          throw e;
        })
        .build());

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(log).containsExactly("still running", "cancelled at sleep");
    assertThat(loop.time()).isEqualTo(0.0);
  }

  @Test
  void cancellingATaskAwaitingATaskThatIgnoresCancellationCancelsThatTaskAgain() {
    // asyncio leaves _fut_waiter in place: the second cancel() reaches the inner task again.
    Task<String> inner = loop.createTask(Script.named("inner")
        .await(() -> sleep(10), v -> { }, e -> log.add("inner ignores 1"))
        .await(() -> sleep(10), v -> { }, e -> log.add("inner ignores 2"))
        .returning(() -> "inner done"));
    Task<String> outer = loop.createTask(Script.named("outer")
        .await(() -> inner, v -> log.add("outer got " + v))
        .returning(() -> "outer done"));
    loop.callLater(1, outer::cancel);
    loop.callLater(2, outer::cancel);

    assertThat(loop.runUntilComplete(outer)).isEqualTo("outer done");
    assertThat(log).containsExactly("inner ignores 1", "inner ignores 2", "outer got inner done");
    assertThat(loop.time()).isEqualTo(2.0);
    assertThat(outer.cancelling()).isEqualTo(2);
  }

  @Test
  void currentTaskIsTheTaskWhoseStepRunsAndNullElsewhere() {
    Task<?>[] seen = new Task<?>[2];
    Task<Void> task = loop.createTask(Script.named("t")
        .run(() -> seen[0] = Asyncio.currentTask())
        .await(() -> sleep(0))
        .run(() -> loop.callSoon(() -> seen[1] = Asyncio.currentTask()))
        .build());

    loop.runUntilComplete(task);
    loop.runUntilComplete(Script.named("later").await(() -> sleep(0)).build());

    assertThat(seen[0]).isSameAs(task);
    assertThat(seen[1]).isNull();
    assertThat(Asyncio.currentTask()).isNull();
  }
}
