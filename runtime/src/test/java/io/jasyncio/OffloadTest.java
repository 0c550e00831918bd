package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * runInExecutor and toThread on thread pools. The loop itself waits for the pool threads; a JUnit
 * timeout only turns a lost wake-up into a failure.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OffloadTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final ExecutorService threads = Executors.newFixedThreadPool(3);
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
    threads.shutdownNow();
  }

  @Test
  void gatheredCallsReturnResultsInArgumentOrder() {
    List<AsyncFuture<String>> calls = new ArrayList<>();
    for (String id : List.of("id1", "id2", "id2")) {
      calls.add(loop.runInExecutor(threads, s -> s.toUpperCase(), id));
    }

    List<String> results = loop.runUntilComplete(Asyncio.gather(calls));

    assertThat(results).containsExactly("ID1", "ID2", "ID2");
  }

  @Test
  void callRunsOnThePoolAndTheTaskResumesOnTheLoopThread() {
    Thread loopThread = Thread.currentThread();
    List<Thread> ranOn = new ArrayList<>();
    List<Thread> resumedOn = new ArrayList<>();
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> Asyncio.runInExecutor(threads, () -> Thread.currentThread()),
            v -> ranOn.add((Thread) v))
        .run(() -> resumedOn.add(Thread.currentThread()))
        .build());

    loop.runUntilComplete(task);

    assertThat(ranOn).singleElement().isNotSameAs(loopThread);
    assertThat(resumedOn).containsExactly(loopThread);
  }

  @Test
  void exceptionInThePoolThreadReachesTheAwaitUnchanged() {
    IOException failure = new IOException("service unavailable");
    List<Throwable> caught = new ArrayList<>();
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> Asyncio.runInExecutor(threads, () -> {
          throw failure;
        }), v -> log.add("no"), caught::add)
        .build());

    loop.runUntilComplete(task);

    assertThat(caught).singleElement().isSameAs(failure);
    assertThat(log).isEmpty();
  }

  @Test
  void cancellingTheAwaitingTaskInterruptsTheRunningCall() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    SerializableCallable<String> blocking = () -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
        return "never";
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    };
    Task<Void> task = loop.createTask(Script.named("main")
        .await(() -> Asyncio.runInExecutor(threads, blocking)).build());
    loop.callSoon(() -> {
      awaitUninterruptibly(started);
      task.cancel();
    });

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancelledException.class);
    interrupted.await();
  }

  @Test
  void cancelledCallThatHasNotStartedNeverRuns() throws InterruptedException {
    ExecutorService one = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    try {
      AsyncFuture<String> first = loop.runInExecutor(one, () -> {
        release.await();
        return "first";
      });
      AsyncFuture<String> second = loop.runInExecutor(one, () -> {
        log.add("second ran");
        return "second";
      });
      second.cancel();
      // The cancel reaches the pool future through a done-callback on the loop; then release.
      loop.callSoon(() -> loop.callSoon(release::countDown));

      assertThat(loop.runUntilComplete(first)).isEqualTo("first");
      one.shutdown();
      assertThat(one.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      assertThat(log).isEmpty();
      assertThat(second.isCancelled()).isTrue();
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void anyExecutorWorksEvenOneThatRunsTheCallInline() {
    AsyncFuture<Integer> f = loop.runInExecutor(Runnable::run, (Integer x) -> x * 2, 21);

    assertThat(f.isDone()).isFalse();
    assertThat(loop.runUntilComplete(f)).isEqualTo(42);
  }

  @Test
  void executorThatRefusesTheCallThrowsAtTheCall() {
    threads.shutdown();

    assertThatThrownBy(() -> loop.runInExecutor(threads, () -> "x"))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void toThreadRunsOnADaemonThreadOfTheLoopsOwnExecutor() {
    Task<Thread> task = loop.createTask(Script.named("main")
        .await(() -> Asyncio.toThread(Thread::currentThread), v -> log.add("got it"))
        .returning(() -> null));
    List<Thread> seen = new ArrayList<>();
    Task<Void> main = loop.createTask(Script.named("main2")
        .await(() -> Asyncio.toThread(Thread::currentThread), v -> seen.add((Thread) v))
        .await(() -> Asyncio.toThread((String s) -> s + "!", "hi"), v -> log.add((String) v))
        .build());

    loop.runUntilComplete(main);
    loop.runUntilComplete(task);

    assertThat(seen).singleElement().satisfies(t -> {
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.getName()).startsWith("jasyncio-default-executor-");
    });
    assertThat(log).containsExactlyInAnyOrder("got it", "hi!");
  }

  @Test
  void defaultExecutorThreadsEndWhenTheLoopCloses() throws InterruptedException {
    Thread poolThread = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));

    loop.close();

    poolThread.join();
    assertThat(poolThread.isAlive()).isFalse();
  }

  @Test
  void toThreadWithoutARunningLoopThrows() {
    assertThatThrownBy(() -> Asyncio.toThread(() -> 1))
        .isInstanceOf(IllegalStateException.class).hasMessage("no running event loop");
  }

  @Test
  void runReturnsWithoutWaitingForTheDefaultExecutor() {
    // The call is still blocked when run() returns: the executor's threads are daemons.
    CountDownLatch never = new CountDownLatch(1);
    String result = Asyncio.run(Script.named("main")
        .run(() -> Asyncio.toThread(() -> {
          never.await();
          return null;
        }))
        .returning(() -> "done"));

    assertThat(result).isEqualTo("done");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean done = false;
    while (!done) {
      try {
        latch.await();
        done = true;
      } catch (InterruptedException e) {
        // keep waiting: only the test's own latch ends this
      }
    }
  }
}
