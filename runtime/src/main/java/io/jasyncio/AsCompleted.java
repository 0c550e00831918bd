package io.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What {@link Asyncio#asCompleted(Collection)} returns, asyncio's {@code as_completed}: as many
 * awaitables as distinct arguments; awaiting them in turn gives the results in the order the
 * arguments finish (or throws the exception of the one that finished next). Coroutines are
 * wrapped in tasks when it is made.
 *
 * <p>With a timeout, the awaits that would finish after it throw {@code TimeoutException}
 * (undeclared: the elements are plain awaitables).
 */
final class AsCompleted<T> implements Iterable<Awaitable<T>> {
  /** What the timeout queues in place of each future still pending. */
  private static final Object TIMED_OUT = new Object();

  private final Queue<Object> done = new Queue<>();
  private final List<AsyncFuture<? extends T>> todo = new ArrayList<>();
  private final Consumer<AsyncFuture<?>> onCompletion = this::completed;
  private final int total;
  private int handedOut;
  private TimerHandle timer;

  AsCompleted(Collection<? extends Awaitable<? extends T>> awaitables, double timeout) {
    EventLoop loop = Asyncio.getRunningLoop();
    Map<Awaitable<?>, Boolean> seen = new IdentityHashMap<>();
    for (Awaitable<? extends T> a : awaitables) {
      if (a == null) {
        throw new NullPointerException("awaitable");
      }
      if (seen.put(a, Boolean.TRUE) == null) {
        todo.add(ensureFuture(loop, a));
      }
    }
    total = todo.size();
    for (AsyncFuture<? extends T> f : todo) {
      f.addDoneCallback(onCompletion);
    }
    if (!todo.isEmpty() && timeout != Double.POSITIVE_INFINITY) {
      timer = loop.callLater(timeout, this::timedOut);
    }
  }

  @Override
  public Iterator<Awaitable<T>> iterator() {
    // Like Python's generator: every iterator hands out what is left of the same sequence.
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return handedOut < total;
      }

      @Override
      public Awaitable<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        handedOut++;
        return new WaitForOne();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> AsyncFuture<? extends T> ensureFuture(EventLoop loop,
      Awaitable<? extends T> a) {
    if (a instanceof Coroutine<? extends T> coro) {
      return loop.createTask(coro);
    }
    AsyncFuture<? extends T> f = (AsyncFuture<? extends T>) a;
    if (f.loop == null) {
      f.attach(loop);
    }
    return f;
  }

  private void completed(AsyncFuture<?> f) {
    if (todo.isEmpty()) {
      return; // the timeout came first
    }
    todo.remove(f);
    done.putNowait(f);
    if (todo.isEmpty() && timer != null) {
      timer.cancel();
    }
  }

  private void timedOut() {
    for (AsyncFuture<? extends T> f : todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(TIMED_OUT);
    }
    todo.clear();
  }

  /** One element: asyncio's {@code _wait_for_one}. */
  private final class WaitForOne extends Coroutine<T> {
    WaitForOne() {
      super("_wait_for_one", false);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void resume() throws Throwable {
      if (state == 0 && suspendOn(done.get(), 1)) {
        return;
      }
      Object next = awaited();
      if (next == TIMED_OUT) {
        throw new TimeoutException();
      }
      complete(((AsyncFuture<T>) next).result());
    }
  }
}
