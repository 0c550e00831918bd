package io.jasyncio.demo;

import io.jasyncio.Generator;
import io.jasyncio.Runner;
import io.jasyncio.annotations.Async;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Tutorial section 2, the two tasks as generators: each bare {@code Generator.yield()} suspends
 * the task, and a hand-written round-robin scheduler (the tutorial's {@code main(tasks)}) runs
 * them in turn, so the lines interleave without any event loop.
 */
final class GeneratorsSection implements Section {

  @Async
  static Generator<Void> readingBookConcur(PrintStream out) {
    out.println("reading page 1");
    Generator.yield();
    out.println("reading page 2");
    Generator.yield();
    out.println("reading page 3");
    Generator.yield();
    out.println("reading page 4");
    return null;
  }

  @Async
  static Generator<Void> checkingWhatsappConcur(PrintStream out) {
    out.println("reading new message 1");
    Generator.yield();
    out.println("reading new message 2");
    Generator.yield();
    out.println("reading new message 3");
    Generator.yield();
    out.println("reading new message 4");
    return null;
  }

  /**
   * The tutorial's scheduler: take the first task, run it to its next yield, and put it at the
   * back; a task that finishes instead ({@code StopIteration}, here
   * {@code NoSuchElementException}) is dropped.
   */
  static void main(List<? extends Iterator<?>> taskList) {
    List<Iterator<?>> tasks = new ArrayList<>(taskList);
    while (!tasks.isEmpty()) {
      Iterator<?> current = tasks.remove(0);
      try {
        current.next();
        tasks.add(current);
      } catch (NoSuchElementException finished) {
        // the task ran to its end: it leaves the round
      }
    }
  }

  @Override
  public String name() {
    return "generators";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    main(List.of(AsyncGeneratorsSection.readingBookConcur(out),
        AsyncGeneratorsSection.checkingWhatsappConcur(out)));
  }
}
