package io.jasyncio.demo;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Coroutine;
import io.jasyncio.Runner;
import io.jasyncio.annotations.Async;
import java.io.PrintStream;
import java.util.List;

/**
 * Tutorial section 2, the same two tasks as coroutines: each {@code await(sleep(0))} hands the
 * loop to the other task, and {@code gather} runs them together, so the lines interleave.
 */
final class GatherSection implements Section {

  @Async
  static Coroutine<Void> readingBook(PrintStream out) {
    out.println("reading page 1");
    await(sleep(0));
    out.println("reading page 2");
    await(sleep(0));
    out.println("reading page 3");
    await(sleep(0));
    out.println("reading page 4");
    return done();
  }

  @Async
  static Coroutine<Void> checkingWhatsapp(PrintStream out) {
    out.println("reading new message 1");
    await(sleep(0));
    out.println("reading new message 2");
    await(sleep(0));
    out.println("reading new message 3");
    await(sleep(0));
    out.println("reading new message 4");
    return done();
  }

  /** The tutorial's {@code main(tasks)}: {@code await asyncio.gather(*tasks)}. */
  @Async
  static Coroutine<Void> main(List<Coroutine<Void>> tasks) {
    await(gather(tasks));
    return done();
  }

  @Override
  public String name() {
    return "gather";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    runner.run(AsyncGatherSection.main(List.of(
        AsyncGatherSection.readingBook(out), AsyncGatherSection.checkingWhatsapp(out))));
  }
}
