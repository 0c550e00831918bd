package io.jasyncio.internal.process;

/** A worker process ended (or could not be reached) before answering a task. */
public final class WorkerDiedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With the message the task's exception will carry. */
  public WorkerDiedException(String message, Throwable cause) {
    super(message, cause);
  }
}
