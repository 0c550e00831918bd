package io.jasyncio.internal;

import io.jasyncio.AsyncFuture;
import io.jasyncio.Coroutine;

/**
 * The coroutine of a blocking operation of a synchronisation primitive (a lock's acquire, a
 * queue's get, ...), written once: try at once; if that is not possible, await a waiter future
 * and decide again, as asyncio's {@code while not possible: await fut} loops do. The subclass
 * says what "at once" means, which future to await, and what to do when woken or cancelled.
 *
 * <p>It runs inline in the awaiting task; a cancellation of that task reaches it at its one
 * await, and {@link #woken} gets the {@code CancelledException} to clean up and rethrow.
 *
 * @param <T> the result type
 */
public abstract class Blocking<T> extends Coroutine<T> {
  private static final int WAITING = 1;

  private AsyncFuture<?> waiter;

  /** A blocking operation called {@code name}, never watched for "never awaited". */
  protected Blocking(String name) {
    super(name, false);
  }

  /** Finishes at once if it can: calls {@link #complete} and returns true; else false. */
  protected abstract boolean tryNow() throws Throwable;

  /** Registers and returns the future to await before trying again. */
  protected abstract AsyncFuture<?> waiter();

  /**
   * Runs after the waiter is done, or the task was cancelled ({@code failure} is then the
   * {@code CancelledException}, which this method must clean up after and throw). Returns true
   * after calling {@link #complete}, false to try again.
   */
  protected abstract boolean woken(AsyncFuture<?> waiter, Throwable failure) throws Throwable;

  @Override
  protected final void resume() throws Throwable {
    for (;;) {
      if (state == 0) {
        if (tryNow()) {
          return;
        }
        waiter = waiter();
        if (suspendOn(waiter, WAITING)) {
          return;
        }
      }
      Throwable failure = null;
      try {
        awaited();
      } catch (Throwable e) {
        failure = e;
      }
      state = 0;
      AsyncFuture<?> w = waiter;
      waiter = null;
      if (woken(w, failure)) {
        return;
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
