package io.jasyncio;

/**
 * The coroutine {@link Asyncio#sleep} returns, asyncio's {@code sleep}. A delay of zero or less
 * yields to the loop exactly once (a bare {@code yield} in asyncio); a longer one schedules a
 * timer when the coroutine starts, not when it is created.
 */
final class Sleep extends Coroutine<Void> {
  private final double delay;

  Sleep(double delay) {
    super("sleep", false);
    if (Double.isNaN(delay)) {
      throw new IllegalArgumentException("sleep delay is NaN");
    }
    this.delay = delay;
  }

  @Override
  protected void resume() throws Throwable {
    if (state == 0 && (delay > 0 ? sleepFor(delay, 1) : yieldOnce(1))) {
      return;
    }
    awaited(); // throws the CancelledException of a task cancelled while sleeping
    complete(null);
  }
}
