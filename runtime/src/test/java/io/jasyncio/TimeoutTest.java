package io.jasyncio;

import static io.jasyncio.Asyncio.shield;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.timeout;
import static io.jasyncio.Asyncio.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import example.With;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** waitFor, the timeout scope and shield, against Python 3.11/3.12 (outputs quoted). */
class TimeoutTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  /** waitFor, whose declared TimeoutException only ever comes at the await. */
  private static <T> Coroutine<T> within(Awaitable<T> awaitable, double seconds) {
    try {
      return waitFor(awaitable, seconds);
    } catch (TimeoutException e) {
      throw new AssertionError("waitFor itself never throws", e);
    }
  }

  private static <T> Coroutine<T> within(Awaitable<T> awaitable, Duration timeout) {
    try {
      return waitFor(awaitable, timeout);
    } catch (TimeoutException e) {
      throw new AssertionError("waitFor itself never throws", e);
    }
  }

  /** timeout(...), whose declared TimeoutException only ever comes at the end of the block. */
  private static Timeout scope(Duration delay) {
    try {
      return timeout(delay);
    } catch (TimeoutException e) {
      throw new AssertionError("timeout itself never throws it", e);
    }
  }

  private static Timeout scope(double delay) {
    try {
      return timeout(delay);
    } catch (TimeoutException e) {
      throw new AssertionError("timeout itself never throws it", e);
    }
  }

  /** sleeps 10 s, then its finally block sleeps 1 s more. */
  private Coroutine<String> slow() {
    return Script.named("slow")
        .await(() -> sleep(10), v -> { }, e -> {
          log.add("slow finally at " + loop.time());
          throw e;
        })
        .returning(() -> "slow");
  }

  private Coroutine<String> slowWithAwaitingFinally() {
    Throwable[] pending = new Throwable[1];
    return Script.named("slow")
        .await(() -> sleep(10), v -> { }, e -> {
          log.add("slow finally at " + loop.time());
          pending[0] = e;
        })
        .await(() -> sleep(1))
        .run(() -> {
          log.add("slow cleaned at " + loop.time());
          if (pending[0] != null) {
            throw pending[0];
          }
        })
        .returning(() -> "slow");
  }

  @Test
  void waitForCancelsTheCoroutineAndThrowsTimeoutOnceItHasUnwound() {
    // Python: ['slow finally at 2.0', 'slow cleaned at 3.0', 'timeout at 3.0 cause=CancelledError']
    loop.runUntilComplete(Script.named("main")
        .await(() -> within(slowWithAwaitingFinally(), 2), v -> log.add("got " + v),
            e -> log.add((e instanceof TimeoutException ? "timeout" : "other") + " at "
                + loop.time() + " cause=" + e.getCause().getClass().getSimpleName()))
        .build());

    assertThat(log).containsExactly("slow finally at 2.0", "slow cleaned at 3.0",
        "timeout at 3.0 cause=CancelledException");
  }

  @Test
  void waitForInTimeGivesTheResultAndLeavesNoCancellation() {
    Task<String> task = loop.createTask(Script.named("main")
        .await(() -> within(slow(), Duration.ofSeconds(20)), v -> log.add("got " + v))
        .await(() -> sleep(30))
        .returning(() -> "main done"));

    assertThat(loop.runUntilComplete(task)).isEqualTo("main done");
    assertThat(log).containsExactly("got slow");
    assertThat(loop.time()).isEqualTo(40.0);
    assertThat(task.cancelling()).isZero();
  }

  @Test
  void waitForAFutureCancelsItOnTimeout() {
    AsyncFuture<String> future = loop.createFuture();
    loop.runUntilComplete(Script.named("main")
        .await(() -> within(future, 1), v -> { }, e -> log.add(e.getClass().getSimpleName()))
        .build());

    assertThat(log).containsExactly("TimeoutException");
    assertThat(future.isCancelled()).isTrue();
    assertThat(loop.time()).isEqualTo(1.0);
  }

  @Test
  void waitForWithZeroTimeoutNeverRunsACoroutineButReturnsADoneFuture() {
    // Python 3.12: ['zero timeout']: the coroutine, wrapped in a task, is cancelled first.
    AsyncFuture<Integer> done = loop.createFuture();
    done.setResult(7);
    loop.runUntilComplete(Script.named("main")
        .await(() -> within(Script.named("quick").log(log, "quick ran").returning(() -> 1), 0),
            v -> log.add("got " + v), e -> log.add("zero timeout"))
        .await(() -> within(done, 0), v -> log.add("done gives " + v))
        .build());

    assertThat(log).containsExactly("zero timeout", "done gives 7");
  }

  @Test
  void cancellingTheWaiterCancelsTheInnerWorkAndStaysACancellation() {
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> within(slow(), 5), v -> { }, e -> {
          log.add("main got " + e.getClass().getSimpleName());
          throw e;
        })
        .build());
    loop.callLater(1, task::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(log).containsExactly("slow finally at 1.0", "main got CancelledException");
  }

  @Test
  void timeoutScopeCanBeRescheduledAndReportsExpired() {
    // Python: ['scope timeout at 3.0 expired=True']
    Timeout[] scope = new Timeout[1];
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scoped", () -> scope[0] = scope(Duration.ofSeconds(1)),
            cm -> Script.named("body")
                .run(() -> cm.reschedule(loop.time() + 3))
                .await(() -> sleep(5))
                .build()),
            v -> log.add("no timeout"),
            e -> log.add((e instanceof TimeoutException ? "scope timeout" : e.toString()) + " at "
                + loop.time() + " expired=" + scope[0].expired()))
        .build());

    assertThat(log).containsExactly("scope timeout at 3.0 expired=true");
  }

  @Test
  void aBodyThatSwallowsTheCancellationEndsNormallyAndUncancels() {
    // Python: ['swallowed', 'after swallow 1.0 expired=True cancelling=0']
    Timeout[] scope = new Timeout[1];
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> With.resource("scoped", () -> scope[0] = scope(1.0),
            cm -> Script.named("body")
                .await(() -> sleep(5), v -> { }, e -> log.add("swallowed"))
                .build()))
        .run(() -> log.add("after swallow " + loop.time() + " expired=" + scope[0].expired()
            + " cancelling=" + Asyncio.currentTask().cancelling()))
        .build());

    loop.runUntilComplete(task);
    assertThat(log).containsExactly("swallowed", "after swallow 1.0 expired=true cancelling=0");
  }

  @Test
  void aCancellationFromOutsideTheScopeStaysACancellation() {
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> With.resource("scoped", () -> scope(Duration.ofSeconds(5)),
            cm -> Script.named("body").await(() -> sleep(10)).build()),
            v -> { }, e -> {
              log.add(e.getClass().getSimpleName() + " at " + loop.time());
              throw e;
            })
        .build());
    loop.callLater(1, task::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    assertThat(log).containsExactly("CancelledException at 1.0");
  }

  @Test
  void aScopeClosedInTimeStopsItsTimerAndCannotBeRescheduled() {
    Timeout[] scope = new Timeout[1];
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scoped", () -> scope[0] = scope(Duration.ofSeconds(5)),
            cm -> Script.named("body").await(() -> sleep(1)).build()))
        .await(() -> sleep(10))
        .build());

    assertThat(scope[0].expired()).isFalse();
    assertThat(scope[0].when()).isEqualTo(5.0);
    assertThatThrownBy(() -> scope[0].reschedule(20)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> timeout(1.0)).hasMessage("no running event loop");
  }

  @Test
  void shieldKeepsTheInnerTaskRunningWhenItsAwaiterIsCancelled() {
    // Python: ['waiter cancelled at 1.0, inner done=False', 'slow finally at 10.0',
    //          'slow cleaned at 11.0', 'slow', 11.0]
    Task<String> inner = loop.createTask(slowWithAwaitingFinally());
    Task<String> waiter = loop.createTask(Script.named("waiter")
        .await(() -> shield(inner), v -> { })
        .returning(() -> "waiter"));
    loop.callLater(1, waiter::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(waiter))
        .isInstanceOf(CancelledException.class);
    log.add("waiter cancelled at " + loop.time() + ", inner done=" + inner.isDone());
    assertThat(inner.cancelling()).isZero();
    log.add(loop.runUntilComplete(inner));

    assertThat(log).containsExactly("waiter cancelled at 1.0, inner done=false",
        "slow cleaned at 11.0", "slow");
    assertThat(loop.time()).isEqualTo(11.0);
  }

  @Test
  void shieldPassesTheOutcomeOnAndReturnsADoneFutureItself() {
    AsyncFuture<String> done = loop.createFuture();
    done.setResult("d");
    IllegalStateException boom = new IllegalStateException("boom");
    loop.runUntilComplete(Script.named("main")
        .run(() -> assertThat(shield(done)).isSameAs(done))
        .await(() -> shield(slow()), v -> log.add("got " + v))
        .await(() -> shield(Script.named("fails").await(() -> sleep(1)).run(() -> {
          throw boom;
        }).build()), v -> { }, e -> log.add(e == boom ? "same exception" : "other"))
        .build());

    assertThat(log).containsExactly("got slow", "same exception");
  }
}
