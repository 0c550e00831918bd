package io.jasyncio;

import io.jasyncio.internal.ExceptionLog;
import io.jasyncio.internal.Unchecked;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@code ExecutorService} that runs serializable functions in other JVMs and reports each
 * outcome as a {@code CompletableFuture}: the surface a {@link ProcessPool} and a pool on a
 * cluster (such as {@code io.jasyncio.hazelcast.ClusterPool}) share, so that code written against
 * one moves to the other by changing the line that makes the pool.
 *
 * <pre>{@code
 * try (RemoteExecutor pool = ProcessPool.create()) {     // or ClusterPool.create(hazelcast)
 *   List<Match> r = pool.map(FuzzyMatch::fuzzyMatch, pairs, 10);
 *   Match one = await(runInExecutor(pool, FuzzyMatch::fuzzyMatch, pair));
 * }
 * }</pre>
 *
 * <p>{@link Asyncio#runInExecutor} gives such an executor the function and its argument
 * themselves, through {@link #submit(SerializableFunction, Object)} (a thread pool gets a
 * {@code Runnable} that calls them), so they travel by serialization; the awaiting task resumes
 * on the loop thread with the result, or with the remote exception, and cancelling it cancels the
 * future this executor returned.
 *
 * <p>An executor of a library jasyncio does not depend on (a Hazelcast {@code IExecutorService},
 * say) gets the same treatment when a {@link Provider} on the class path adapts it.
 *
 * <p>Python's {@code concurrent.futures.Executor}, for executors whose work leaves the process.
 * Differs from Python: {@code map} returns a {@code List} (it waits for every result; the first
 * failure in input order is thrown).
 */
public interface RemoteExecutor extends ExecutorService, AutoCloseable {
  /**
   * Runs {@code fn.apply(argument)} in another JVM; the future completes with its result or its
   * exception (the remote one, with its type and message) and can be awaited in an
   * {@code @Async} method or joined from plain code. Cancelling it cancels the remote call as far
   * as the executor can.
   *
   * @throws RejectedExecutionException if the executor is shut down
   */
  <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn, T argument);

  /** Runs a serializable {@code task} in another JVM; as {@link #submit(SerializableFunction, Object)}. */
  @Override
  <T> CompletableFuture<T> submit(Callable<T> task);

  /**
   * {@code fn} applied to each input, elsewhere, {@code chunksize} inputs per trip, as a future of
   * the results in input order, or of the exception of the first failing input in input order.
   * Cancelling it cancels the chunks not done yet.
   *
   * @throws IllegalArgumentException if {@code chunksize} is less than 1
   * @throws RejectedExecutionException if the executor is shut down
   */
  <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
      Iterable<? extends T> inputs, int chunksize);

  /**
   * {@code fn} applied to each input, elsewhere, results in input order: Python's
   * {@code Executor.map}. Blocks until every result is in; call it from plain code (an
   * {@code @Async} method awaits {@link #mapAsync} instead).
   *
   * @throws IllegalArgumentException if {@code chunksize} is less than 1
   * @throws RejectedExecutionException if the executor is shut down
   * @throws CancellationException if a chunk was cancelled
   */
  default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn,
      Iterable<? extends T> inputs, int chunksize) {
    try {
      return this.<T, R>mapAsync(fn, inputs, chunksize).join();
    } catch (CompletionException e) {
      // The first failure in input order, unchanged, as Executor.map raises it.
      throw Unchecked.rethrow(Unchecked.unwrap(e));
    }
  }

  /** {@link #map(SerializableFunction, Iterable, int)} with chunks of one input. */
  default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn,
      Iterable<? extends T> inputs) {
    return map(fn, inputs, 1);
  }

  /**
   * Runs a serializable {@code Runnable} elsewhere. An exception it throws, which nobody can
   * catch, is reported ({@code Exception in a ProcessPool task}, with the key
   * {@code "exception"}) to the exception handler of the loop running on the calling thread, on
   * the thread that completes the task; called where no loop runs, it is logged as the default
   * exception handler logs.
   *
   * @throws RejectedExecutionException if the executor is shut down, or {@code command} is not
   *     serializable (its cause names the type)
   */
  @Override
  default void execute(Runnable command) {
    CompletableFuture<?> f = submit(command);
    if (f.isCompletedExceptionally() && !f.isCancelled()) {
      Throwable cause = f.handle((v, e) -> Unchecked.unwrap(e)).join();
      throw new RejectedExecutionException(cause.getMessage(), cause);
    }
    EventLoop loop = EventLoop.current();
    f.whenComplete((v, e) -> {
      if (e != null && !(e instanceof CancellationException)) {
        Map<String, Object> context = Map.of("message",
            "Exception in a " + getClass().getSimpleName() + " task", "exception",
            Unchecked.unwrap(e));
        if (loop != null) {
          loop.callExceptionHandler(context);
        } else {
          ExceptionLog.log(context);
        }
      }
    });
  }

  /** Runs a serializable {@code task} elsewhere; its future completes with null. */
  @Override
  CompletableFuture<?> submit(Runnable task);

  @Override
  default <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return Invocations.all(this, tasks, Long.MAX_VALUE);
  }

  @Override
  default <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout,
      TimeUnit unit) throws InterruptedException {
    return Invocations.all(this, tasks, unit.toNanos(timeout));
  }

  @Override
  default <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    try {
      return Invocations.any(this, tasks, Long.MAX_VALUE);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no timeout was set", e);
    }
  }

  @Override
  default <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return Invocations.any(this, tasks, unit.toNanos(timeout));
  }

  /**
   * Shuts down and waits until the submitted tasks are done (a process pool's workers have
   * exited, a member a cluster pool started is shut down), as {@code ExecutorService.close()}
   * does since Java 19; if interrupted while waiting, it calls {@link #shutdownNow()} and keeps
   * the interrupt flag set.
   */
  @Override
  default void close() {
    shutdown();
    boolean interrupted = false;
    while (!isTerminated()) {
      try {
        awaitTermination(1, TimeUnit.DAYS);
      } catch (InterruptedException e) {
        if (!interrupted) {
          shutdownNow();
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sees a {@link RemoteExecutor} in an executor of another library: how a module such as
   * {@code jasyncio-hazelcast} lets {@code runInExecutor(hazelcastExecutor, fn, argument)} send
   * the function itself rather than a {@code Runnable}. Implementations are found with
   * {@link java.util.ServiceLoader} (a {@code META-INF/services/io.jasyncio.RemoteExecutor$Provider}
   * file), through the class loader of jasyncio's runtime, once.
   */
  interface Provider {
    /**
     * {@code executor} as a {@link RemoteExecutor}, or null if this provider does not know its
     * kind. Called for every {@code runInExecutor} on an executor that is not itself a
     * {@code RemoteExecutor}, so it must be cheap.
     */
    RemoteExecutor adapt(Executor executor);
  }
}
