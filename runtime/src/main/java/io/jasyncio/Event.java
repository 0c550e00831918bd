package io.jasyncio;

import io.jasyncio.internal.Blocking;
import io.jasyncio.internal.Waiters;

/**
 * A flag tasks can wait for, asyncio's {@code Event}: {@link #set()} wakes every task waiting in
 * {@link #waitAsync()}, and later waits return at once until {@link #clear()}.
 *
 * <p>Differs from asyncio: {@code wait()} is spelled {@code waitAsync()}, since {@code wait}
 * names {@code Object.wait} in every class.
 */
public final class Event {
  private final Waiters waiters = new Waiters("Event");
  private boolean value;

  /** An event that is not set, bound to the loop that first waits for it. */
  public Event() {}

  /** Whether it is set. */
  public boolean isSet() {
    return value;
  }

  /** Sets it, waking every task waiting for it (in the order they began to wait). */
  public void set() {
    if (!value) {
      value = true;
      for (var f : waiters) {
        if (!f.isDone()) {
          f.setResult(Boolean.TRUE);
        }
      }
    }
  }

  /** Clears it: tasks calling {@link #waitAsync()} then wait until it is set again. */
  public void clear() {
    value = false;
  }

  /**
   * Waits until it is set; finishes with true. Returns at once if it is set now.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Boolean> waitAsync() {
    return new Wait();
  }

  @Override
  public String toString() {
    return "<Event [" + (value ? "set" : "unset")
        + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
  }

  /** {@code waitAsync()}: asyncio's {@code Event.wait}. */
  private final class Wait extends Blocking<Boolean> {
    Wait() {
      super("Event.wait");
    }

    @Override
    protected boolean tryNow() {
      if (value) {
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
        return false;
      }
      complete(Boolean.TRUE);
      return true;
    }
  }
}
