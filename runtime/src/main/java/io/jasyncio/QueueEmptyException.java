package io.jasyncio;

/** Thrown by {@link Queue#getNowait()} on an empty queue: asyncio's {@code QueueEmpty}. */
public class QueueEmptyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exception, without a message (as Python's). */
  public QueueEmptyException() {
    super();
  }
}
