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
 * What {@link Asyncio#asCompleted(Collection)} returns, Python 3.13's {@code as_completed}: the
 * arguments in the order they finish, one per distinct argument. Coroutines are wrapped in tasks
 * when it is made. It can be consumed two ways, which share one sequence:
 *
 * <ul>
 *   <li>as an {@code Iterable<Awaitable<T>>}: each element is a new coroutine that, awaited,
 *       gives the result of the next argument to finish, or throws its exception;
 *   <li>as an {@link AsyncGenerator}, in an {@code @Async} body with
 *       {@code for (AsyncFuture<T> f : aiter(asCompleted(tasks)))} (Python's {@code async for}):
 *       each step gives the next future or task to finish itself, the very object passed in (a
 *       coroutine's task, a stage's {@link Asyncio#wrapFuture wrapper}), so a result can be
 *       told apart by the task it came from.
 * </ul>
 *
 * <pre>{@code
 * Map<Task<String>, String> urls = ...;
 * for (AsyncFuture<String> done : aiter(asCompleted(urls.keySet()))) {
 *   System.out.println(urls.get(done) + ": " + done.result());
 * }
 * }</pre>
 *
 * <p>With a timeout, the awaits that would finish after it throw {@code TimeoutException}
 * (undeclared: catch {@code Exception} around them): the elements' awaits, and the steps of
 * the async iteration.
 *
 * <p>Differs from asyncio: as an async generator, {@link #send} accepts only null (Python's
 * iterator has no {@code asend}), and {@link #aclose()} ends the sequence without touching the
 * arguments (Python's iterator has no {@code aclose}).
 *
 * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
 * thrown at that {@code await}; the arguments go on.
 *
 * @param <T> the result type of the arguments
 */
public final class AsCompleted<T> implements Iterable<Awaitable<T>>, AsyncGenerator<AsyncFuture<T>> {
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

  /**
   * The plain iteration: as many coroutines as there are arguments left to hand out, each giving
   * the result of the next one to finish. Like Python's, every iterator hands out what is left
   * of the same sequence.
   */
  @Override
  public Iterator<Awaitable<T>> iterator() {
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
        return new WaitForOne<>(AsCompleted.this, true);
      }
    };
  }

  /**
   * One step of the async iteration: a coroutine giving the next argument to finish, as the
   * future or task itself (Python 3.13's {@code __anext__}). Awaiting it once every argument was
   * handed out throws {@code NoSuchElementException}; past the timeout, it throws
   * {@code TimeoutException} (undeclared).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  @Override
  public Coroutine<AsyncFuture<T>> next() {
    return new WaitForOne<>(this, false);
  }

  /**
   * {@link #next()}; there is no yield to send a value to.
   *
   * @throws UnsupportedOperationException if {@code value} is not null
   */
  @Override
  public Coroutine<AsyncFuture<T>> send(Object value) {
    if (value != null) {
      throw new UnsupportedOperationException("as_completed() cannot be sent a value");
    }
    return next();
  }

  /**
   * Ends the sequence: later steps find it exhausted. The arguments are neither cancelled nor
   * waited for, as when a Python {@code async for} over {@code as_completed} breaks out.
   */
  @Override
  public Coroutine<Void> aclose() {
    return new Coroutine<>("aclose", false) {
      @Override
      protected void resume() {
        handedOut = total;
        complete(null);
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

  /**
   * Waits for the next argument to finish: asyncio's {@code _wait_for_one}, resolving it to its
   * result (plain iteration) or not (async iteration, which counts itself handed out when it
   * starts, as Python's {@code __anext__}).
   */
  private static final class WaitForOne<T, R> extends Coroutine<R> {
    private final AsCompleted<T> source;
    private final boolean resolve;

    WaitForOne(AsCompleted<T> source, boolean resolve) {
      super("_wait_for_one", false);
      this.source = source;
      this.resolve = resolve;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void resume() throws Throwable {
      if (state == 0) {
        if (!resolve) {
          if (source.handedOut >= source.total) {
            throw new NoSuchElementException("as_completed() has handed out every argument");
          }
          source.handedOut++;
        }
        if (suspendOn(source.done.get(), 1)) {
          return;
        }
      }
      Object next = awaited();
      if (next == TIMED_OUT) {
        throw new TimeoutException();
      }
      AsyncFuture<T> f = (AsyncFuture<T>) next;
      complete(resolve ? (R) f.result() : (R) f);
    }
  }
}
