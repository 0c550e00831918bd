package io.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link AwaitBenchmark} under JMH with the GC profiler ({@code -prof gc}) and reads, for
 * each benchmark, the time and the bytes allocated per operation.
 */
final class Allocation {
  private Allocation() {}

  /**
   * A benchmark's figures.
   *
   * @param benchmark the method name, e.g. {@code jasyncioAwaitDone}
   * @param nanos nanoseconds per operation
   * @param bytes bytes allocated per operation ({@code gc.alloc.rate.norm})
   */
  record Row(String benchmark, double nanos, double bytes) {}

  /** Runs the benchmarks on {@code jvm}: short iterations when {@code quick}. */
  static List<Row> measure(JvmLauncher jvm, boolean quick) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(AwaitBenchmark.class.getName() + "\\.")
        .jvm(jvm.java())
        .forks(1)
        .warmupIterations(quick ? 1 : 2)
        .warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
        .measurementIterations(quick ? 1 : 3)
        .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
        .addProfiler(GCProfiler.class)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    List<Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      String name = label.substring(label.lastIndexOf('.') + 1);
      rows.add(new Row(name, r.getPrimaryResult().getScore(), allocated(r)));
    }
    return rows;
  }

  private static double allocated(RunResult r) {
    // JMH's map holds raw Results; only the key and the score are read.
    var secondary = r.getSecondaryResults();
    for (String key : secondary.keySet()) {
      if (key.endsWith("gc.alloc.rate.norm")) {
        return secondary.get(key).getScore();
      }
    }
    return Double.NaN;
  }
}
