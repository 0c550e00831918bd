package io.jasyncio;

/**
 * The coroutine {@link Asyncio#sleep} returns, asyncio's {@code sleep}. A delay of zero or less
 * yields to the loop exactly once (a bare {@code yield} in asyncio); a longer one schedules a
 * timer when the coroutine starts, not when it is created.
 *
 * <p>Awaited by a coroutine, it never runs as a coroutine of its own: its awaiter yields or
 * sleeps in its place (see {@link #suspend}), so nothing keeps it and the JIT can compile
 * {@code await(sleep(0))} without allocating it. Its {@link #resume()} runs only when it is a
 * task's own coroutine.
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

  /**
   * Suspends {@code awaiter}, which awaits this sleep, as this sleep would: yields once or
   * starts the timer. The awaiter then resumes itself at {@code nextState} and reads, with
   * awaited(), null or the CancelledException of its task cancelled meanwhile, exactly what
   * this sleep would have handed it.
   */
  boolean suspend(Coroutine<?> awaiter, int nextState) {
    return delay > 0 ? awaiter.sleepFor(delay, nextState) : awaiter.yieldOnce(nextState);
  }

  /** Runs as a task's own coroutine, as in {@code run(sleep(1))} or {@code gather(sleep(1))}. */
  @Override
  protected void resume() throws Throwable {
    if (state == 0 && (delay > 0 ? sleepFor(delay, 1) : yieldOnce(1))) {
      return;
    }
    awaited(); // throws the CancelledException of a task cancelled while sleeping
    complete(null);
  }
}
