package io.jasyncio;

import io.jasyncio.internal.SystemClock;

/**
 * The time source of an {@link EventLoop}, and how the loop spends time when it has nothing to
 * do: the real monotonic clock ({@link #system()}) or a {@link VirtualClock} for tests. Stands for
 * the {@code time.monotonic()} behind asyncio's {@code loop.time()}.
 *
 * <p>Differs from asyncio: asyncio's clock is fixed; here it is injected with
 * {@link EventLoop#create(Clock)}, which lets timing tests run exactly and instantly.
 */
public interface Clock {
  /** The current time in seconds. Only differences between readings are meaningful. */
  double time();

  /**
   * Called on the loop thread when the loop has nothing ready to run and its earliest timer is
   * due at {@code deadline} ({@code +Infinity} if it has none). Returns the longest real time, in
   * nanoseconds, the loop may then block waiting for work from other threads
   * ({@code Long.MAX_VALUE}: no limit, 0: do not block). The system clock returns the time left
   * until the deadline; a virtual clock moves its own time to the deadline and returns 0.
   */
  long idleUntil(double deadline);

  /** The real monotonic clock, in seconds since an arbitrary origin. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
