package io.jasyncio.demo;

import io.jasyncio.Runner;
import java.io.PrintStream;

/**
 * Tutorial section 2, doing the two tasks sequentially: reading the book blocks the messages
 * until every page is read.
 */
final class SequentialSection implements Section {

  static void readingBook(PrintStream out) {
    out.println("reading page 1");
    out.println("reading page 2");
    out.println("reading page 3");
    out.println("reading page 4");
  }

  static void checkingWhatsapp(PrintStream out) {
    out.println("reading new message 1");
    out.println("reading new message 2");
    out.println("reading new message 3");
    out.println("reading new message 4");
  }

  @Override
  public String name() {
    return "sequential";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    readingBook(out);
    checkingWhatsapp(out);
  }
}
