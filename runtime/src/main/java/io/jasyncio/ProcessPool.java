package io.jasyncio;

import io.jasyncio.internal.MapResult;
import io.jasyncio.internal.process.ClassDataSharing;
import io.jasyncio.internal.process.Job;
import io.jasyncio.internal.process.Limits;
import io.jasyncio.internal.process.Payloads;
import io.jasyncio.internal.process.Payloads.Shape;
import io.jasyncio.internal.process.SystemProperty;
import io.jasyncio.internal.process.WorkerCommand;
import io.jasyncio.internal.process.Workers;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A pool of worker JVMs that run serializable functions: Python's {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
 * try (ProcessPool pool = ProcessPool.create()) {
 *   List<Integer> scores = pool.map(Fuzzy::score, pairs, 10);        // from plain code
 *   int one = await(pool.submit(Fuzzy::score, pair));               // in an @Async method
 *   int two = await(runInExecutor(pool, Fuzzy::score, pair));       // as any executor
 * }
 * }</pre>
 *
 * <p>Workers start lazily, when work arrives and no worker is idle, and in parallel; each is this
 * JVM's {@code java} launcher with the application's class path, this JVM's module path and a
 * share of its heap limit (see {@code io.jasyncio.internal.process.WorkerCommand} for the system
 * properties that change that). The class path is {@code java.class.path} plus what it lacks of
 * the locations of jasyncio, of the class that makes the pool and of the {@code URLClassLoader}s
 * that loaded it (or the thread's context loader), so a pool made under {@code mvn exec:java}, in
 * an IDE runner or under a custom class loader works; the system property
 * {@code jasyncio.worker.classpath} sets it outright. A worker that still cannot load its main
 * class fails its task with a {@link BrokenWorkerException} naming the class path it used.
 *
 * <p>A worker JVM takes a few hundred milliseconds to start and more to warm up, so a pool
 * pays off for work that takes far longer than that; reuse one pool rather than making many.
 * Workers start from a class data sharing archive of their classes, written by the first worker
 * of the first pool with that command (the system property {@code jasyncio.worker.cds} names
 * its directory, or turns it {@code off}; see {@code io.jasyncio.internal.process.ClassDataSharing}).
 *
 * <p>Each task crosses to a worker and back in Java serialization over the worker's standard
 * input and output: the function (a lambda or method reference whose target type is
 * {@link SerializableFunction} or {@link SerializableCallable}), what it captures, the argument
 * and the result must all be serializable. One that is not fails its task with a
 * {@code NotSerializableException} naming its type, before anything is sent (a result: when the
 * worker tries to send it). A task costs a round trip, so {@link #map} sends inputs in chunks.
 *
 * <p>Faults stay with their task, and every task's future completes. One exception type per
 * kind of failure:
 *
 * <table>
 *   <caption>How a task fails</caption>
 *   <tr><th>fault</th><th>the future fails with</th></tr>
 *   <tr><td>the task throws</td><td>that exception: its type, message and the worker's stack
 *       trace</td></tr>
 *   <tr><td>its worker dies (exits, is killed, runs out of memory), cannot start, or breaks the
 *       protocol</td><td>{@link BrokenWorkerException}, saying how; the worker is
 *       replaced</td></tr>
 *   <tr><td>it runs longer than its timeout</td><td>{@link TimeoutException}; the worker is
 *       killed and replaced</td></tr>
 *   <tr><td>a payload (the task, its answer) breaks a limit or holds a gadget class</td>
 *       <td>{@code InvalidClassException} or {@code InvalidObjectException}, naming the limit
 *       and the system property that raises it</td></tr>
 *   <tr><td>something cannot be serialized</td><td>{@code NotSerializableException}</td></tr>
 *   <tr><td>it is cancelled, or the pool stops its workers</td><td>{@code CancellationException}
 *       (in an {@code @Async} method, {@link CancelledException}); a running task's worker is
 *       killed and replaced</td></tr>
 * </table>
 *
 * <p>The pool keeps serving after each of them. Tasks and answers travel on a loopback socket
 * that only the worker the pool started can join (it proves a secret made for it), and workers
 * exit when that socket or their standard input closes, so a killed pool leaves no orphan. Both
 * sides deserialize through a filter that rejects known gadget classes and checks limits on size,
 * depth, references and time before allocating (see {@code io.jasyncio.internal.process.Limits}
 * for the system properties).
 *
 * <p>What a task prints on {@code System.out} is printed on this JVM's {@code System.out}, and
 * whatever else the worker JVM writes on its standard output (a thread dump, GC logging, native
 * code) too, as text; its standard error is this process's.
 *
 * <p>It is an {@code ExecutorService} for serializable tasks: {@code submit(Callable)},
 * {@code invokeAll} and the rest take a {@code Callable} or {@code Runnable} that is also
 * {@code Serializable}, and {@link #close()} shuts it down and waits, up to a bound, so
 * try-with-resources works.
 * It is a {@link RemoteExecutor}, as a pool on a cluster is: code typed with that interface moves
 * from one to the other by changing the line that makes the pool.
 *
 * <p>Differs from Python: a dead worker does not break the whole pool; {@code map} returns a
 * {@code List} (the first failure, in input order, is thrown); no {@code initializer} or
 * {@code max_tasks_per_child}; tasks may have a timeout.
 */
public final class ProcessPool implements RemoteExecutor {
  /** System property: the most workers a pool may have; see {@link #maxWorkers()}. */
  public static final String MAX_WORKERS = "jasyncio.pool.maxWorkers";
  /** System property: the seconds {@link #close()} waits for tasks before it kills workers. */
  public static final String CLOSE_SECONDS = "jasyncio.pool.closeSeconds";
  /** How long {@link #close()} waits for the workers to exit once it has killed them. */
  private static final Duration AFTER_KILL = Duration.ofSeconds(30);

  private final int size;
  private final Duration taskTimeout;
  private final Limits limits;
  private final Workers workers;
  private final AtomicLong jobIds = new AtomicLong();

  private ProcessPool(int size, Duration taskTimeout) {
    this.size = size;
    this.taskTimeout = taskTimeout;
    this.limits = Limits.fromSystemProperties();
    List<String> command = WorkerCommand.forPoolOf(size, limits, maker());
    this.workers = new Workers(size, command, ClassDataSharing.forCommand(command), limits,
        WorkerCommand.startTimeoutMillis());
  }

  /** A pool of as many workers as this machine has cores; none starts before there is work. */
  public static ProcessPool create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  /**
   * A pool of at most {@code workers} workers; none starts before there is work.
   *
   * @throws IllegalArgumentException if {@code workers} is less than 1 or more than
   *     {@link #maxWorkers()}
   */
  public static ProcessPool create(int workers) {
    return new ProcessPool(checkSize(workers), null);
  }

  /**
   * A pool of at most {@code workers} workers whose tasks may each run for {@code taskTimeout}
   * in a worker (queueing and the worker's start-up do not count); one that runs longer fails
   * with a {@link TimeoutException} and its worker is killed and replaced. A
   * {@link #submit(SerializableFunction, Object, Duration)} with its own timeout overrides it.
   *
   * @throws IllegalArgumentException if {@code workers} is out of bounds (see
   *     {@link #create(int)}) or the timeout is not positive
   */
  public static ProcessPool create(int workers, Duration taskTimeout) {
    return new ProcessPool(checkSize(workers), checkTimeout(taskTimeout));
  }

  /**
   * The most workers a pool may have: the system property {@value #MAX_WORKERS}, or 4 per core.
   * A pool far larger than the machine only makes JVMs compete for cores and memory; the bound
   * makes such a request fail at once rather than after starting dozens of JVMs.
   */
  public static int maxWorkers() {
    return (int) SystemProperty.wholeNumber(MAX_WORKERS,
        4L * Runtime.getRuntime().availableProcessors(), 1);
  }

  /** How many workers it runs at most. */
  public int size() {
    return size;
  }

  /**
   * Runs {@code fn.apply(argument)} in a worker; the future completes with its result or its
   * exception (the remote one, with its type, message and stack trace) and can be awaited in an
   * {@code @Async} method or joined from plain code. Cancelling it (or the task awaiting it)
   * drops the task if it has not been sent yet, or else kills the worker running it, which is
   * replaced. It runs within the pool's task timeout, if it has one.
   *
   * @throws RejectedExecutionException if the pool is shut down
   */
  public <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn,
      T argument) {
    List<Object> arguments = new ArrayList<>(1);
    arguments.add(argument);
    return enqueue(Shape.FUNCTION, fn, arguments, results -> cast(results.get(0)),
        () -> Collections.singletonList(fn.apply(argument)));
  }

  /**
   * {@link #submit(SerializableFunction, Object)} with a time limit: if the task runs longer than
   * {@code timeout} in its worker, the future fails with a {@link TimeoutException} and the worker
   * is killed and replaced. Its time starts when it is sent to a worker, not while it queues.
   *
   * @throws IllegalArgumentException if the timeout is not positive
   * @throws RejectedExecutionException if the pool is shut down
   */
  public <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn,
      T argument, Duration timeout) {
    List<Object> arguments = new ArrayList<>(1);
    arguments.add(argument);
    return enqueue(Shape.FUNCTION, fn, arguments, results -> cast(results.get(0)),
        () -> Collections.singletonList(fn.apply(argument)), checkTimeout(timeout));
  }

  /**
   * {@code fn} applied to each input, in workers, results in input order: Python's
   * {@code Executor.map}. Inputs go to workers {@code chunksize} at a time; a chunk costs one
   * round trip, so for many small inputs a chunk size of hundreds keeps the workers busy, while
   * for few large ones a small size spreads them over all workers. Blocks until every result is
   * in; call it from plain code (an {@code @Async} method awaits {@link #mapAsync} instead).
   *
   * @throws IllegalArgumentException if {@code chunksize} is less than 1
   * @throws RejectedExecutionException if the pool is shut down
   * @throws CancellationException if a chunk was cancelled (by {@link #shutdownNow()})
   */
  @Override
  public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn,
      Iterable<? extends T> inputs, int chunksize) {
    return RemoteExecutor.super.map(fn, inputs, chunksize);
  }

  /**
   * {@link #map(SerializableFunction, Iterable, int)} as a future, to await in an {@code @Async}
   * method: it completes when every chunk is done, with the results in input order or with the
   * exception of the first failing input. Cancelling it cancels the chunks not done yet.
   */
  public <T, R> CompletableFuture<List<R>> mapAsync(
      SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
      int chunksize) {
    return MapResult.ofChunks(inputs, chunksize, chunk -> submitChunk(fn, chunk));
  }

  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    return enqueue(Shape.CALLABLE, task, singleNull(), results -> cast(results.get(0)),
        () -> Collections.singletonList(task.call()));
  }

  @Override
  public <T> CompletableFuture<T> submit(Runnable task, T result) {
    return enqueue(Shape.RUNNABLE, task, singleNull(), results -> result, () -> {
      task.run();
      return singleNull();
    });
  }

  @Override
  public CompletableFuture<?> submit(Runnable task) {
    return submit(task, null);
  }

  /** Accepts no new tasks; those submitted still run, then the workers exit. Does not wait. */
  @Override
  public void shutdown() {
    workers.shutdown();
  }

  /**
   * Accepts no new tasks, kills the workers (the tasks they were running are cancelled) and
   * returns the tasks that never started; their futures stay pending, and running one of the
   * returned {@code Runnable}s runs its task in this JVM and completes its future.
   */
  @Override
  public List<Runnable> shutdownNow() {
    return new ArrayList<>(workers.shutdownNow());
  }

  /**
   * Python's {@code terminate_workers()}: shuts down and asks every worker to end at once, as
   * {@code SIGTERM} does; every task not done, running or queued, is cancelled. Does not wait:
   * {@link #awaitTermination} does.
   */
  public void terminateWorkers() {
    workers.stopWorkers(false);
  }

  /**
   * Python's {@code kill_workers()}: as {@link #terminateWorkers()}, with {@code SIGKILL}, which
   * a worker cannot ignore or delay.
   */
  public void killWorkers() {
    workers.stopWorkers(true);
  }

  /**
   * Shuts down and waits for the tasks to finish and the workers to exit, up to the system
   * property {@value #CLOSE_SECONDS} (default 60); then kills the workers, cancelling the tasks
   * still running or queued, and waits for them to exit. It never waits forever on a hung task.
   * If interrupted while waiting, it kills the workers at once and keeps the interrupt flag set.
   */
  @Override
  public void close() {
    close(Duration.ofSeconds(SystemProperty.wholeNumber(CLOSE_SECONDS, 60, 0)));
  }

  /**
   * {@link #close()} with its own bound: waits up to {@code grace} for the tasks, then kills the
   * workers (cancelling what they still hold) and waits for them to exit.
   */
  public void close(Duration grace) {
    workers.close(grace.toNanos(), AFTER_KILL.toNanos());
  }

  @Override
  public boolean isShutdown() {
    return workers.isShutdown();
  }

  /** Whether it is shut down and every worker process has exited. */
  @Override
  public boolean isTerminated() {
    return workers.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return workers.awaitTermination(timeout, unit);
  }

  @Override
  public String toString() {
    return "<ProcessPool workers=" + size
        + (isTerminated() ? " terminated" : isShutdown() ? " shut down" : "") + ">";
  }

  private <R> CompletableFuture<List<R>> submitChunk(
      SerializableFunction<?, ? extends R> fn, List<Object> chunk) {
    @SuppressWarnings("unchecked")
    SerializableFunction<Object, ? extends R> f = (SerializableFunction<Object, ? extends R>) fn;
    return enqueue(Shape.FUNCTION, fn, chunk, ProcessPool::castAll, () -> {
      List<Object> results = new ArrayList<>(chunk.size());
      for (Object input : chunk) {
        results.add(f.apply(input));
      }
      return results;
    });
  }

  private <V> CompletableFuture<V> enqueue(Shape shape, Object function, List<Object> arguments,
      Function<List<Object>, V> finisher, Callable<List<Object>> local) {
    return enqueue(shape, function, arguments, finisher, local, taskTimeout);
  }

  /**
   * Serializes the task here, so that what cannot be serialized, or is too large to send, fails
   * this task before anything is sent, and queues it.
   */
  private <V> CompletableFuture<V> enqueue(Shape shape, Object function, List<Object> arguments,
      Function<List<Object>, V> finisher, Callable<List<Object>> local, Duration timeout) {
    if (function == null) {
      throw new NullPointerException("task");
    }
    CompletableFuture<V> future = new CompletableFuture<>();
    if (workers.isShutdown()) {
      throw new RejectedExecutionException("the process pool is shut down");
    }
    byte[] payload;
    try {
      payload = Payloads.task(shape, function, arguments);
      if (!limits.fitsInFrame(payload.length)) {
        throw new InvalidObjectException("the task is " + payload.length + " bytes serialized,"
            + " more than a frame may carry (" + limits.maxFrameBytes() + " bytes); the system"
            + " property " + Limits.MAX_FRAME_BYTES + " raises the limit");
      }
    } catch (IOException | RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    workers.submit(new Job<>(jobIds.incrementAndGet(), payload, Payloads.loaderOf(function), future,
        finisher, local, timeout == null ? 0 : timeout.toNanos()));
    return future;
  }

  /** The class whose code makes this pool: its loader may know classes the JVM's lacks. */
  private static Class<?> maker() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
            .filter(c -> c != ProcessPool.class).findFirst().orElse(null));
  }

  private static int checkSize(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("a process pool needs at least 1 worker, not " + workers);
    }
    int max = maxWorkers();
    if (workers > max) {
      throw new IllegalArgumentException("a process pool may have at most " + max + " workers"
          + " (4 per core; the system property " + MAX_WORKERS + " changes that), not "
          + workers);
    }
    return workers;
  }

  private static Duration checkTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a task timeout must be positive, not " + timeout);
    }
    return timeout;
  }

  private static List<Object> singleNull() {
    List<Object> one = new ArrayList<>(1);
    one.add(null);
    return one;
  }

  @SuppressWarnings("unchecked")
  private static <V> V cast(Object value) {
    return (V) value;
  }

  @SuppressWarnings("unchecked")
  private static <V> List<V> castAll(List<Object> values) {
    return (List<V>) (List<?>) values;
  }
}
