package io.jasyncio.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a workload measured: the count of work it did (tasks finished, switches made,
 * pairs scored), which must be the same in every peer, and one figure per metric.
 *
 * @param count the work done, compared across peers so that a fast wrong answer cannot win
 * @param figures metric id to figure, in the workload's order
 */
record Sample(long count, Map<String, Double> figures) {
  /** A sample of one metric. */
  static Sample of(long count, String metric, double figure) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(metric, figure);
    return new Sample(count, figures);
  }

  /** This sample with one more metric. */
  Sample and(String metric, double figure) {
    Map<String, Double> more = new LinkedHashMap<>(figures);
    more.put(metric, figure);
    return new Sample(count, more);
  }

  /** Nanoseconds per unit of work since {@code startNanos}. */
  static double nanosPer(long startNanos, long units) {
    return (System.nanoTime() - startNanos) / (double) units;
  }
}
