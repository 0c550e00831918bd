package io.jasyncio;

import io.jasyncio.internal.Waiters;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks, asyncio's {@code Condition}: a task holding its lock waits in
 * {@link #waitAsync()} (which releases the lock meanwhile) until another task holding the lock
 * calls {@link #notify(int)} or {@link #notifyAllWaiters()}.
 *
 * <pre>{@code
 * try (var held = await(cond.hold())) {
 *   await(cond.waitFor(() -> !items.isEmpty()));
 *   take(items);
 * }
 * }</pre>
 *
 * <p>Differs from asyncio: {@code wait()} is {@code waitAsync()} and {@code notify_all()} is
 * {@code notifyAllWaiters()}, since {@code wait}, {@code notify()} and {@code notifyAll()} are
 * {@code Object}'s final methods; {@code notify()} is {@link #notifyOne()} ({@code notify(n)}
 * keeps its name). {@code wait_for} returns true rather than the predicate's value.
 * {@code RuntimeError} is {@code IllegalStateException}.
 */
public final class Condition {
  private final Lock lock;
  private final Waiters waiters = new Waiters("Condition");

  /** A condition with a lock of its own. */
  public Condition() {
    this(new Lock());
  }

  /** A condition using {@code lock}, which other conditions may share. */
  public Condition(Lock lock) {
    if (lock == null) {
      throw new NullPointerException("lock");
    }
    this.lock = lock;
  }

  /** Whether the underlying lock is held. */
  public boolean locked() {
    return lock.locked();
  }

  /**
   * Acquires the underlying lock.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Boolean> acquire() {
    return lock.acquire();
  }

  /**
   * Acquires the underlying lock and gives a {@link Held} whose close releases it.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Held> hold() {
    return lock.hold();
  }

  /** Releases the underlying lock. */
  public void release() {
    lock.release();
  }

  /**
   * Releases the lock, waits until notified, then acquires the lock again before it returns
   * (true) or throws, whatever happened meanwhile.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}, once the lock is held again.
   *
   * @throws IllegalStateException if the lock is not held
   */
  public Coroutine<Boolean> waitAsync() {
    return new Wait();
  }

  /**
   * Waits until {@code predicate} is true: checks it, and {@link #waitAsync()}s again while it is
   * false. The lock must be held.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}, once the lock is held again.
   */
  public Coroutine<Boolean> waitFor(BooleanSupplier predicate) {
    return new WaitFor(predicate);
  }

  /**
   * Wakes up to {@code n} tasks waiting on this condition, first come first served; the lock must
   * be held (and each woken task reacquires it in turn after this one releases it).
   *
   * @throws IllegalStateException if the lock is not held
   */
  public void notify(int n) {
    if (!lock.locked()) {
      throw new IllegalStateException("cannot notify on un-acquired lock");
    }
    int woken = 0;
    for (var f : waiters) {
      if (woken >= n) {
        break;
      }
      if (!f.isDone()) {
        woken++;
        f.setResult(Boolean.FALSE);
      }
    }
  }

  /** {@code notify(1)}: Python's {@code notify()}. */
  public void notifyOne() {
    notify(1);
  }

  /** Wakes every task waiting on this condition: Python's {@code notify_all()}. */
  public void notifyAllWaiters() {
    notify(waiters.size());
  }

  @Override
  public String toString() {
    return "<Condition [" + (lock.locked() ? "locked" : "unlocked")
        + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
  }

  /** {@code waitAsync()}: asyncio's {@code Condition.wait}. */
  private final class Wait extends Coroutine<Boolean> {
    private static final int NOTIFIED = 1;
    private static final int REACQUIRE = 2;
    private static final int REACQUIRED = 3;

    private AsyncFuture<?> waiter;
    private Throwable failure;
    private boolean cancelled;

    Wait() {
      super("Condition.wait", false);
    }

    @Override
    protected void resume() throws Throwable {
      for (;;) {
        switch (state) {
          case 0:
            if (!lock.locked()) {
              throw new IllegalStateException("cannot wait on un-acquired lock");
            }
            lock.release();
            waiter = waiters.add();
            if (suspendOn(waiter, NOTIFIED)) {
              return;
            }
            continue;
          case NOTIFIED:
            try {
              awaited();
            } catch (Throwable e) {
              failure = e;
            }
            waiters.remove(waiter);
            state = REACQUIRE;
            continue;
          case REACQUIRE:
            // The lock must be held again when this returns, even if cancelled meanwhile.
            if (suspendOn(lock.acquire(), REACQUIRED)) {
              return;
            }
            continue;
          case REACQUIRED:
            try {
              awaited();
            } catch (CancelledException e) {
              cancelled = true;
              state = REACQUIRE;
              continue;
            }
            if (cancelled) {
              throw new CancelledException(task.loop, null);
            }
            if (failure != null) {
              throw failure;
            }
            complete(Boolean.TRUE);
            return;
          default:
            throw new IllegalStateException("Condition.wait has no state " + state);
        }
      }
    }
  }

  /** {@code waitFor(predicate)}: asyncio's {@code Condition.wait_for}. */
  private final class WaitFor extends Coroutine<Boolean> {
    private final BooleanSupplier predicate;

    WaitFor(BooleanSupplier predicate) {
      super("Condition.wait_for", false);
      this.predicate = predicate;
    }

    @Override
    protected void resume() throws Throwable {
      for (;;) {
        if (state == 1) {
          awaited();
        }
        if (predicate.getAsBoolean()) {
          complete(Boolean.TRUE);
          return;
        }
        if (suspendOn(waitAsync(), 1)) {
          return;
        }
      }
    }
  }
}
