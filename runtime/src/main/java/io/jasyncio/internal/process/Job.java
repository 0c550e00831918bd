package io.jasyncio.internal.process;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One unit of work for a worker process: a serialized task (a function and one chunk of
 * arguments), how long it may run, and the future its answer completes. As a {@code Runnable}
 * (what {@code shutdownNow} hands back) it runs the same task in this JVM instead.
 *
 * @param <V> the type of the future's value
 */
public final class Job<V> implements Runnable {
  private final long id;
  private final byte[] payload;
  private final ClassLoader loader;
  private final CompletableFuture<V> future;
  private final Function<List<Object>, V> finisher;
  private final Callable<List<Object>> local;
  private final long timeoutNanos;

  /**
   * A job.
   *
   * @param id its number, unique in its pool
   * @param payload the task, from {@link Payloads#task}
   * @param loader the class loader that resolves the classes of its results
   * @param future what its answer completes
   * @param finisher turns the list of results into the future's value
   * @param local computes the same results in this JVM
   * @param timeoutNanos how long it may run in a worker before it is killed; 0 for no limit
   */
  public Job(long id, byte[] payload, ClassLoader loader, CompletableFuture<V> future,
      Function<List<Object>, V> finisher, Callable<List<Object>> local, long timeoutNanos) {
    this.id = id;
    this.timeoutNanos = timeoutNanos;
    this.payload = payload;
    this.loader = loader;
    this.future = future;
    this.finisher = finisher;
    this.local = local;
  }

  long id() {
    return id;
  }

  byte[] payload() {
    return payload;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  /** Whether its future is done, for example cancelled while it waited in the queue. */
  boolean isDone() {
    return future.isDone();
  }

  /** Runs {@code action} if its future is cancelled, now or later. */
  void onCancel(Runnable action) {
    future.whenComplete((v, e) -> {
      if (future.isCancelled()) {
        action.run();
      }
    });
  }

  /**
   * Completes the future with a worker's answer: the results, or the task's own exception; or,
   * if the answer cannot be read, whatever went wrong, errors included, so that the thread that
   * reads answers goes on and the caller learns why.
   */
  void answer(Frame answer, Limits limits) {
    try {
      if (answer.kind() == Frame.FAILURE) {
        future.completeExceptionally(Payloads.readFailure(answer.payload(), loader, limits));
      } else {
        future.complete(finisher.apply(Payloads.readResults(answer.payload(), loader, limits)));
      }
    } catch (Throwable e) {
      future.completeExceptionally(e);
    }
  }

  /** Fails the future. */
  void fail(Throwable e) {
    future.completeExceptionally(e);
  }

  /** Cancels the future. */
  void cancel() {
    future.cancel(false);
  }

  /** Runs the task in this JVM and completes the future with its outcome, unless it is done. */
  @Override
  public void run() {
    if (future.isDone()) {
      return;
    }
    try {
      future.complete(finisher.apply(local.call()));
    } catch (Exception | LinkageError e) {
      future.completeExceptionally(e);
    }
  }

  @Override
  public String toString() {
    return "<process pool job " + id + " " + (future.isDone() ? "done" : "pending") + ">";
  }
}
