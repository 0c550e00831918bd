package io.jasyncio.internal;

import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;

/**
 * Java's try-with-resources rule for an awaited close that does not look at the exception on its
 * way ({@code AsyncCloseable.aclose(failure)} of a resource that only implements
 * {@code aclose()}): awaits the close; if it fails, adds that failure to {@code failure} as
 * suppressed and throws {@code failure}, which so stays the exception that leaves the block.
 */
public final class SuppressingClose extends Coroutine<Void> {
  private final Awaitable<Void> close;
  private final Throwable failure;

  /** Awaits {@code close} while {@code failure} (not null) is on its way. */
  public SuppressingClose(Awaitable<Void> close, Throwable failure) {
    super("aclose", false);
    this.close = close;
    this.failure = failure;
  }

  @Override
  protected void resume() throws Throwable {
    if (state == 0 && suspendOn(close, 1)) {
      return;
    }
    try {
      awaited();
    } catch (Throwable closing) {
      if (closing != failure) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
    complete(null);
  }
}
