package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.commons.collections.functors.InvokerTransformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pool of two real worker JVMs shared by the tests here; the tests of faults and shut-down
 * make their own. A JUnit timeout only turns a hang into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPoolTest {
  private static ProcessPool pool;

  @BeforeAll
  static void startPool() {
    pool = ProcessPool.create(2);
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  /** A checked exception of the test's own, to see the type survive the trip. */
  static final class QuotaException extends Exception {
    private static final long serialVersionUID = 1L;

    QuotaException(String message) {
      super(message);
    }
  }

  static int square(int x) {
    return x * x;
  }

  static int failOnEven(int x) throws QuotaException {
    if (x % 2 == 0) {
      throw new QuotaException("no quota for " + x);
    }
    return x;
  }

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  @Test
  void submitRunsTheFunctionInAnotherJvm() {
    long worker = pool.submit(ProcessPoolTest::pid, 0).join();

    assertThat(worker).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(pool.submit(ProcessPoolTest::square, 7).join()).isEqualTo(49);
  }

  @Test
  void mapReturnsResultsInInputOrder() {
    List<Integer> inputs = IntStream.range(0, 100).boxed().toList();

    List<Integer> squares = pool.map(ProcessPoolTest::square, inputs, 7);

    assertThat(squares).isEqualTo(inputs.stream().map(x -> x * x).toList());
    assertThat(pool.map(ProcessPoolTest::square, List.<Integer>of(), 3)).isEmpty();
  }

  @Test
  void eachChunkRunsInOneWorker() {
    List<Integer> inputs = IntStream.range(0, 30).boxed().toList();

    List<Long> pids = pool.map(ProcessPoolTest::pid, inputs, 10);

    for (int chunk = 0; chunk < 3; chunk++) {
      assertThat(pids.subList(chunk * 10, chunk * 10 + 10)).containsOnly(pids.get(chunk * 10));
    }
  }

  @Test
  void chunksizeBelowOneIsRefused() {
    assertThatThrownBy(() -> pool.map(ProcessPoolTest::square, List.of(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunksize");
  }

  @Test
  void taskExceptionArrivesWithTypeMessageAndTheWorkersStackTrace() {
    CompletableFuture<Integer> f = pool.submit(ProcessPoolTest::failOnEven, 4);

    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(QuotaException.class).hasMessage("no quota for 4")
        .satisfies(e -> assertThat(Arrays.stream(e.getStackTrace()).map(s -> s.getClassName()))
            .contains(ProcessPoolTest.class.getName(),
                "io.jasyncio.internal.process.WorkerMain"));
  }

  @Test
  void mapThrowsTheFirstFailureInInputOrderUnchanged() {
    assertThatThrownBy(() -> pool.map(ProcessPoolTest::failOnEven, List.of(1, 3, 4, 5, 6), 2))
        .isInstanceOf(QuotaException.class).hasMessage("no quota for 4");
  }

  @Test
  void unserializableArgumentFailsTheTaskBeforeAnythingIsSent() {
    CompletableFuture<String> f = pool.submit((Object o) -> "sent", new Object());

    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join).cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the argument (java.lang.Object) is not Serializable");
  }

  @Test
  void functionCapturingSomethingUnserializableNamesWhatItHolds() {
    Thread captured = Thread.currentThread();
    CompletableFuture<String> f = pool.submit((Integer x) -> captured.getName() + x, 1);

    assertThatThrownBy(f::join).cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the function").hasMessageContaining("holds a java.lang.Thread");
  }

  @Test
  void unserializableResultFailsTheTaskNamingItsType() {
    CompletableFuture<Object> f = pool.submit((Integer x) -> new Object(), 1);

    assertThatThrownBy(f::join).cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the result (java.lang.Object) is not Serializable");
  }

  @Test
  void knownGadgetClassIsRejectedByTheWorkersFilter() {
    CompletableFuture<String> f = pool.submit((Object o) -> "deserialized",
        new InvokerTransformer());

    assertThatThrownBy(f::join).cause().isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("org.apache.commons.collections.functors.InvokerTransformer")
        .hasMessageContaining("known deserialization gadget");
    assertThat(pool.submit(ProcessPoolTest::square, 3).join()).isEqualTo(9);
  }

  @Test
  void submitIsAwaitableAndThePoolWorksWithRunInExecutor() {
    EventLoop loop = EventLoop.create(new VirtualClock());
    List<Object> got = new ArrayList<>();
    try {
      loop.runUntilComplete(loop.createTask(Script.named("main")
          .await(() -> pool.submit(ProcessPoolTest::square, 5), got::add)
          .await(() -> Asyncio.runInExecutor(pool, ProcessPoolTest::square, 6), got::add)
          .await(() -> Asyncio.runInExecutor(pool, () -> "callable"), got::add)
          .await(() -> pool.mapAsync(ProcessPoolTest::square, List.of(1, 2, 3), 2), got::add)
          .build()));
    } finally {
      loop.close();
    }

    assertThat(got).containsExactly(25, 36, "callable", List.of(1, 4, 9));
  }

  @Test
  void remoteExceptionReachesTheAwaitThroughRunInExecutor() {
    EventLoop loop = EventLoop.create(new VirtualClock());
    List<Throwable> caught = new ArrayList<>();
    try {
      loop.runUntilComplete(loop.createTask(Script.named("main")
          .await(() -> Asyncio.runInExecutor(pool, ProcessPoolTest::failOnEven, 2), v -> { },
              caught::add)
          .build()));
    } finally {
      loop.close();
    }

    assertThat(caught).singleElement().isInstanceOf(QuotaException.class)
        .extracting(Throwable::getMessage).isEqualTo("no quota for 2");
  }

  @Test
  void whatATaskPrintsReachesThisJvmsStandardOutput() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      pool.submit((String s) -> {
        System.out.println("hello from " + s);
        return 0;
      }, "a worker").join();
    } finally {
      System.setOut(original);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("hello from a worker"
        + System.lineSeparator());
  }

  @Test
  void itIsAnExecutorServiceForSerializableCallables() throws Exception {
    SerializableCallable<String> a = () -> "a";
    SerializableCallable<String> b = () -> "b";

    List<Future<String>> all = pool.invokeAll(List.of(a, b));
    String any = pool.invokeAny(List.of(a));

    assertThat(all.get(0).get()).isEqualTo("a");
    assertThat(all.get(1).get()).isEqualTo("b");
    assertThat(any).isEqualTo("a");
    assertThat(pool.submit((Runnable & java.io.Serializable) () -> { }, "ran").get())
        .isEqualTo("ran");
  }

  @Test
  void plainLambdaCallableFailsWithAHintAboutItsTargetType() {
    java.util.concurrent.Callable<String> plain = () -> "x";

    assertThatThrownBy(() -> pool.submit(plain).get()).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the callable").hasMessageContaining("SerializableCallable");
    assertThatThrownBy(() -> pool.execute(() -> { }))
        .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("the runnable");
  }

  @Test
  void poolOfNoWorkersIsRefused() {
    assertThatThrownBy(() -> ProcessPool.create(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void submitAfterShutdownIsRejected() {
    ProcessPool idle = ProcessPool.create(1);
    idle.shutdown();

    assertThatThrownBy(() -> idle.submit(ProcessPoolTest::square, 1))
        .isInstanceOf(RejectedExecutionException.class);
    assertThat(idle.isTerminated()).isTrue();
  }
}
