package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A loop running forever on its own thread, driven from the test's thread: runCoroutineThreadsafe
 * and toCompletableFuture, which plain threads join. Nothing sleeps: the joins wait for the loop,
 * and the JUnit timeout guards against a hang only.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ThreadsafeTest {

  @Test
  void aPlainThreadRunsCoroutinesOnTheLoopAndJoinsTheirResultsAndExceptions() throws Exception {
    EventLoop loop = EventLoop.create();
    Thread loopThread = new Thread(loop::runForever, "loop");
    loopThread.start();
    try {
      Thread[] ranOn = new Thread[1];
      CompletableFuture<Integer> answer = Asyncio.runCoroutineThreadsafe(Script.named("answer")
          .run(() -> ranOn[0] = Thread.currentThread())
          .returning(() -> 42), loop);
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(42);
      assertThat(ranOn[0]).isSameAs(loopThread);

      IllegalStateException boom = new IllegalStateException("boom");
      CompletableFuture<Object> failing = Asyncio.runCoroutineThreadsafe(Script.named("failing")
          .returning(() -> {
            throw boom;
          }), loop);
      assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isSameAs(boom);

      CompletableFuture<CompletableFuture<String>> viaFuture = new CompletableFuture<>();
      loop.callSoonThreadsafe(() -> {
        AsyncFuture<String> f = loop.createFuture();
        viaFuture.complete(f.toCompletableFuture());
        loop.callSoon(() -> f.setResult("set on the loop"));
      });
      assertThat(viaFuture.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS))
          .isEqualTo("set on the loop");
    } finally {
      loop.callSoonThreadsafe(loop::stop);
      loopThread.join(10_000);
    }
    assertThat(loopThread.isAlive()).isFalse();
  }

  @Test
  void allTasksListsTheRunningLoopsTasksNotDoneYet() {
    java.util.List<String> names = Asyncio.run(Script.named("main")
        .run(() -> Asyncio.createTask(Script.named("sleeper")
            .await(() -> Asyncio.sleep(0)).build(), "sleeper"))
        .returning(() -> Asyncio.allTasks().stream().map(Task::getName).sorted().toList()));
    assertThat(names).hasSize(2).contains("sleeper");
  }
}
