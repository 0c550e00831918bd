package io.jasyncio.test;

import io.jasyncio.Clock;
import io.jasyncio.EventLoop;

/**
 * A virtual clock that also bounds a run of its loop. As with {@link io.jasyncio.VirtualClock},
 * when nothing is ready time jumps to the next timer; but a bounded run stops the loop instead
 * once the next timer lies past its bound, so the test decides how far time goes.
 *
 * <table>
 *   <caption>Runs</caption>
 *   <tr><th>run</th><th>timers it lets fire</th><th>then</th></tr>
 *   <tr><td>{@link #unbounded()}</td><td>all, until the loop is stopped by what it runs</td>
 *       <td>with no timer, waits for other threads, as {@code VirtualClock} does</td></tr>
 *   <tr><td>{@link #through(double)}</td><td>due at or before the bound</td><td>stops</td></tr>
 *   <tr><td>{@link #before(double)}</td><td>due strictly before the bound</td><td>stops</td></tr>
 * </table>
 */
final class TestClock implements Clock {
  private final EventLoop loop;
  private double now;
  private double bound = Double.POSITIVE_INFINITY;
  private boolean inclusive;
  private boolean bounded;

  /** A clock reading 0, with its own loop. */
  TestClock() {
    this.loop = EventLoop.create(this);
  }

  /** The loop this clock drives. */
  EventLoop loop() {
    return loop;
  }

  @Override
  public double time() {
    return now;
  }

  @Override
  public long idleUntil(double deadline) {
    boolean fires = deadline < bound || (inclusive && deadline == bound);
    if (!bounded && deadline == Double.POSITIVE_INFINITY) {
      return Long.MAX_VALUE; // only another thread can bring work now: wait for it
    }
    if (bounded && (!fires || deadline == Double.POSITIVE_INFINITY)) {
      loop.stop(); // the loop finishes this turn, running nothing more, and returns
      return 0;
    }
    if (deadline > now) {
      now = deadline;
    }
    return 0;
  }

  /** Lets the next run go until something it runs stops the loop. */
  void unbounded() {
    bounded = false;
    bound = Double.POSITIVE_INFINITY;
  }

  /** Lets the next run fire timers due at or before {@code time}, then stop when idle. */
  void through(double time) {
    bounded = true;
    inclusive = true;
    bound = time;
  }

  /**
   * Lets the next run fire timers due strictly before {@code time} (all of them for +Infinity),
   * then stop when idle.
   */
  void before(double time) {
    bounded = true;
    inclusive = false;
    bound = time;
  }

  /** Moves the time to {@code time} if it is later; between runs of the loop. */
  void moveTo(double time) {
    if (time > now) {
      now = time;
    }
  }
}
