package io.jasyncio;

/**
 * A {@link Semaphore} that refuses to be released above its initial value, asyncio's
 * {@code BoundedSemaphore}: a release without a matching acquire is a bug it reports.
 *
 * <p>asyncio's {@code ValueError} for an extra release is {@code IllegalArgumentException}.
 */
public final class BoundedSemaphore extends Semaphore {
  private final int bound;

  /** A bounded semaphore with one permit. */
  public BoundedSemaphore() {
    this(1);
  }

  /** A bounded semaphore with {@code value} permits, which is also its bound. */
  public BoundedSemaphore(int value) {
    super(value);
    this.bound = value;
  }

  /**
   * Gives a permit back.
   *
   * @throws IllegalArgumentException if that would make more permits than the initial value
   *     (asyncio's {@code ValueError})
   */
  @Override
  public void release() {
    if (value() >= bound) {
      throw new IllegalArgumentException("BoundedSemaphore released too many times");
    }
    super.release();
  }
}
