package io.jasyncio;

/**
 * When {@link Asyncio#wait(java.util.Collection, ReturnWhen)} returns: asyncio's
 * {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION} and {@code ALL_COMPLETED} (also reachable as
 * {@code Asyncio.FIRST_COMPLETED} etc. through {@code import static io.jasyncio.Asyncio.*;}).
 */
public enum ReturnWhen {
  /** As soon as any future is done or cancelled. */
  FIRST_COMPLETED,
  /** As soon as any future fails with an exception (not a cancellation), or when all are done. */
  FIRST_EXCEPTION,
  /** When every future is done or cancelled. */
  ALL_COMPLETED
}
