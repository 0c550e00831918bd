package io.jasyncio;

import java.util.Comparator;

/**
 * A callback scheduled at a loop time by {@link EventLoop#callLater} or {@link EventLoop#callAt};
 * asyncio's {@code TimerHandle}. Cancelling it keeps it from running and lets the loop drop it;
 * a cancelled timer never keeps {@code Asyncio.run(...)} from returning.
 *
 * <p>Timers due at the same time run in the order they were scheduled.
 */
public class TimerHandle extends Handle {
  /** Earliest first; equal deadlines in scheduling order. */
  static final Comparator<TimerHandle> ORDER = (a, b) -> a.when != b.when
      ? Double.compare(a.when, b.when) : Long.compare(a.sequence, b.sequence);

  private final EventLoop loop;
  private final double when;
  /** Scheduling order, set when the loop adds the timer to its heap. */
  long sequence;
  /** Whether the timer is in the loop's heap (asyncio's {@code _scheduled}). */
  boolean inHeap;

  TimerHandle(EventLoop loop, double when, Runnable callback) {
    super(callback);
    this.loop = loop;
    this.when = when;
  }

  /** The loop time at which the callback is due, in seconds. */
  public double when() {
    return when;
  }

  @Override
  public void cancel() {
    if (!isCancelled()) {
      super.cancel();
      if (inHeap) {
        loop.timerCancelled();
      }
    }
  }

  @Override
  public String toString() {
    return isCancelled() ? "<TimerHandle cancelled when=" + when + ">"
        : "<TimerHandle when=" + when + " " + callback() + ">";
  }
}
