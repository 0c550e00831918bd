package io.jasyncio.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.jasyncio.ProcessPool;
import io.jasyncio.RemoteExecutor;
import io.jasyncio.SerializableFunction;
import io.jasyncio.internal.MapResult;
import io.jasyncio.internal.process.Payloads;
import io.jasyncio.internal.process.Payloads.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A pool that runs serializable functions on the members of a Hazelcast cluster, with the surface
 * of a {@link ProcessPool}: moving from a process pool to a cluster is the line that makes the
 * pool.
 *
 * <pre>{@code
 * HazelcastInstance hz = HazelcastClient.newHazelcastClient();          // or a member
 * try (ClusterPool pool = ClusterPool.create(hz)) {                    // was ProcessPool.create()
 *   List<Match> r = pool.map(FuzzyMatch::fuzzyMatch, pairs, 10);        // from plain code
 *   Match one = await(pool.submit(FuzzyMatch::fuzzyMatch, pair));       // in an @Async method
 *   Match two = await(runInExecutor(pool, FuzzyMatch::fuzzyMatch, pair)); // as any executor
 * }
 * }</pre>
 *
 * <p>Tasks go through the cluster's {@code IExecutorService} named {@value #EXECUTOR} (or the
 * one named), each to one data member, the members in turn. A member runs as many tasks at a
 * time as its executor's pool size (Hazelcast's default is 16; set {@code pool-size} of that
 * executor in the members' configuration to their core count for CPU-bound work). The members
 * need the classes of the functions, arguments and results on their class path, as a process
 * pool's workers do.
 *
 * <p>Each task crosses to its member and back in Java serialization, as with a process pool: the
 * function (a lambda or method reference typed {@link SerializableFunction} or
 * {@link io.jasyncio.SerializableCallable}), what it captures, the argument and the result must
 * be serializable. One that is not fails its task with a {@code NotSerializableException} naming
 * its type, before anything is sent (a result: when the member tries to send it). Members read
 * tasks, and this pool reads results, through jasyncio's deserialization filter. A task costs a
 * network round trip, so {@link #map} sends inputs in chunks.
 *
 * <p>Faults, one exception type for each kind, as a process pool's:
 * <ul>
 *   <li>the task's own exception arrives with its type, message and the member's stack trace,
 *       through a member or a client alike;
 *   <li>a member that leaves (or shuts down, or disconnects, or refuses the task) before
 *       answering loses nothing: the pool sends each task it held to another member, up to
 *       {@value #RESUBMITS} times per task, after which the task fails with a
 *       {@link BrokenMemberException}; so does a task when no member is left (or this client has
 *       lost them all), and a member that comes later takes the next ones. A task may therefore
 *       run more than once (the lost member may have run it before it went): give {@code map}
 *       functions without side effects, as Python's {@code Executor.map} expects;
 *   <li>a future given up on ({@code orTimeout}'s {@code TimeoutException}, {@code cancel})
 *       cancels its task on its member, interrupting it if it runs;
 *   <li>an argument or result over a limit (nesting depth, references, bytes: SerialDOS graphs)
 *       or refused by the deserialization filter fails its one task with an
 *       {@code InvalidClassException} or {@code InvalidObjectException} naming the limit or the
 *       class; see the project's README for the limits and how to raise them.
 * </ul>
 *
 * <p>Configuration is Hazelcast's: pass in a {@code HazelcastInstance}, an embedded member or a
 * client, configured the usual way ({@code hazelcast.xml}, {@code hazelcast-client.yaml}, or in
 * code; the pool never shuts it down), or let {@link #startMember(Path)} start a member from a
 * configuration file (the pool then owns it). Hazelcast's community edition authenticates no one
 * and encrypts nothing: whoever can reach a member's port and knows the cluster name can join
 * the cluster, or connect, and have any member run code; keep a cluster on a network only its
 * machines reach. A pool hands Hazelcast only two classes of its own
 * ({@code io.jasyncio.hazelcast.ClusterTask} and {@code io.jasyncio.hazelcast.Reply}, carrying
 * the task in jasyncio's form), so Hazelcast's {@code java-serialization-filter} can whitelist
 * just those. A pool on a {@link LocalCluster}'s client sends tasks only to the members that
 * cluster started, signed so that they run no one else's.
 *
 * <p>Differs from Python: as {@link ProcessPool}'s; a lost member does not break the pool.
 */
public final class ClusterPool implements RemoteExecutor {
  /** The name of the {@code IExecutorService} that {@link #create(HazelcastInstance)} uses. */
  public static final String EXECUTOR = "jasyncio";
  /** How many times a task is sent again when the member holding it is lost. */
  public static final int RESUBMITS = 3;

  private final Route route;
  private final Admission admission;
  private final BoundedPayloads reader = new BoundedPayloads(PayloadLimits.fromSystemProperties());
  /** The member this pool started and shuts down, or null. */
  private final HazelcastInstance owned;
  private final Object lock = new Object();
  /** Guarded by {@code lock}. */
  private boolean shutdown;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean terminating = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private ClusterPool(Route route, Admission admission, HazelcastInstance owned) {
    this.route = route;
    this.admission = admission;
    this.owned = owned;
  }

  /**
   * A pool on the cluster of {@code hazelcast} (a member, or a client), through its executor
   * {@value #EXECUTOR}. Shutting the pool down leaves {@code hazelcast} running.
   */
  public static ClusterPool create(HazelcastInstance hazelcast) {
    return create(hazelcast, EXECUTOR);
  }

  /**
   * A pool on the cluster of {@code hazelcast} (a member, or a client), through its executor
   * {@code executorName}, whose configuration sets how many tasks each member runs at a time.
   * Shutting the pool down leaves {@code hazelcast} and the executor running.
   */
  public static ClusterPool create(HazelcastInstance hazelcast, String executorName) {
    if (hazelcast == null) {
      throw new NullPointerException("hazelcast");
    }
    Admission admission = Admission.of(hazelcast);
    return new ClusterPool(Route.roundRobin(hazelcast, hazelcast.getExecutorService(executorName),
        admission), admission, null);
  }

  /**
   * A pool over {@code executor}: each task goes to a data member that Hazelcast picks at random.
   * What {@code runInExecutor(executor, fn, argument)} uses for a bare {@code IExecutorService}.
   */
  public static ClusterPool on(IExecutorService executor) {
    if (executor == null) {
      throw new NullPointerException("executor");
    }
    return new ClusterPool(Route.anyDataMember(executor), Admission.open(), null);
  }

  /**
   * Starts an embedded member from a Hazelcast configuration file (XML or YAML, by its
   * extension) and returns a pool on its cluster, through executor {@value #EXECUTOR}; once the
   * pool terminates, it shuts the member down.
   *
   * @throws IOException if the file cannot be read
   * @throws com.hazelcast.config.InvalidConfigurationException if it is not a valid configuration
   */
  public static ClusterPool startMember(Path configFile) throws IOException {
    Config config = Config.loadFromFile(configFile.toFile());
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    return new ClusterPool(Route.roundRobin(member, member.getExecutorService(EXECUTOR),
        Admission.open()), Admission.open(), member);
  }

  /**
   * Runs {@code fn.apply(argument)} on a member; the future completes with its result or its
   * exception (the remote one, with its type, message and stack trace) and can be awaited in an
   * {@code @Async} method or joined from plain code. Cancelling it cancels the task on its
   * member (it is dropped if queued there, interrupted if running).
   *
   * @throws RejectedExecutionException if the pool is shut down
   */
  @Override
  public <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn,
      T argument) {
    List<Object> arguments = new ArrayList<>(1);
    arguments.add(argument);
    return enqueue(Shape.FUNCTION, fn, arguments, results -> cast(results.get(0)));
  }

  /**
   * {@code fn} applied to each input, on the members, results in input order: Python's
   * {@code Executor.map}. Inputs go to members {@code chunksize} at a time, one chunk per task
   * and the members in turn; a chunk costs one network round trip, so for many small inputs use
   * chunks of hundreds or thousands. Blocks until every result is in; call it from plain code (an
   * {@code @Async} method awaits {@link #mapAsync} instead).
   *
   * @throws IllegalArgumentException if {@code chunksize} is less than 1
   * @throws RejectedExecutionException if the pool is shut down
   * @throws BrokenMemberException if a chunk's members were lost {@value #RESUBMITS} + 1 times
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
  @Override
  public <T, R> CompletableFuture<List<R>> mapAsync(
      SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
      int chunksize) {
    return MapResult.ofChunks(inputs, chunksize, chunk -> enqueue(Shape.FUNCTION, fn, chunk, ClusterPool::castAll));
  }

  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    return enqueue(Shape.CALLABLE, task, singleNull(), results -> cast(results.get(0)));
  }

  @Override
  public <T> CompletableFuture<T> submit(Runnable task, T result) {
    return enqueue(Shape.RUNNABLE, task, singleNull(), results -> result);
  }

  @Override
  public CompletableFuture<?> submit(Runnable task) {
    return submit(task, null);
  }

  /**
   * Accepts no new tasks; those submitted still run. Does not wait, and leaves the cluster, its
   * executor and a {@code HazelcastInstance} passed in running; a member the pool started is
   * shut down once the tasks are done.
   */
  @Override
  public void shutdown() {
    synchronized (lock) {
      shutdown = true;
    }
    terminateIfIdle();
  }

  /**
   * Accepts no new tasks and cancels those not done (on their members too: a queued one is
   * dropped, a running one interrupted). Returns an empty list: every task was sent to the
   * cluster when it was submitted, so none waits here.
   */
  @Override
  public List<Runnable> shutdownNow() {
    shutdown();
    for (CompletableFuture<?> f : pending) {
      f.cancel(true);
    }
    return new ArrayList<>();
  }

  @Override
  public boolean isShutdown() {
    synchronized (lock) {
      return shutdown;
    }
  }

  /** Whether it is shut down, every task is done, and a member it started is shut down. */
  @Override
  public boolean isTerminated() {
    return terminated.getCount() == 0;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return terminated.await(timeout, unit);
  }

  @Override
  public String toString() {
    return "<ClusterPool executor='" + route.executor().getName() + "'"
        + (isTerminated() ? " terminated" : isShutdown() ? " shut down" : "") + ">";
  }

  /**
   * Serializes the task here, so that what cannot be serialized fails this task before anything
   * is sent, and sends it.
   */
  private <V> CompletableFuture<V> enqueue(Shape shape, Object function, List<Object> arguments,
      Function<List<Object>, V> finisher) {
    if (function == null) {
      throw new NullPointerException("task");
    }
    if (isShutdown()) {
      throw new RejectedExecutionException("the cluster pool is shut down");
    }
    byte[] payload;
    try {
      payload = Payloads.task(shape, function, arguments);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Trip<V> trip = new Trip<>(route, new ClusterTask(payload, admission.sign(payload)), finisher,
        Payloads.loaderOf(function), reader, RESUBMITS);
    CompletableFuture<V> future = trip.future();
    synchronized (lock) {
      // Checked again under the lock: shutdown() must not see an empty pending set and
      // terminate while this task is about to be added.
      if (shutdown) {
        throw new RejectedExecutionException("the cluster pool is shut down");
      }
      pending.add(future);
    }
    future.whenComplete((v, e) -> {
      pending.remove(future);
      terminateIfIdle();
    });
    trip.start();
    return future;
  }

  private void terminateIfIdle() {
    synchronized (lock) {
      if (!shutdown || !pending.isEmpty()) {
        return;
      }
    }
    if (!terminating.compareAndSet(false, true)) {
      return;
    }
    if (owned == null) {
      terminated.countDown();
      return;
    }
    // A member's shut-down takes a while; shutdown() does not wait, so it happens apart.
    ClusterThreads.CHORES.execute(() -> {
      try {
        owned.shutdown();
      } finally {
        terminated.countDown();
      }
    });
  }

  private static List<Object> singleNull() {
    return Collections.singletonList(null);
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
