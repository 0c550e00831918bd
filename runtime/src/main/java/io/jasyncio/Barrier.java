package io.jasyncio;

import java.util.concurrent.BrokenBarrierException;

/**
 * A meeting point for a fixed number of tasks, asyncio's {@code Barrier} (Python 3.11): each
 * task awaits {@link #waitAsync()}, and all of them go on together once {@code parties} tasks
 * are there; each gets a distinct index from 0 to {@code parties - 1}. The barrier is then
 * reused for the next round.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>reached by</th><th>{@code waitAsync()}</th></tr>
 *   <tr><td>filling</td><td>creation; the last task of a round has left</td><td>waits for the
 *       others</td></tr>
 *   <tr><td>draining</td><td>the last party arrived</td><td>waits for the round to
 *       leave</td></tr>
 *   <tr><td>resetting</td><td>{@link #reset()} with tasks waiting</td><td>waiting tasks get
 *       {@code BrokenBarrierException}</td></tr>
 *   <tr><td>broken</td><td>{@link #abort()}</td><td>{@code BrokenBarrierException}</td></tr>
 * </table>
 *
 * <p>Differs from asyncio: {@code wait()} is {@code waitAsync()}; {@code BrokenBarrierError} is
 * {@code java.util.concurrent.BrokenBarrierException} (checked, and declared, as Java's
 * {@code CyclicBarrier} does); {@code n_waiting} and {@code broken} are {@link #nWaiting()} and
 * {@link #isBroken()}.
 */
public final class Barrier {
  private static final byte FILLING = 0;
  private static final byte DRAINING = 1;
  private static final byte RESETTING = 2;
  private static final byte BROKEN = 3;

  private final Condition cond = new Condition();
  private final int parties;
  private byte state = FILLING;
  /** Tasks in the barrier (waiting, or leaving a round). */
  private int count;

  /**
   * A barrier for {@code parties} tasks.
   *
   * @throws IllegalArgumentException if {@code parties} is less than one
   */
  public Barrier(int parties) {
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be > 0");
    }
    this.parties = parties;
  }

  /** How many tasks must meet. */
  public int parties() {
    return parties;
  }

  /** How many tasks wait for the others now. */
  public int nWaiting() {
    return state == FILLING ? count : 0;
  }

  /** Whether it was aborted. */
  public boolean isBroken() {
    return state == BROKEN;
  }

  /**
   * Waits until {@code parties} tasks are waiting, then finishes with this task's index (the
   * order of arrival).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws BrokenBarrierException (at the await) if the barrier is aborted or reset meanwhile
   */
  public Coroutine<Integer> waitAsync() throws BrokenBarrierException {
    return new Wait();
  }

  /**
   * Puts the barrier back to its empty state; tasks waiting get {@code BrokenBarrierException}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Void> reset() {
    return new Locked("Barrier.reset", () -> {
      state = count > 0 ? RESETTING : FILLING;
      cond.notifyAllWaiters();
    });
  }

  /**
   * Breaks the barrier: tasks waiting, and later ones, get {@code BrokenBarrierException}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Void> abort() {
    return new Locked("Barrier.abort", () -> {
      state = BROKEN;
      cond.notifyAllWaiters();
    });
  }

  @Override
  public String toString() {
    String name = switch (state) {
      case FILLING -> "filling";
      case DRAINING -> "draining";
      case RESETTING -> "resetting";
      default -> "broken";
    };
    return "<Barrier [" + name + (state == BROKEN ? "" : ", waiters:" + nWaiting() + "/" + parties)
        + "]>";
  }

  /** The last task of a round to leave lets the next round fill. */
  private void leave() {
    count--;
    if (count == 0) {
      if (state == RESETTING || state == DRAINING) {
        state = FILLING;
      }
      cond.notifyAllWaiters();
    }
  }

  /** {@code waitAsync()}: asyncio's {@code Barrier.wait}, with its lock held throughout. */
  private final class Wait extends Coroutine<Integer> {
    private static final int LOCKED = 1;
    private static final int UNBLOCKED = 2;
    private static final int RELEASED = 3;

    private int index;

    Wait() {
      super("Barrier.wait", false);
    }

    @Override
    protected void resume() throws Throwable {
      for (;;) {
        switch (state) {
          case 0:
            if (suspendOn(cond.acquire(), LOCKED)) {
              return;
            }
            continue;
          case LOCKED:
            awaited();
            // Wait while the previous round drains or resets.
            if (suspendOn(cond.waitFor(() -> Barrier.this.state != DRAINING
                && Barrier.this.state != RESETTING), UNBLOCKED)) {
              return;
            }
            continue;
          case UNBLOCKED:
            try {
              awaited();
              if (Barrier.this.state == BROKEN) {
                throw new BrokenBarrierException("Barrier aborted");
              }
            } catch (Throwable e) {
              cond.release();
              throw e;
            }
            index = count++;
            if (index + 1 == parties) {
              Barrier.this.state = DRAINING;
              cond.notifyAllWaiters();
              finish();
              return;
            }
            if (suspendOn(cond.waitFor(() -> Barrier.this.state != FILLING), RELEASED)) {
              return;
            }
            continue;
          case RELEASED:
            try {
              awaited();
              if (Barrier.this.state == BROKEN || Barrier.this.state == RESETTING) {
                throw new BrokenBarrierException("Abort or reset of barrier");
              }
            } catch (Throwable e) {
              leave();
              cond.release();
              throw e;
            }
            finish();
            return;
          default:
            throw new IllegalStateException("Barrier.wait has no state " + state);
        }
      }
    }

    private void finish() {
      leave();
      cond.release();
      complete(index);
    }
  }

  /** Runs {@code action} with the condition's lock held: {@code async with self._cond:}. */
  private final class Locked extends Coroutine<Void> {
    private final Runnable action;

    Locked(String name, Runnable action) {
      super(name, false);
      this.action = action;
    }

    @Override
    protected void resume() throws Throwable {
      if (state == 0 && suspendOn(cond.acquire(), 1)) {
        return;
      }
      awaited();
      try {
        action.run();
      } finally {
        cond.release();
      }
      complete(null);
    }
  }
}
