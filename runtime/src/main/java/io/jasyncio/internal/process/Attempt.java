package io.jasyncio.internal.process;

/**
 * One job running on one worker, ended exactly once: either by the worker (its answer, or its
 * death), which the driver then reports, or by a stop from another thread (the job's timeout,
 * its cancellation), which kills the worker. Whichever comes first decides; the other finds the
 * attempt over.
 *
 * <p>The stop kills the worker inside the same lock that decides, so that a driver that finds the
 * attempt over also finds the worker killed, and replaces it before taking the next job.
 */
final class Attempt {
  private final Job<?> job;
  private final WorkerProcess worker;
  private boolean over;

  Attempt(Job<?> job, WorkerProcess worker) {
    this.job = job;
    this.worker = worker;
  }

  /** The driver's side: true if the job is still the driver's to complete. */
  synchronized boolean finish() {
    if (over) {
      return false;
    }
    over = true;
    return true;
  }

  /**
   * Ends the attempt from outside: kills the worker and fails the job with {@code reason} (null:
   * the job's future is already cancelled). Does nothing if the attempt is over.
   */
  void stop(Exception reason) {
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
      worker.kill();
    }
    if (reason != null) {
      // Outside the lock: completing runs the caller's callbacks.
      job.fail(reason);
    }
  }
}
