package io.jasyncio.demo;

import io.jasyncio.BrokenWorkerException;
import io.jasyncio.ProcessPool;
import io.jasyncio.Runner;
import io.jasyncio.hazelcast.LocalCluster;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the asyncio tutorial in Java: every section in the tutorial's order, or the one named on
 * the command line.
 *
 * <pre>
 * java -jar demo/target/jasyncio-demo.jar                           # every section
 * java -jar demo/target/jasyncio-demo.jar boiling                   # one section
 * java -jar demo/target/jasyncio-demo.jar --workers 4 processes     # a pool of 4 workers
 * java -jar demo/target/jasyncio-demo.jar --pairs 0 processes       # no throughput run
 * java -jar demo/target/jasyncio-demo.jar processes --cluster 2      # on 2 Hazelcast members
 * </pre>
 *
 * <p>Options: {@code --workers N}, the process pool's size (default: the number of cores; at
 * most {@link ProcessPool#maxWorkers()});
 * {@code --pairs N}, how many pairs the throughput run after section 3.2 matches (default
 * 200,000; 0 skips it). Its progress bar prints on standard error. {@code --cluster N} runs
 * section 3.2 on a Hazelcast cluster of N member JVMs on the loopback address instead, and times
 * the large run on it beside the process pool.
 */
public final class Main {
  /** Exit status for an unknown section name or a bad option, as for a usage error. */
  static final int USAGE = 2;
  /** Exit status when a worker JVM of the process pool, or a cluster member, fails. */
  static final int WORKER_FAILED = 4;
  /** Pairs the throughput run matches unless {@code --pairs} says otherwise. */
  static final int DEFAULT_PAIRS = 200_000;

  /** The tutorial's sections in its order. */
  private static Map<String, Section> sections(int workers, int pairs, int cluster,
      PrintStream progress) {
    Map<String, Section> sections = new LinkedHashMap<>();
    sections.put("coroutine", new CoroutineSection());
    sections.put("sequential", new SequentialSection());
    sections.put("generators", new GeneratorsSection());
    sections.put("gather", new GatherSection());
    sections.put("boiling", new BoilingSection());
    sections.put("threads", new ThreadsSection());
    sections.put("processes", new ProcessesSection(workers, pairs, cluster, progress));
    return sections;
  }

  private Main() {}

  /** Runs the demo; exits with the status of {@link #run}. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err, Runner::new);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the sections {@code args} name (all when none) with the options they give and returns
   * the exit status: 0, or {@link #USAGE} for an unknown name or a bad option,
   * {@link #WORKER_FAILED} when a worker JVM or a cluster member fails.
   */
  static int run(String[] args, PrintStream out, PrintStream err, Supplier<Runner> runners) {
    int workers = Runtime.getRuntime().availableProcessors();
    int pairs = DEFAULT_PAIRS;
    int cluster = 0;
    List<String> given = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--workers") || args[i].equals("--pairs")
          || args[i].equals("--cluster")) {
        int value = i + 1 < args.length ? parseCount(args[i + 1]) : -1;
        boolean positive = !args[i].equals("--pairs");
        if (value < 0 || (value == 0 && positive)) {
          err.println(args[i] + " needs a whole number" + (positive ? " of at least 1" : "")
              + " after it");
          return USAGE;
        }
        if (args[i].equals("--cluster") && value > LocalCluster.MAX_MEMBERS) {
          // Refused before any member JVM starts, as LocalCluster.start would.
          err.println("--cluster takes at most " + LocalCluster.MAX_MEMBERS
              + " members (LocalCluster.MAX_MEMBERS), not " + value);
          return USAGE;
        }
        switch (args[i]) {
          case "--workers" -> workers = value;
          case "--pairs" -> pairs = value;
          default -> cluster = value;
        }
        i++;
      } else {
        given.add(args[i]);
      }
    }
    if (workers > ProcessPool.maxWorkers()) {
      // Checked before any section runs, not when section 3.2 makes its pool.
      err.println("--workers " + workers + " is more than a process pool may have ("
          + ProcessPool.maxWorkers() + ": 4 per core; the system property "
          + ProcessPool.MAX_WORKERS + " changes that)");
      return USAGE;
    }
    Map<String, Section> sections = sections(workers, pairs, cluster, err);
    List<String> names = given.isEmpty() ? new ArrayList<>(sections.keySet()) : given;
    for (String name : names) {
      if (!sections.containsKey(name)) {
        err.println("unknown section '" + name + "'; the sections are: "
            + String.join(", ", sections.keySet()));
        return USAGE;
      }
    }
    for (String name : names) {
      Section section = sections.get(name);
      if (names.size() > 1) {
        out.println("== " + name);
      }
      try (Runner runner = runners.get()) {
        section.run(runner, out);
      } catch (BrokenWorkerException e) {
        out.flush();
        err.println("section '" + name + "' needs worker JVMs: " + e.getMessage());
        return WORKER_FAILED;
      }
      out.flush();
    }
    return 0;
  }

  /** A non-negative whole number, or -1. */
  private static int parseCount(String s) {
    try {
      return Math.max(-1, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
