package io.jasyncio;

/**
 * Thrown by a {@link Queue}'s {@code put}, {@code putNowait}, {@code get} and {@code getNowait}
 * once it has been shut down ({@link Queue#shutdown()}): Python 3.13's {@code QueueShutDown}.
 * Gets throw it only once the queue is empty, unless the shutdown was immediate.
 */
public class QueueShutDownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exception, without a message (as Python's). */
  public QueueShutDownException() {
    super();
  }
}
