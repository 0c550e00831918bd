package io.jasyncio;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for {@code System.out} while open: keeps every line printed (and still prints it), and
 * lets a test wait until a line containing some text has been printed.
 */
final class PrintedLines extends OutputStream implements AutoCloseable {
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final List<String> lines = new ArrayList<>();

  private PrintedLines() {}

  /** Starts capturing {@code System.out}. */
  static PrintedLines capture() {
    PrintedLines captured = new PrintedLines();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    return captured;
  }

  /**
   * Waits until a line containing {@code text} has been printed, and returns it.
   *
   * @throws AssertionError if none is within a minute
   */
  synchronized String await(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    for (;;) {
      for (String l : lines) {
        if (l.contains(text)) {
          return l;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no line containing '" + text + "' in " + lines);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized void write(int b) {
    original.write(b);
    if (b == '\n') {
      lines.add(line.toString(StandardCharsets.UTF_8));
      line.reset();
      notifyAll();
    } else {
      line.write(b);
    }
  }

  /** Puts the original {@code System.out} back. */
  @Override
  public void close() {
    System.setOut(original);
  }
}
