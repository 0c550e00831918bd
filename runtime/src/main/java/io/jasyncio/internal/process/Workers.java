package io.jasyncio.internal.process;

import io.jasyncio.BrokenWorkerException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine of a {@code ProcessPool}: a queue of jobs and up to {@code size} driver threads, each
 * owning one worker JVM and feeding it one job at a time.
 *
 * <p>Drivers start lazily: a job that finds no idle driver starts one (up to the size), and a
 * driver starts its JVM at once, so the JVMs of a burst of jobs boot in parallel while the jobs
 * queue. One job at a time per worker means a crash fails exactly the job that worker held; its
 * driver then starts a replacement and takes the next job. The same happens to a worker whose job
 * times out or is cancelled (it is killed; see {@link Attempt}) and to one that sends what it
 * should not (it is killed by {@link WorkerProcess}).
 *
 * <p>Workers start with the {@link ClassDataSharing} archive of their command when there is one.
 * A worker that exits before it connects while it used the archive is not a failure of its job:
 * sharing is turned off for this engine and the job goes to a worker started without it.
 *
 * <p>Drivers read the answers, so they run with a stack deep enough for the deepest payload the
 * {@link Limits} let in, and nothing an answer does while it is read ends them: every failure
 * becomes the exception of the job it belongs to.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>running</td><td>creation</td></tr>
 *   <tr><td>shut down</td><td>{@link #shutdown()}: no new jobs; queued ones still run, then each
 *       driver closes its worker and ends</td></tr>
 *   <tr><td>stopping</td><td>{@link #shutdownNow()}: the queue is handed back, workers are killed
 *       and the jobs they held are cancelled; or {@link #stopWorkers}: the same, but the queued
 *       jobs are cancelled too</td></tr>
 *   <tr><td>terminated</td><td>shut down and every driver ended: no worker process is
 *       left</td></tr>
 * </table>
 */
public final class Workers {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int size;
  private final List<String> command;
  private final ClassDataSharing sharing;
  private final Limits limits;
  private final long startTimeoutMillis;
  private final String threadPrefix = "jasyncio-process-pool-" + POOLS.incrementAndGet() + "-";
  private final Timeouts timeouts = new Timeouts(threadPrefix + "timeouts");
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition hasJob = lock.newCondition();
  private final Condition ended = lock.newCondition();
  private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
  private final Set<WorkerProcess> live = new HashSet<>();
  private int drivers;
  private int idle;
  private boolean shutdown;
  private boolean stopping;

  /**
   * Up to {@code size} workers started with {@code command}, reading answers within
   * {@code limits}; none starts before a job.
   *
   * @param startTimeoutMillis how long a worker may take to start and connect back
   */
  public Workers(int size, List<String> command, Limits limits, long startTimeoutMillis) {
    this(size, command, ClassDataSharing.off(), limits, startTimeoutMillis);
  }

  /**
   * Up to {@code size} workers started with {@code command} and the class data sharing archive
   * of {@code sharing}, reading answers within {@code limits}; none starts before a job.
   *
   * @param startTimeoutMillis how long a worker may take to start and connect back
   */
  public Workers(int size, List<String> command, ClassDataSharing sharing, Limits limits,
      long startTimeoutMillis) {
    this.size = size;
    this.command = List.copyOf(command);
    this.sharing = sharing;
    this.limits = limits;
    this.startTimeoutMillis = startTimeoutMillis;
  }

  /**
   * Queues a job, starting a driver (and its JVM) if no idle one can take it.
   *
   * @throws RejectedExecutionException if the pool is shut down
   */
  public void submit(Job<?> job) {
    lock.lock();
    try {
      if (shutdown) {
        throw new RejectedExecutionException("the process pool is shut down");
      }
      queue.addLast(job);
      if (queue.size() > idle && drivers < size) {
        drivers++;
        Thread t = new Thread(null, this::drive, threadPrefix + drivers,
            limits.readerStackBytes());
        t.setDaemon(true);
        t.start();
      }
      hasJob.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Accepts no more jobs; queued ones still run, then the workers exit. */
  public void shutdown() {
    lock.lock();
    try {
      shutdown = true;
      hasJob.signalAll();
      if (drivers == 0) {
        ended.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Shuts down, kills the workers (cancelling the jobs they held) and returns the jobs that never
   * started, which stay pending.
   */
  public List<Job<?>> shutdownNow() {
    Stopped stopped = stop();
    stopped.workers().forEach(WorkerProcess::kill);
    stopped.queued().removeIf(Job::isDone);
    return stopped.queued();
  }

  /** The jobs that never started and the workers that were live when the pool stopped. */
  private record Stopped(List<Job<?>> queued, List<WorkerProcess> workers) {}

  /** Stops taking and starting jobs, empties the queue and shuts down: the first of a stop. */
  private Stopped stop() {
    Stopped stopped;
    lock.lock();
    try {
      stopping = true;
      stopped = new Stopped(new ArrayList<>(queue), new ArrayList<>(live));
      queue.clear();
    } finally {
      lock.unlock();
    }
    shutdown();
    return stopped;
  }

  /**
   * Python's {@code terminate_workers()} ({@code force} false: {@code SIGTERM}) and
   * {@code kill_workers()} ({@code force} true: {@code SIGKILL}): shuts down, stops every worker
   * at once and cancels every job not done, queued or running, so that no caller is left
   * waiting.
   */
  public void stopWorkers(boolean force) {
    Stopped stopped = stop();
    stopped.queued().forEach(Job::cancel);
    // The drivers of these workers cancel the jobs they held, seeing the pool stopping.
    stopped.workers().forEach(force ? WorkerProcess::kill : WorkerProcess::terminate);
  }

  /**
   * Shuts down and waits up to {@code graceNanos} for the jobs to finish and the workers to
   * exit; then stops the workers as {@code stopWorkers(true)} does and waits up to
   * {@code afterKillNanos} more. If interrupted, it stops them at once and keeps the interrupt
   * flag set. Returns whether it is terminated.
   */
  public boolean close(long graceNanos, long afterKillNanos) {
    shutdown();
    boolean interrupted = false;
    try {
      if (!awaitTermination(graceNanos, TimeUnit.NANOSECONDS)) {
        stopWorkers(true);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      stopWorkers(true);
    }
    long deadline = System.nanoTime() + afterKillNanos;
    boolean terminated = isTerminated();
    while (!terminated && deadline - System.nanoTime() > 0) {
      try {
        terminated = awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return terminated;
  }

  /** Whether {@link #shutdown()} or {@link #shutdownNow()} was called. */
  public boolean isShutdown() {
    lock.lock();
    try {
      return shutdown;
    } finally {
      lock.unlock();
    }
  }

  /** Whether it is shut down and every worker has exited. */
  public boolean isTerminated() {
    lock.lock();
    try {
      return shutdown && drivers == 0;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until terminated or the timeout elapses; true if terminated. */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (!(shutdown && drivers == 0)) {
        if (nanos <= 0) {
          return false;
        }
        nanos = ended.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** A driver: starts its worker, feeds it jobs until shut down, replaces it when it dies. */
  private void drive() {
    WorkerProcess worker = startOrNull();
    try {
      for (Job<?> job = take(); job != null; job = take()) {
        if (job.isDone()) {
          continue; // cancelled while queued
        }
        if (worker == null) {
          try {
            worker = start();
          } catch (IOException e) {
            job.fail(new BrokenWorkerException("cannot start a worker JVM with " + command.get(0)
                + ": " + e.getMessage(), e));
            continue;
          }
        }
        Outcome outcome = runOn(worker, job);
        while (outcome == Outcome.RESTART) {
          // It could not start with the class data sharing archive, now off: again without.
          forget(worker);
          try {
            worker = start();
          } catch (IOException e) {
            worker = null;
            job.fail(new BrokenWorkerException("cannot start a worker JVM with "
                + command.get(0) + ": " + e.getMessage(), e));
            break;
          }
          outcome = runOn(worker, job);
        }
        if (outcome == Outcome.REPLACE) {
          forget(worker);
          // The replacement boots before the next job comes.
          worker = isStopping() ? null : startOrNull();
        }
      }
    } finally {
      if (worker != null) {
        worker.close();
        forget(worker);
      }
      driverEnded();
    }
  }

  /** What became of a worker that ran a job. */
  private enum Outcome {
    /** It lives and takes the next job. */
    KEEP,
    /** It is gone (it died, or was killed for the job's sake) and must be replaced. */
    REPLACE,
    /** It never came up with the class data sharing archive: start one without, same job. */
    RESTART
  }

  /** Runs one job on a worker, within the job's timeout and until it is cancelled. */
  private Outcome runOn(WorkerProcess worker, Job<?> job) {
    try {
      worker.awaitConnected();
    } catch (WorkerDiedException e) {
      if (!isStopping() && !worker.wasKilled() && sharing.failed(worker.sharing())) {
        return Outcome.RESTART;
      }
      failOrCancel(job, e);
      return Outcome.REPLACE;
    }
    if (job.isDone()) {
      return Outcome.KEEP; // cancelled while its worker booted: the worker is fresh, keep it
    }
    Attempt attempt = new Attempt(job, worker);
    job.onCancel(() -> attempt.stop(null));
    ScheduledFuture<?> timer = job.timeoutNanos() > 0
        ? timeouts.arm(attempt, job.timeoutNanos(), worker.pid()) : null;
    try {
      Frame answer = worker.run(job.id(), job.payload(), System.out);
      if (attempt.finish()) {
        job.answer(answer, limits);
      }
    } catch (WorkerDiedException e) {
      if (attempt.finish()) {
        failOrCancel(job, e);
      }
    } catch (RuntimeException | Error e) {
      // A fault of this side, not the worker's; still, the channel may be mid-frame.
      worker.kill();
      if (attempt.finish()) {
        job.fail(new BrokenWorkerException("reading the answer of worker process "
            + worker.pid() + " failed, so it was killed and replaced: " + e, e));
      }
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
    return !worker.wasKilled() && worker.isAlive() ? Outcome.KEEP : Outcome.REPLACE;
  }

  private void failOrCancel(Job<?> job, WorkerDiedException e) {
    if (isStopping()) {
      job.cancel();
    } else {
      job.fail(e.forTask());
    }
  }

  /** The next job; null once shut down with nothing queued. */
  private Job<?> take() {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (shutdown) {
          return null;
        }
        idle++;
        try {
          hasJob.awaitUninterruptibly();
        } finally {
          idle--;
        }
      }
      return queue.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  private WorkerProcess startOrNull() {
    try {
      return isStopping() ? null : start();
    } catch (IOException e) {
      return null; // tried again, and reported, when a job needs it
    }
  }

  private WorkerProcess start() throws IOException {
    ClassDataSharing.Start how = sharing.next(command);
    WorkerProcess worker = WorkerProcess.start(how, limits, startTimeoutMillis);
    worker.onExit(code -> sharing.exited(how, code));
    boolean killNow;
    lock.lock();
    try {
      live.add(worker);
      killNow = stopping;
    } finally {
      lock.unlock();
    }
    if (killNow) {
      worker.kill();
    }
    return worker;
  }

  private void forget(WorkerProcess worker) {
    lock.lock();
    try {
      live.remove(worker);
    } finally {
      lock.unlock();
    }
  }

  private boolean isStopping() {
    lock.lock();
    try {
      return stopping;
    } finally {
      lock.unlock();
    }
  }

  private void driverEnded() {
    lock.lock();
    try {
      drivers--;
      if (drivers == 0 && shutdown) {
        timeouts.shutdown();
        ended.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }
}
