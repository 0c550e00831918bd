package io.jasyncio.benchmarks;

import io.jasyncio.EventLoop;
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
 * What the async stack trace of an exception costs: one exception thrown ten coroutines deep
 * and caught at the top, its trace read (so the rewrite happens), against the same through ten
 * plain Java calls. The trace is made only when an exception leaves a coroutine: awaits,
 * switches and spawns do not pay for it (compare {@link AwaitBenchmark} across versions).
 *
 * <pre>java -cp jasyncio-benchmarks.jar org.openjdk.jmh.Main ExceptionBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ExceptionBenchmark {
  /** Exceptions per invocation. */
  static final int N = 1_000;
  /** How many coroutines (or calls) the exception crosses. */
  static final int DEPTH = 10;

  private EventLoop loop;

  /** Makes the loop the trial reuses. */
  @Setup(Level.Trial)
  public void setUp() {
    loop = EventLoop.create();
  }

  /** Closes it. */
  @TearDown(Level.Trial)
  public void tearDown() {
    loop.close();
  }

  /** jasyncio: an exception through ten awaiting coroutines, with its async stack trace. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long jasyncioThrowThroughChain() {
    return loop.runUntilComplete(AsyncThrowingChain.catchEach(N, DEPTH));
  }

  /** Java: the same exception through ten plain calls. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long plainThrowThroughCalls() {
    return ThrowingChain.catchEachPlain(N, DEPTH);
  }
}
