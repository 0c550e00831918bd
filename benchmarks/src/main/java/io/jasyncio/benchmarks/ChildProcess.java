package io.jasyncio.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a probe (a JVM or the Python script) and collects the {@link ResultLine}s it prints; any
 * other line it prints goes to standard error, indented, and so does its standard error.
 */
final class ChildProcess {
  private ChildProcess() {}

  /**
   * Runs {@code command} to its end.
   *
   * @throws IllegalStateException if it exits with a non-zero status or prints no result
   */
  static List<Timing.Median> run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    List<Timing.Median> results = new ArrayList<>();
    List<String> other = new ArrayList<>();
    int status;
    try {
      Process p = builder.start();
      p.getOutputStream().close();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          Timing.Median m = ResultLine.parse(line);
          if (m != null) {
            results.add(m);
          } else {
            other.add(line);
            System.err.println("    | " + line);
          }
        }
      }
      status = p.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (status != 0 || results.isEmpty()) {
      String last = other.isEmpty() ? "" : ": " + other.get(other.size() - 1);
      throw new IllegalStateException("exited with status " + status + last);
    }
    return results;
  }
}
