package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import example.Script;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A loop whose thread is interrupted while it waits for work from other threads goes on waiting
 * (an interrupted thread's park returns at once, and the loop used to spin on it at full CPU),
 * and its thread's interrupt flag is set again when the loop stops, for whoever owns the thread.
 */
class InterruptedLoopTest {
  /** The system clock, counting how often the loop asks how long it may block. */
  private static final class CountingClock implements Clock {
    final AtomicLong idles = new AtomicLong();

    @Override
    public double time() {
      return Clock.system().time();
    }

    @Override
    public long idleUntil(double deadline) {
      idles.incrementAndGet();
      return Clock.system().idleUntil(deadline);
    }
  }

  @Test
  void anInterruptWhileWaitingNeitherSpinsNorIsLost() throws Exception {
    CountingClock clock = new CountingClock();
    CompletableFuture<String> stage = new CompletableFuture<>();
    AtomicReference<String> result = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    Thread loopThread = new Thread(() -> {
      EventLoop loop = EventLoop.create(clock);
      try {
        result.set(loop.runUntilComplete(Script.named("waiting")
            .await(() -> stage, v -> { })
            .returning(stage::join)));
        interruptedAfter.set(Thread.interrupted());
      } finally {
        loop.close();
      }
    }, "interrupted-loop");
    loopThread.start();
    awaitState(loopThread, Thread.State.WAITING);

    loopThread.interrupt();
    // The interrupt wakes the loop, which takes the flag and waits again.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((loopThread.isInterrupted() || loopThread.getState() != Thread.State.WAITING)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    long idlesWhileInterrupted = clock.idles.get();
    stage.complete("done");
    loopThread.join();

    assertThat(result.get()).isEqualTo("done");
    assertThat(interruptedAfter).isTrue();
    // A handful of turns, not the millions of a loop spinning on park().
    assertThat(idlesWhileInterrupted).isLessThan(10);
  }

  private static void awaitState(Thread t, Thread.State state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (t.getState() != state && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(t.getState()).isEqualTo(state);
  }
}
