package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import example.Script;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Loop-only operations called from another thread while the loop runs: refused in debug mode as
 * asyncio's {@code _check_thread} refuses them, unchecked (only asserted) outside it. The other
 * thread is joined by a callback, so the loop is running, on purpose blocked, while it calls.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ForeignThreadTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void debugModeRefusesSetResultFromAnotherThreadAndNamesTheThreadsafeWay() {
    loop.setDebug(true);
    AsyncFuture<Integer> future = loop.createFuture();

    Throwable refused = fromAnotherThreadWhileRunning(() -> future.setResult(1));

    assertThat(refused).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Non-thread-safe operation invoked on an event loop other than"
            + " the current one: AsyncFuture.setResult called on thread 'other'")
        .hasMessageContaining("loop.callSoonThreadsafe(");
    assertThat(future.isDone()).isFalse();
  }

  @Test
  void debugModeRefusesEveryFutureAndTaskOperationFromAnotherThread() {
    loop.setDebug(true);
    AsyncFuture<Integer> future = loop.createFuture();
    Task<Void> task = loop.createTask(Script.named("waiter").await(() -> future).build());
    Consumer<AsyncFuture<Integer>> callback = f -> { };
    Map<String, Runnable> calls = new LinkedHashMap<>();
    calls.put("AsyncFuture.setResult", () -> future.setResult(1));
    calls.put("AsyncFuture.setException", () -> future.setException(new RuntimeException()));
    calls.put("AsyncFuture.cancel", future::cancel);
    calls.put("AsyncFuture.addDoneCallback", () -> future.addDoneCallback(callback));
    calls.put("AsyncFuture.removeDoneCallback", () -> future.removeDoneCallback(callback));
    calls.put("Task.cancel", task::cancel);
    calls.put("callSoon", () -> loop.callSoon(() -> { }));
    calls.put("callAt", () -> loop.callLater(1, () -> { }));
    calls.put("createTask", () -> loop.createTask(Script.named("late").build()));

    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, Runnable> call : calls.entrySet()) {
      Throwable t = fromAnotherThreadWhileRunning(call.getValue());
      if (t instanceof IllegalStateException
          && t.getMessage().contains(": " + call.getKey() + " called on thread 'other'")) {
        refused.add(call.getKey());
      }
    }

    assertThat(refused).containsExactlyElementsOf(calls.keySet());
    assertThat(future.isDone()).isFalse();
    assertThat(task.isDone()).isFalse();
    assertThat(task.cancelling()).isZero();
  }

  @Test
  void debugModeAcceptsTheSameCompletionHandedOverWithCallSoonThreadsafe() {
    loop.setDebug(true);
    AsyncFuture<Integer> future = loop.createFuture();
    Task<Integer> task = loop.createTask(Script.named("waiter")
        .await(() -> future).returning(() -> future.result() + 1));

    Throwable thrown = fromAnotherThreadWhileRunning(
        () -> loop.callSoonThreadsafe(() -> future.setResult(41)));

    assertThat(thrown).isNull();
    assertThat(loop.runUntilComplete(task)).isEqualTo(42);
  }

  @Test
  void outsideDebugModeSetResultFromAnotherThreadIsOnlyAsserted() {
    loop.setDebug(false);
    AsyncFuture<Integer> future = loop.createFuture();

    Throwable thrown = fromAnotherThreadWhileRunning(() -> future.setResult(1));

    if (AsyncFuture.class.desiredAssertionStatus()) {
      assertThat(thrown).isInstanceOf(AssertionError.class); // as before: a bug, caught by -ea
    } else {
      assertThat(thrown).isNull();
      assertThat(future.result()).isEqualTo(1);
    }
  }

  /**
   * Runs one turn of the loop in which a callback starts a thread named {@code other} that makes
   * {@code call}, and joins it; returns what the call threw, or null.
   */
  private Throwable fromAnotherThreadWhileRunning(Runnable call) {
    Throwable[] thrown = new Throwable[1];
    AsyncFuture<Void> turn = loop.createFuture();
    loop.callSoon(() -> {
      Thread other = new Thread(() -> thrown[0] = catchThrowable(call::run), "other");
      other.start();
      joinUninterruptibly(other);
      turn.setResult(null);
    });
    loop.runUntilComplete(turn);
    return thrown[0];
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    for (;;) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
