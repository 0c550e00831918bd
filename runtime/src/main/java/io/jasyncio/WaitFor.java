package io.jasyncio;

import java.util.concurrent.TimeoutException;

/**
 * The coroutine {@link Asyncio#waitFor(Awaitable, double)} returns, Python 3.12's
 * {@code wait_for}: it awaits its awaitable inside a {@link Timeout} scope, so a coroutine runs
 * inline in the awaiting task, is cancelled at its current await when time is up, and the
 * awaiter gets a {@code TimeoutException} caused by that cancellation once the coroutine has
 * finished unwinding. A timeout of zero or less wraps the awaitable in a task (if it is a
 * coroutine) and, unless that is already done, cancels it and waits for it to end.
 */
final class WaitFor<T> extends Coroutine<T> {
  private static final int AWAIT_IN_SCOPE = 1;
  private static final int AWAIT_CANCELLED = 2;

  private final Awaitable<T> awaitable;
  private final double seconds;
  private Timeout scope;
  private AsyncFuture<T> future;

  WaitFor(Awaitable<T> awaitable, double seconds) {
    super("wait_for", false);
    if (awaitable == null) {
      throw new NullPointerException("awaitable");
    }
    if (Double.isNaN(seconds)) {
      throw new IllegalArgumentException("timeout is NaN");
    }
    this.awaitable = awaitable;
    this.seconds = seconds;
  }

  @Override
  @SuppressWarnings("fallthrough")
  protected void resume() throws Throwable {
    switch (state) {
      case 0:
        if (seconds <= 0) {
          startCancelled();
          return;
        }
        if (seconds != Double.POSITIVE_INFINITY) {
          scope = new Timeout(task.loop.time() + seconds);
        }
        try {
          if (suspendOn(awaitable, AWAIT_IN_SCOPE)) {
            return;
          }
        } catch (RuntimeException e) {
          // A coroutine already used, a future of another loop: stop the timer before leaving.
          if (scope != null) {
            scope.exit(e);
          }
          throw e;
        }
        // fall through: done at once
      case AWAIT_IN_SCOPE:
        T value;
        try {
          value = awaited();
        } catch (Throwable e) {
          if (scope != null) {
            scope.exit(e);
          }
          throw e;
        }
        if (scope != null) {
          scope.exit(null);
        }
        complete(value);
        return;
      case AWAIT_CANCELLED:
        awaited();
        complete(resultOrTimeout(future));
        return;
      default:
        throw new IllegalStateException("wait_for has no state " + state);
    }
  }

  /** A timeout of zero or less: asyncio's {@code _cancel_and_wait} unless already done. */
  @SuppressWarnings("unchecked")
  private void startCancelled() throws TimeoutException {
    EventLoop loop = task.loop;
    future = awaitable instanceof Coroutine<T> coro ? loop.createTask(coro)
        : (AsyncFuture<T>) awaitable;
    if (future.isDone()) {
      complete(future.result());
      return;
    }
    // Wait for the cancelled future through a waiter of our own, so that cancelling this task
    // meanwhile does not cancel the future a second time.
    AsyncFuture<Void> waiter = loop.createFuture();
    future.addDoneCallback(f -> {
      if (!waiter.isDone()) {
        waiter.setResult(null);
      }
    });
    future.cancel();
    if (!suspendOn(waiter, AWAIT_CANCELLED)) {
      complete(resultOrTimeout(future));
    }
  }

  private static <T> T resultOrTimeout(AsyncFuture<T> future) throws TimeoutException {
    try {
      return future.result();
    } catch (CancelledException e) {
      TimeoutException timeout = new TimeoutException();
      timeout.initCause(e);
      throw timeout;
    }
  }
}
