package io.jasyncio.benchmarks;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;

import io.jasyncio.Coroutine;
import io.jasyncio.annotations.Async;

/**
 * An exception thrown at the bottom of a chain of coroutines and caught at its top: what an
 * async stack trace costs, against the same throw through plain Java calls
 * ({@link ExceptionBenchmark}).
 */
final class ThrowingChain {
  private ThrowingChain() {}

  /** Awaits {@link #fail} {@code n} times through {@code depth} coroutines; returns catches. */
  @Async
  static Coroutine<Long> catchEach(int n, int depth) {
    long caught = 0;
    for (int i = 0; i < n; i++) {
      try {
        await(fail(depth));
      } catch (IllegalStateException e) {
        caught += e.getStackTrace().length > 0 ? 1 : 0;
      }
    }
    return done(caught);
  }

  /** A coroutine {@code depth} levels above the one that throws. */
  @Async
  static Coroutine<Integer> fail(int depth) {
    if (depth == 1) {
      throw new IllegalStateException("bottom");
    }
    int below = await(fail(depth - 1));
    return done(below + 1);
  }

  /** The same through plain calls: {@code n} throws through {@code depth} frames. */
  static long catchEachPlain(int n, int depth) {
    long caught = 0;
    for (int i = 0; i < n; i++) {
      try {
        failPlain(depth);
      } catch (IllegalStateException e) {
        caught += e.getStackTrace().length > 0 ? 1 : 0;
      }
    }
    return caught;
  }

  private static int failPlain(int depth) {
    if (depth == 1) {
      throw new IllegalStateException("bottom");
    }
    return failPlain(depth - 1) + 1;
  }
}
