package io.jasyncio.test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Coroutine;
import io.jasyncio.annotations.Async;
import java.util.List;

/** Coroutines for the tests, compiled by the processor into {@code AsyncClockwork}. */
class Clockwork {
  @Async
  static Coroutine<Void> ring(List<String> log, double after, String what) {
    await(sleep(after));
    log.add(what);
    return done();
  }

  @Async
  static Coroutine<Integer> answerAfter(double seconds) {
    await(sleep(seconds));
    return done(42);
  }

  @Async
  static Coroutine<Void> sleepForAnHour(List<String> log) {
    try {
      await(sleep(3600));
      log.add("woke");
    } finally {
      log.add("finally");
    }
    return done();
  }

  @Async
  static Coroutine<Void> fail() {
    await(sleep(0));
    throw new IllegalStateException("boom");
  }

  /** Leaves a task sleeping behind. */
  @Async
  static Coroutine<Integer> leaveASleeper(List<String> log) {
    createTask(AsyncClockwork.sleepForAnHour(log), "sleeper");
    await(sleep(1));
    return done(1);
  }

  /** Starts a task that fails and never asks it how it ended. */
  @Async
  static Coroutine<Void> forgetAFailure() {
    createTask(AsyncClockwork.fail(), "doomed");
    await(sleep(1));
    return done();
  }

  /** Makes a coroutine and drops it. */
  @Async
  static Coroutine<Void> forgetACoroutine() {
    Coroutine<Integer> forgotten = AsyncClockwork.answerAfter(1);
    await(sleep(0));
    return done();
  }
}
