package io.jasyncio;

/**
 * A clock that moves only when the loop would otherwise wait: when nothing is ready, time jumps
 * to the next timer, so {@code await(sleep(3600))} takes no real time and {@code loop.time()}
 * afterwards reads exactly 3600 more. Use it for exact, instant timing tests:
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.create(new VirtualClock());
 * loop.runUntilComplete(AsyncKitchen.boilingWater());
 * assert loop.time() == 3.0;
 * }</pre>
 *
 * <p>Work from other threads (a {@code CompletionStage} completing elsewhere) is still waited for
 * in real time when no timer is pending; when one is, virtual time does not wait for such work.
 *
 * <p>Differs from asyncio: asyncio has no virtual clock in its public API (its own tests use a
 * similar {@code TestLoop}).
 */
public final class VirtualClock implements Clock {
  private volatile double now;

  /** A clock reading 0. */
  public VirtualClock() {
    this(0);
  }

  /** A clock reading {@code start} seconds. */
  public VirtualClock(double start) {
    this.now = start;
  }

  @Override
  public double time() {
    return now;
  }

  /** Moves the time forward by {@code seconds} at once, for example between two loop runs. */
  public void advance(double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("cannot move a clock back: " + seconds);
    }
    now += seconds;
  }

  /** Jumps to the deadline and lets the loop go on at once; blocks only if there is no timer. */
  @Override
  public long idleUntil(double deadline) {
    if (deadline == Double.POSITIVE_INFINITY) {
      return Long.MAX_VALUE;
    }
    if (deadline > now) {
      now = deadline;
    }
    return 0;
  }

  @Override
  public String toString() {
    return "VirtualClock[time=" + now + "]";
  }
}
