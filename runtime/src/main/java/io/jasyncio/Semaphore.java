package io.jasyncio;

import io.jasyncio.internal.Blocking;
import io.jasyncio.internal.Waiters;

/**
 * A counter of permits for tasks, asyncio's {@code Semaphore}: {@link #acquire()} takes one,
 * waiting while there is none, and {@link #release()} gives one back. Fair: tasks get permits in
 * the order they asked for them (Python 3.11.1's FIFO rules).
 *
 * <pre>{@code
 * try (var held = await(semaphore.hold())) {   // Python's: async with semaphore:
 *   ...
 * }
 * }</pre>
 *
 * <p>Differs from asyncio: {@code ValueError} for a negative value is
 * {@code IllegalArgumentException}; {@code async with} is {@link #hold()}.
 */
public class Semaphore {
  private final Waiters waiters = new Waiters("Semaphore");
  private int value;

  /** A semaphore with one permit. */
  public Semaphore() {
    this(1);
  }

  /**
   * A semaphore with {@code value} permits.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Semaphore(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("Semaphore initial value must be >= 0");
    }
    this.value = value;
  }

  /** Whether {@link #acquire()} would have to wait: no permit, or tasks already waiting. */
  public boolean locked() {
    return value == 0 || waiters.anyNotCancelled();
  }

  /** How many permits are free now. */
  public int value() {
    return value;
  }

  /**
   * Takes a permit, waiting until one is free and every task that asked before has had one;
   * finishes with true.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Boolean> acquire() {
    return new Acquire();
  }

  /**
   * Takes a permit and gives a {@link Held} whose close gives it back, for
   * {@code try (var held = await(semaphore.hold())) { ... }}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Held> hold() {
    return Held.after(this, acquire(), this::release);
  }

  /** Gives a permit back, handing it to the first waiting task if there is one. */
  public void release() {
    value++;
    wakeUpNext();
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " ["
        + (locked() ? "locked" : "unlocked, value:" + value)
        + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
  }

  /** Hands a permit to the first waiter that is not done. */
  private void wakeUpNext() {
    for (var f : waiters) {
      if (!f.isDone()) {
        value--;
        f.setResult(Boolean.TRUE);
        return;
      }
    }
  }

  /** {@code acquire()}: asyncio's {@code Semaphore.acquire}. */
  private final class Acquire extends Blocking<Boolean> {
    Acquire() {
      super("Semaphore.acquire");
    }

    @Override
    protected boolean tryNow() {
      if (!locked()) {
        value--;
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
        if (failure instanceof CancelledException && !waiter.isCancelled()) {
          // Handed a permit just before the cancellation: give it to the next one.
          value++;
          wakeUpNext();
        }
        return false;
      }
      if (value > 0) {
        wakeUpNext();
      }
      complete(Boolean.TRUE);
      return true;
    }
  }
}
