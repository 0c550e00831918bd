package io.jasyncio;

import io.jasyncio.internal.Blocking;
import io.jasyncio.internal.Waiters;

/**
 * A mutual-exclusion lock for tasks, asyncio's {@code Lock}: not thread-safe, and fair: tasks
 * get it in the order they asked for it.
 *
 * <pre>{@code
 * try (var held = await(lock.hold())) {   // Python's: async with lock:
 *   ...
 * }
 * // or
 * await(lock.acquire());
 * try { ... } finally { lock.release(); }
 * }</pre>
 *
 * <p>Differs from asyncio: {@code async with lock} is {@code try (var held = await(lock.hold()))}
 * (see {@link Held}); {@code RuntimeError} is {@code IllegalStateException}.
 */
public final class Lock {
  private final Waiters waiters = new Waiters("Lock");
  private boolean locked;

  /** An unlocked lock, bound to the loop that first blocks on it. */
  public Lock() {}

  /** Whether some task holds the lock. */
  public boolean locked() {
    return locked;
  }

  /**
   * Acquires the lock, waiting until it is free and every task that asked before has had it;
   * finishes with true.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Boolean> acquire() {
    return new Acquire();
  }

  /**
   * Acquires the lock and gives a {@link Held} whose close releases it, for
   * {@code try (var held = await(lock.hold())) { ... }}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Held> hold() {
    return Held.after(this, acquire(), this::release);
  }

  /**
   * Releases the lock and wakes the first task waiting for it.
   *
   * @throws IllegalStateException if it is not locked
   */
  public void release() {
    if (!locked) {
      throw new IllegalStateException("Lock is not acquired.");
    }
    locked = false;
    wakeUpFirst();
  }

  @Override
  public String toString() {
    return "<Lock [" + (locked ? "locked" : "unlocked")
        + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
  }

  /** Wakes the first waiter, unless it is done (woken already or cancelled). */
  private void wakeUpFirst() {
    for (var f : waiters) {
      if (!f.isDone()) {
        f.setResult(Boolean.TRUE);
      }
      return;
    }
  }

  /** {@code acquire()}: asyncio's {@code Lock.acquire}. */
  private final class Acquire extends Blocking<Boolean> {
    Acquire() {
      super("Lock.acquire");
    }

    @Override
    protected boolean tryNow() {
      if (!locked && !waiters.anyNotCancelled()) {
        locked = true;
        complete(Boolean.TRUE);
        return true;
      }
      return false;
    }

    @Override
    protected AsyncFuture<?> waiter() {
      return waiters.add();
    }

    @Override
    protected boolean woken(AsyncFuture<?> waiter, Throwable failure) {
      waiters.remove(waiter);
      if (failure != null) {
        if (failure instanceof CancelledException && !locked) {
          // It may have been woken just before the cancellation: pass the turn on.
          wakeUpFirst();
        }
        return false;
      }
      locked = true;
      complete(Boolean.TRUE);
      return true;
    }
  }
}
