package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.internal.process.WorkerCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers that die, pools that shut down: each test makes its own small pool. Tests wait only for
 * futures and for termination; a JUnit timeout only turns a hang into a failure.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPoolFaultTest {

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  static int exitWith(int code) {
    System.exit(code);
    return 0;
  }

  static int halt(int code) {
    Runtime.getRuntime().halt(code);
    return 0;
  }

  static int blockForever(String startedLine) throws InterruptedException {
    System.out.println(startedLine);
    new CountDownLatch(1).await();
    return 0;
  }

  static int exhaustMemory(int chunkMib) {
    List<byte[]> hog = new ArrayList<>();
    for (;;) {
      hog.add(new byte[chunkMib << 20]);
    }
  }

  @Test
  void workerThatExitsFailsItsTaskAndIsReplaced() {
    try (ProcessPool pool = ProcessPool.create(1)) {
      long first = pool.submit(ProcessPoolFaultTest::pid, 0).join();

      CompletableFuture<Integer> crashed = pool.submit(ProcessPoolFaultTest::exitWith, 7);

      assertThatThrownBy(crashed::join).cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessageContaining("worker process " + first + " exited with code 7")
          .hasMessageContaining("while running this task");
      long second = pool.submit(ProcessPoolFaultTest::pid, 0).join();
      assertThat(second).isNotEqualTo(first);
    }
  }

  @Test
  void workerThatHaltsOrIsKilledFailsItsTaskAndThePoolKeepsServing() {
    try (ProcessPool pool = ProcessPool.create(1)) {
      assertThatThrownBy(() -> pool.submit(ProcessPoolFaultTest::halt, 5).join())
          .cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessageContaining("exited with code 5");

      long victim = pool.submit(ProcessPoolFaultTest::pid, 0).join();
      ProcessHandle.of(victim).orElseThrow().destroyForcibly();
      assertThatThrownBy(() -> pool.submit(ProcessPoolFaultTest::pid, 0).join())
          .cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessageContaining("worker process " + victim + " was killed by signal 9");

      assertThat(pool.submit(ProcessPoolFaultTest::pid, 0).join()).isNotEqualTo(victim);
    }
  }

  @Test
  void crashFailsExactlyTheTaskItsWorkerHeld() {
    try (ProcessPool pool = ProcessPool.create(2)) {
      List<CompletableFuture<Integer>> tasks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int x = i;
        tasks.add(pool.submit((Integer n) -> n == 3 ? exitWith(1) : n * 10, x));
      }

      for (int i = 0; i < 6; i++) {
        if (i == 3) {
          assertThatThrownBy(tasks.get(i)::join).cause()
              .isInstanceOf(BrokenWorkerException.class);
        } else {
          assertThat(tasks.get(i).join()).isEqualTo(i * 10);
        }
      }
    }
  }

  @Test
  void workerOutOfMemoryFailsItsTaskSayingSo() {
    System.setProperty(WorkerCommand.JVM_ARGS, "-Xmx32m");
    ProcessPool pool;
    try {
      pool = ProcessPool.create(1);
    } finally {
      System.clearProperty(WorkerCommand.JVM_ARGS);
    }
    try (pool) {
      assertThatThrownBy(() -> pool.submit(ProcessPoolFaultTest::exhaustMemory, 4).join())
          .cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessageContaining("exited with code 3")
          .hasMessageContaining("ran out of memory");
      assertThat(pool.submit((Integer x) -> x + 1, 1).join()).isEqualTo(2);
    }
  }

  @Test
  void workerThatCannotStartFailsTheTaskWithAClearMessage() {
    System.setProperty(WorkerCommand.JAVA, "/nonexistent/bin/java");
    ProcessPool pool;
    try {
      pool = ProcessPool.create(1);
    } finally {
      System.clearProperty(WorkerCommand.JAVA);
    }
    try (pool) {
      assertThatThrownBy(() -> pool.submit(ProcessPoolFaultTest::pid, 0).join())
          .cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessageStartingWith("cannot start a worker JVM with /nonexistent/bin/java");
    }
  }

  @Test
  void shutdownLetsQueuedTasksFinishThenTheWorkersExit() throws InterruptedException {
    ProcessPool pool = ProcessPool.create(1);
    List<CompletableFuture<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tasks.add(pool.submit(ProcessPoolFaultTest::pid, i));
    }

    pool.shutdown();

    assertThat(pool.isShutdown()).isTrue();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(tasks).allSatisfy(t -> assertThat(t).isCompleted());
    long worker = tasks.get(0).join();
    assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive)).isNotEqualTo(
        java.util.Optional.of(true));
  }

  @Test
  void shutdownNowCancelsTheRunningTaskAndHandsBackTheQueuedOnes() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    PrintStream original = System.out;
    System.setOut(new PrintStream(new LineWatcher("started", started), true,
        StandardCharsets.UTF_8));
    ProcessPool pool = ProcessPool.create(1);
    CompletableFuture<Integer> running;
    CompletableFuture<Long> queued;
    try {
      running = pool.submit(ProcessPoolFaultTest::blockForever, "started");
      queued = pool.submit(ProcessPoolFaultTest::pid, 0);
      started.await();
    } finally {
      System.setOut(original);
    }

    List<Runnable> neverStarted = pool.shutdownNow();

    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
    assertThat(neverStarted).hasSize(1);
    assertThat(queued).isNotDone();
    neverStarted.get(0).run();
    assertThat(queued.join()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void noWorkerIsLeftAfterClose() {
    List<Long> workers;
    try (ProcessPool pool = ProcessPool.create(2)) {
      workers = pool.map(ProcessPoolFaultTest::pid, IntStream.range(0, 8).boxed().toList(), 1);
    }

    assertThat(workers).isNotEmpty();
    for (long worker : workers) {
      assertThat(ProcessHandle.of(worker).filter(ProcessHandle::isAlive)).isEmpty();
    }
  }

  /** Counts a latch down once a given line has been printed. */
  private static final class LineWatcher extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final String expected;
    private final CountDownLatch seen;

    LineWatcher(String expected, CountDownLatch seen) {
      this.expected = expected;
      this.seen = seen;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        if (line.toString(StandardCharsets.UTF_8).strip().equals(expected)) {
          seen.countDown();
        }
        line.reset();
      } else {
        line.write(b);
      }
    }
  }
}
