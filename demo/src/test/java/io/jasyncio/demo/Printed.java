package io.jasyncio.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A {@code PrintStream} whose lines a test can read back; can stand in for standard error. */
final class Printed {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** The stream to print on. */
  PrintStream stream() {
    return stream;
  }

  /** The lines printed so far. */
  List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** Runs {@code body} with {@code System.err} printing here as well, then restores it. */
  void asSystemErrDuring(Runnable body) {
    PrintStream original = System.err;
    System.setErr(stream);
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
  }
}
