package io.jasyncio.benchmarks;

import java.util.Locale;

/**
 * The line a probe JVM or the Python script prints per metric, and the harness reads:
 * {@code RESULT<tab>metric<tab>figure<tab>count<tab>runs}. Other lines are passed through.
 */
final class ResultLine {
  static final String PREFIX = "RESULT\t";

  private ResultLine() {}

  /** The line for {@code m}. */
  static String format(Timing.Median m) {
    return PREFIX + m.metric() + "\t" + String.format(Locale.ROOT, "%.6g", m.figure()) + "\t"
        + m.count() + "\t" + m.runs();
  }

  /** The median a line holds, or null if it is not a result line. */
  static Timing.Median parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return null;
    }
    String[] f = line.split("\t");
    if (f.length != 5) {
      throw new IllegalArgumentException("malformed result line: " + line);
    }
    return new Timing.Median(f[1], Double.parseDouble(f[2]), Long.parseLong(f[3]),
        Integer.parseInt(f[4]));
  }
}
