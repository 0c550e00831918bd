package io.jasyncio;

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
    java.util.function.Consumer<AsyncFuture<T>> copy = f -> {
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
    };
    inner.addDoneCallback(copy);
    outer.addDoneCallback(f -> {
      if (!inner.isDone()) {
        inner.removeDoneCallback(copy);
      }
    });
    return outer;
  }
}
