package io.jasyncio;

import java.util.function.Consumer;

/**
 * {@link Asyncio#shield}: an outer future that follows an inner one, asyncio's {@code shield}.
 * Cancelling the outer future (as cancelling the task that awaits it does) leaves the inner one
 * running; the inner one's outcome is copied to the outer one unless that was cancelled.
 */
final class Shield {
  private Shield() {}

  @SuppressWarnings("unchecked")
  static <T> AsyncFuture<T> of(Awaitable<T> awaitable) {
    if (awaitable == null) {
      throw new NullPointerException("awaitable");
    }
    AsyncFuture<T> inner;
    if (awaitable instanceof Coroutine<T> coro) {
      inner = Asyncio.getRunningLoop().createTask(coro);
    } else {
      inner = (AsyncFuture<T>) awaitable;
      if (inner.loop == null) {
        inner.attach(Asyncio.getRunningLoop());
      }
    }
    if (inner.isDone()) {
      return inner;
    }
    AsyncFuture<T> outer = inner.loop.createFuture();
    Copy<T> copy = new Copy<>(outer);
    inner.addDoneCallback(copy);
    outer.addDoneCallback(f -> {
      if (!inner.isDone()) {
        inner.removeDoneCallback(copy);
      }
    });
    return outer;
  }

  /**
   * Copies the inner future's outcome to the outer one unless that was cancelled; a relay, so the
   * call graph shows the tasks awaiting the outer future as awaiting the inner one.
   */
  private static final class Copy<T> implements Consumer<AsyncFuture<T>>, Relay {
    private final AsyncFuture<T> outer;

    Copy(AsyncFuture<T> outer) {
      this.outer = outer;
    }

    @Override
    public void accept(AsyncFuture<T> f) {
      if (outer.isCancelled()) {
        return;
      }
      if (f.isCancelled()) {
        outer.cancel();
        return;
      }
      Throwable e = f.exception();
      if (e != null) {
        outer.setException(e);
      } else {
        outer.setResult(f.result());
      }
    }

    @Override
    public AsyncFuture<?> relayTarget() {
      return outer;
    }
  }
}
