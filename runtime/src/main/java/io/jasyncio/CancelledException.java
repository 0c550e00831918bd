package io.jasyncio;

/**
 * Thrown at the {@code await} of a cancelled task, and by {@code result()} of a cancelled future:
 * asyncio's {@code CancelledError}. Catch it to clean up, then rethrow it; {@code finally} blocks
 * run as usual.
 *
 * <p>A task whose coroutine lets this exception escape ends cancelled, whether or not
 * {@link Task#cancel()} was called, as in asyncio.
 *
 * <p>Differs from asyncio: {@code CancelledError} derives from {@code BaseException} so that
 * {@code except Exception} does not swallow it; Java has no such place, so this is an ordinary
 * unchecked exception and {@code catch (RuntimeException e)} does catch it.
 *
 * <p>Stack traces: one made with a public constructor records where it was made, as any
 * exception does. One the runtime makes (by {@link Task#cancel()}, {@link AsyncFuture#cancel()},
 * a cancelled gather or condition wait) records a stack trace, and gets an async stack trace
 * (see {@link EventLoop#setDebug}), only when its loop is in debug mode; otherwise
 * {@link #getStackTrace()} is empty, so that cancelling a million tasks costs about what
 * creating them did. asyncio builds a traceback for every {@code CancelledError}; Python's are
 * cheap, Java's are not.
 */
public class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Made by the runtime outside debug mode, so it has no stack trace (it cannot get one: its
   * trace is not writable) and the async stack trace machinery skips it without looking it up.
   * False after deserialization, which only takes the slower path.
   */
  final transient boolean untraced;

  /** A cancellation without a message. */
  public CancelledException() {
    super();
    untraced = false;
  }

  /** A cancellation with a message saying why. */
  public CancelledException(String message) {
    super(message);
    untraced = false;
  }

  /**
   * A cancellation the runtime makes on {@code loop} (null: no loop yet), with a stack trace only
   * if that loop is in debug mode.
   */
  CancelledException(EventLoop loop, String message) {
    super(message, null, true, loop != null && loop.getDebug());
    untraced = loop == null || !loop.getDebug();
  }
}
