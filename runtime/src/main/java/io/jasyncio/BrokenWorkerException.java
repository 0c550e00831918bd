package io.jasyncio;

/**
 * A {@link ProcessPool} task failed because its worker JVM is gone: it could not start, or it
 * crashed (exited, was killed, ran out of memory) while holding the task. The message says which
 * and how, with the worker's process id and exit code. Only the tasks that worker held fail; the
 * pool replaces the worker and keeps serving.
 *
 * <p>Python's {@code BrokenProcessPool}, for one worker. Differs from asyncio's
 * {@code concurrent.futures}: there a dead worker breaks the whole pool and fails every pending
 * task; here it fails only its own.
 */
public class BrokenWorkerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message that says what happened to the worker. */
  public BrokenWorkerException(String message) {
    super(message);
  }

  /** With a message that says what happened to the worker, and the I/O failure that showed it. */
  public BrokenWorkerException(String message, Throwable cause) {
    super(message, cause);
  }
}
