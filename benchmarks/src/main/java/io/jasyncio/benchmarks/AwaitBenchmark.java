package io.jasyncio.benchmarks;

import io.jasyncio.EventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one await, switch or spawn costs in time and in allocation, under JMH (run with
 * {@code -prof gc} for bytes per operation). Each invocation runs a whole workload of
 * {@link #N} operations on a loop kept for the trial, so the task and coroutine of the run itself
 * are spread over {@code N} operations (a few hundredths of a byte each).
 *
 * <pre>java -cp jasyncio-benchmarks.jar org.openjdk.jmh.Main AwaitBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class AwaitBenchmark {
  /** Operations per invocation. */
  static final int N = 10_000;

  private EventLoop loop;
  /** A loop whose tasks start eagerly, as Python 3.12's eager task factory. */
  private EventLoop eagerLoop;
  private ExecutorService single;

  /** Makes the loop and the single-thread executor the trial reuses. */
  @Setup(Level.Trial)
  public void setUp() {
    loop = EventLoop.create();
    eagerLoop = EventLoop.create();
    eagerLoop.setTaskFactory(io.jasyncio.TaskFactory.EAGER);
    single = Executors.newSingleThreadExecutor();
  }

  /** Closes them. */
  @TearDown(Level.Trial)
  public void tearDown() {
    loop.close();
    eagerLoop.close();
    single.shutdownNow();
  }

  /** jasyncio: {@code await} of a finished {@code AsyncFuture}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long jasyncioAwaitDone() {
    return loop.runUntilComplete(AsyncJasyncioWorkloads.awaitDone(N));
  }

  /** jasyncio: {@code await} of a coroutine that finishes without suspending. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long jasyncioAwaitInline() {
    return loop.runUntilComplete(AsyncJasyncioWorkloads.inline(N / 10));
  }

  /** jasyncio: one switch between two tasks, {@code await(sleep(0))}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public Object jasyncioSwitch() {
    return loop.runUntilComplete(io.jasyncio.Asyncio.gather(
        AsyncJasyncioWorkloads.pingPong(N / 2), AsyncJasyncioWorkloads.pingPong(N / 2)));
  }

  /** jasyncio: one trivial task created, run and finished, gathered 1,000 at a time. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long jasyncioSpawn() {
    return loop.runUntilComplete(AsyncJasyncioWorkloads.spawn(N, Workload.SPAWN_BATCH));
  }

  /**
   * jasyncio with the eager task factory: each trivial task runs to its end when created, so it
   * never goes through the ready queue.
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long jasyncioSpawnEager() {
    return eagerLoop.runUntilComplete(AsyncJasyncioWorkloads.spawn(N, Workload.SPAWN_BATCH));
  }

  /**
   * jasyncio: one task made with {@code createTask} on the default factory, run and finished,
   * its list of tasks gathered 1,000 at a time.
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long jasyncioTasks() {
    return loop.runUntilComplete(AsyncJasyncioWorkloads.tasks(N, Workload.SPAWN_BATCH));
  }

  /**
   * jasyncio: one task created, put to sleep for an hour, cancelled and run until it ends
   * cancelled (both halves of the cancel workload, on 10,000 tasks at a time).
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long[] jasyncioCancel() {
    return loop.runUntilComplete(AsyncJasyncioWorkloads.cancelSleeping(N));
  }

  /** The floor: a hand-written check of a finished future. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long floorAwaitDone() {
    return FloorWorkloads.awaitDone(N);
  }

  /** The floor: a hand-written machine running a child machine inline. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long floorAwaitInline() {
    return FloorWorkloads.inline(N / 10);
  }

  /** The floor: one switch between two machines on an {@code ArrayDeque}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long floorSwitch() {
    return FloorWorkloads.switches(N / 2);
  }

  /** The floor: one trivial machine spawned and finished. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long floorSpawn() {
    return FloorWorkloads.spawn(N, Workload.SPAWN_BATCH);
  }

  /** CompletableFuture: {@code thenApply} on a finished future, then {@code join}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long futureAwaitDone() {
    return FutureWorkloads.awaitDone(N);
  }

  /** CompletableFuture: one stage of a chain of 10 finished stages. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long futureAwaitInline() {
    return FutureWorkloads.inline(N / 10);
  }

  /** CompletableFuture: one {@code supplyAsync} on a single-thread executor, joined. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long futureSpawn() {
    return FutureWorkloads.spawn(single, N, Workload.SPAWN_BATCH);
  }
}
