package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
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
  void taskRefusesSetResultAndSetException() {
    Task<Void> task = loop.createTask(Script.named("t").build());

    assertThatThrownBy(() -> task.setResult(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> task.setException(new RuntimeException()))
        .isInstanceOf(UnsupportedOperationException.class);
    loop.runUntilComplete(task);
  }
}
