package io.jasyncio;

/**
 * A callback scheduled on the loop by {@link EventLoop#callSoon} or
 * {@link EventLoop#callSoonThreadsafe}; it can be cancelled until it runs. asyncio's
 * {@code Handle}.
 *
 * <p>An exception thrown by the callback is reported on standard error ("Exception in callback
 * ...") and the loop goes on, as asyncio's default exception handler does; an {@code Error}
 * propagates out of the loop's run method.
 *
 * <p>Differs from asyncio: the callback is a {@link Runnable}, arguments are captured by it.
 */
public class Handle {
  private Runnable callback;
  private boolean cancelled;

  Handle(Runnable callback) {
    this.callback = callback;
  }

  /**
   * Prevents the callback from running; does nothing if it already ran or was cancelled. Call it
   * on the loop thread, as in asyncio.
   */
  public void cancel() {
    cancelled = true;
    // Drop the callback so whatever it captured can be collected while the handle waits.
    callback = null;
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Runs the callback on the loop thread; the loop calls it only if not cancelled. */
  void run() {
    Runnable c = callback;
    if (c == null) {
      return;
    }
    try {
      c.run();
    } catch (RuntimeException e) {
      System.err.println("Exception in callback " + this);
      e.printStackTrace();
    }
  }

  /** The callback, for {@code toString()}. */
  final Object callback() {
    return callback;
  }

  @Override
  public String toString() {
    return cancelled ? "<Handle cancelled>" : "<Handle " + callback + ">";
  }
}
