package io.jasyncio.internal;

import io.jasyncio.Clock;

/**
 * The real monotonic clock: {@link System#nanoTime()} in seconds, like Python's
 * {@code time.monotonic()} behind {@code loop.time()}. Obtain it with {@link Clock#system()}.
 */
public final class SystemClock implements Clock {
  /** The one instance; the clock has no state. */
  public static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public double time() {
    return System.nanoTime() / 1e9;
  }

  /** Lets the loop block until the deadline; it wakes earlier when another thread hands it work. */
  @Override
  public long idleUntil(double deadline) {
    if (deadline == Double.POSITIVE_INFINITY) {
      return Long.MAX_VALUE;
    }
    double seconds = deadline - time();
    // Round up: waking a hair early only costs one more empty turn of the loop, but a deadline
    // just missed by rounding down would make the loop spin until the clock catches up.
    return seconds <= 0 ? 0 : (long) Math.min(Math.ceil(seconds * 1e9), Long.MAX_VALUE);
  }

  @Override
  public String toString() {
    return "SystemClock";
  }
}
