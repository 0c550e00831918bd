package io.jasyncio.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Copies what a worker JVM writes on its standard output (file descriptor 1: a thread dump,
 * {@code -verbose:gc}, native code) to this JVM's {@code System.out}, as text, until the worker
 * closes it. {@code System.out} is looked up at each write, so a test that replaces it sees the
 * text.
 */
final class OutputPump implements Runnable {
  private final InputStream from;

  private OutputPump(InputStream from) {
    this.from = from;
  }

  /**
   * Starts a daemon thread that pumps {@code from} until its end; join it to know that all the
   * worker wrote is printed.
   */
  static Thread start(InputStream from, String threadName) {
    Thread t = new Thread(new OutputPump(from), threadName);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (from) {
      for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
        PrintStream out = System.out;
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The worker is gone, or its pipe was closed by the reaper: nothing more to copy.
    }
  }
}
