package io.jasyncio.demo;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Coroutine;
import io.jasyncio.Runner;
import io.jasyncio.annotations.Async;
import java.io.PrintStream;
import java.util.List;

/**
 * Tutorial section 2, boiling water meanwhile: a task that sleeps 2 s and then 1 s lets the
 * reading and messaging tasks run while it waits, and finishes last.
 */
final class BoilingSection implements Section {

  @Async
  static Coroutine<Void> boilingWater(PrintStream out) {
    out.println("boiling for 1 sec");
    await(sleep(2));
    out.println("boiling for 3 sec");
    await(sleep(1));
    out.println("boiling for 5 sec");
    return done();
  }

  @Override
  public String name() {
    return "boiling";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    runner.run(AsyncGatherSection.main(List.of(
        AsyncBoilingSection.boilingWater(out),
        AsyncGatherSection.readingBook(out),
        AsyncGatherSection.checkingWhatsapp(out))));
  }
}
