package io.jasyncio.internal.process;

import io.jasyncio.BrokenWorkerException;

/**
 * A worker process ended, could not be reached, or broke the protocol and was killed, before
 * answering a task; it carries the exception that task fails with.
 */
public final class WorkerDiedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The exception the task fails with. */
  private final Exception forTask;

  /** A worker that is gone: the task fails with a {@link BrokenWorkerException}. */
  WorkerDiedException(String message, Throwable cause) {
    this(new BrokenWorkerException(message, cause));
  }

  /** A worker that was killed because of what it sent: the task fails with {@code forTask}. */
  WorkerDiedException(Exception forTask) {
    super(forTask.getMessage(), forTask);
    this.forTask = forTask;
  }

  /** The exception the task that the worker held fails with. */
  public Exception forTask() {
    return forTask;
  }
}
