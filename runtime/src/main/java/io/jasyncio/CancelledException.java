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
 */
public class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A cancellation without a message. */
  public CancelledException() {
    super();
  }

  /** A cancellation with a message saying why. */
  public CancelledException(String message) {
    super(message);
  }
}
