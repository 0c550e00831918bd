package io.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a workload repeatedly and keeps the median of each figure: warm-up runs until
 * {@code warmupSeconds} have passed (none if zero), then measured runs until
 * {@code measureSeconds} have passed or {@code maxRuns} were made (at least one). The Python
 * peer script follows the same rule, so every peer is measured alike.
 *
 * @param warmupSeconds how long to run before measuring
 * @param measureSeconds how long to measure
 * @param maxRuns the most measured runs
 */
record Timing(double warmupSeconds, double measureSeconds, int maxRuns) {
  /** One run and nothing else: {@code --quick}, and workloads that measure a one-off state. */
  static final Timing ONCE = new Timing(0, 0, 1);

  /** A measured metric: the median over the runs, the count of each run, how many runs. */
  record Median(String metric, double figure, long count, int runs) {}

  /** Runs {@code workload} as this timing says, on the monotonic clock. */
  List<Median> measure(Supplier<Sample> workload) {
    return measure(workload, System::nanoTime);
  }

  /**
   * Same, with {@code clock} in nanoseconds (for tests).
   *
   * @throws IllegalStateException if two runs did a different count of work
   */
  List<Median> measure(Supplier<Sample> workload, LongSupplier clock) {
    long start = clock.getAsLong();
    while (clock.getAsLong() - start < warmupSeconds * 1e9) {
      workload.get();
    }
    List<Sample> samples = new ArrayList<>();
    start = clock.getAsLong();
    do {
      samples.add(workload.get());
    } while (samples.size() < maxRuns && clock.getAsLong() - start < measureSeconds * 1e9);
    return medians(samples);
  }

  /** The median of each metric over {@code samples}, which must all have the same count. */
  static List<Median> medians(List<Sample> samples) {
    long count = samples.get(0).count();
    Map<String, double[]> byMetric = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (s.count() != count) {
        throw new IllegalStateException(
            "run " + (i + 1) + " did " + s.count() + " units of work, the first " + count);
      }
      for (Map.Entry<String, Double> e : s.figures().entrySet()) {
        byMetric.computeIfAbsent(e.getKey(), k -> new double[samples.size()])[i] = e.getValue();
      }
    }
    List<Median> medians = new ArrayList<>();
    byMetric.forEach((metric, figures) ->
        medians.add(new Median(metric, median(figures), count, samples.size())));
    return medians;
  }

  /** The median; the mean of the middle two for an even length. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
