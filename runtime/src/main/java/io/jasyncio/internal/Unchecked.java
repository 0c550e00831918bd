package io.jasyncio.internal;

import java.util.concurrent.CompletionException;

/**
 * Rethrows any throwable, checked ones included, without wrapping it.
 *
 * <p>Python has no checked exceptions, and jasyncio promises that the very exception object thrown
 * in a coroutine, task or future is the one its awaiter sees. Methods such as
 * {@code AsyncFuture.result()} and {@code Asyncio.run(...)} declare no checked exception, so they
 * use this to rethrow a checked one unchanged.
 */
public final class Unchecked {
  private Unchecked() {}

  /**
   * Throws {@code t} as it is. Declared to return an exception so that call sites can write
   * {@code throw Unchecked.rethrow(t);} and javac sees the statement completes abruptly.
   */
  public static RuntimeException rethrow(Throwable t) {
    throw Unchecked.<RuntimeException>sneaky(t);
  }

  /** The cause a {@code CompletionStage} failed with: {@code t} without its CompletionException wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
