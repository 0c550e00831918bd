package io.jasyncio;

/** Thrown by {@link Queue#putNowait(Object)} on a full queue: asyncio's {@code QueueFull}. */
public class QueueFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exception, without a message (as Python's). */
  public QueueFullException() {
    super();
  }
}
