package io.jasyncio.demo;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;

import io.jasyncio.Coroutine;
import io.jasyncio.Runner;
import io.jasyncio.annotations.Async;
import io.jasyncio.internal.NeverAwaitedWatch;
import java.io.PrintStream;

/**
 * Tutorial section 2, "How asyncio works": a plain function returns its value, calling a
 * coroutine function returns a coroutine object (and one never awaited is reported when it is
 * collected), and awaiting the coroutine gives the value.
 *
 * <pre>{@code
 * def numsum(x): return x
 * async def num_sum(x): return x
 * print(numsum(10))               # 10
 * print(num_sum(10))              # <coroutine object num_sum at 0x...> + RuntimeWarning
 * print(await num_sum(10))        # 10
 * }</pre>
 */
final class CoroutineSection implements Section {

  /** A normal function. */
  static int numsum(int x) {
    return x;
  }

  /** A coroutine: calling {@code AsyncCoroutineSection.numSum(x)} runs nothing yet. */
  @Async
  static Coroutine<Integer> numSum(int x) {
    return done(x);
  }

  /**
   * {@code print(await num_sum(10))}: a script needs a loop for that, so this is the coroutine
   * {@code run} is given, as the tutorial's {@code asyncio.run(...)}.
   */
  @Async
  static Coroutine<Void> printAwaited(PrintStream out) {
    int sum = await(numSum(10));
    out.println(sum);
    return done();
  }

  @Override
  public String name() {
    return "coroutine";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    out.println(numsum(10));
    printCoroutineObject(out);
    // The coroutine object above is garbage now; collect it here so the warning appears right
    // after it is printed, as in the tutorial, rather than whenever the collector next runs.
    out.flush();
    NeverAwaitedWatch.collect();
    runner.run(AsyncCoroutineSection.printAwaited(out));
  }

  /** Prints a coroutine object and drops the only reference to it, never awaiting it. */
  private static void printCoroutineObject(PrintStream out) {
    out.println(AsyncCoroutineSection.numSum(10));
  }
}
