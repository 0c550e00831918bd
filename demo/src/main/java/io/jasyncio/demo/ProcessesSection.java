package io.jasyncio.demo;

import io.jasyncio.ProcessPool;
import io.jasyncio.RemoteExecutor;
import io.jasyncio.Runner;
import io.jasyncio.demo.FuzzyMatch.Match;
import io.jasyncio.demo.FuzzyMatch.Pair;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tutorial section 3.2, CPU-heavy work: the fuzzy match of every pair of two lists runs on a
 * {@link ProcessPool} with {@code map(..., chunksize 10)}, and {@code r[1::15]} prints the
 * tutorial's 15 rows. Then a larger run shows when a process pool pays off in Java; see
 * {@link Throughput}. With a cluster size, the same runs on a Hazelcast cluster; see
 * {@link ClusterRun}.
 */
final class ProcessesSection implements Section {
  /** The tutorial's {@code list_size}. */
  static final int LIST_SIZE = 5;
  /** The tutorial's {@code chunksize}. */
  static final int CHUNKSIZE = 10;

  private final int workers;
  private final int pairs;
  private final int cluster;
  private final PrintStream progress;

  /**
   * The section with a pool of {@code workers}, then a throughput run over {@code pairs} pairs
   * (none if 0) whose progress bar prints on {@code progress}.
   */
  ProcessesSection(int workers, int pairs, PrintStream progress) {
    this(workers, pairs, 0, progress);
  }

  /**
   * The section on a cluster of {@code cluster} member JVMs, or on a pool of {@code workers} if
   * {@code cluster} is 0; then a throughput run over {@code pairs} pairs (none if 0) whose
   * progress bar prints on {@code progress}.
   */
  ProcessesSection(int workers, int pairs, int cluster, PrintStream progress) {
    this.workers = workers;
    this.pairs = pairs;
    this.cluster = cluster;
    this.progress = progress;
  }

  /** The tutorial's {@code obj_lst}: {@code [(i, j) for i in list1 for j in list2]}. */
  static List<Pair> objLst() {
    List<String> list1 = times(List.of(
        "football is famous", "tajmahal is famous", "tajmahal in india"), LIST_SIZE);
    List<String> list2 = times(List.of(
        "messi plays football", "messi is famous", "india is in aisa"), LIST_SIZE);
    List<Pair> pairs = new ArrayList<>();
    for (String i : list1) {
      for (String j : list2) {
        pairs.add(new Pair(i, j));
      }
    }
    return pairs;
  }

  /** The tutorial's {@code cpu_tasks(func, *args)}: a pool's map, in a with block. */
  static List<Match> cpuTasks(int workers, List<Pair> args) {
    try (ProcessPool tp = ProcessPool.create(workers)) {
      return cpuTasks(tp, args);
    }
  }

  /** The map of {@code cpu_tasks} on any pool: a process pool, or a pool on a cluster. */
  static List<Match> cpuTasks(RemoteExecutor tp, List<Pair> args) {
    return tp.map(FuzzyMatch::fuzzyMatch, args, CHUNKSIZE);
  }

  /** {@code r[1::15]}, printed as Python's notebook shows a list too long for one line. */
  static List<String> everyFifteenthFromSecond(List<Match> r) {
    List<String> lines = new ArrayList<>();
    List<Match> picked = new ArrayList<>();
    for (int i = 1; i < r.size(); i += 15) {
      picked.add(r.get(i));
    }
    for (int i = 0; i < picked.size(); i++) {
      lines.add((i == 0 ? "[" : " ") + picked.get(i) + (i == picked.size() - 1 ? "]" : ","));
    }
    return lines;
  }

  @Override
  public String name() {
    return "processes";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    if (cluster > 0) {
      new ClusterRun(cluster, workers, pairs, progress).run(out);
      return;
    }
    List<Match> r = cpuTasks(workers, objLst());
    everyFifteenthFromSecond(r).forEach(out::println);
    if (pairs > 0) {
      out.println();
      new Throughput(workers, pairs, progress).run(out);
    }
  }

  private static List<String> times(List<String> list, int n) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.addAll(list);
    }
    return Collections.unmodifiableList(all);
  }
}
