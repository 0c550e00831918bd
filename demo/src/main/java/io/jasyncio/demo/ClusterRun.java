package io.jasyncio.demo;

import io.jasyncio.demo.FuzzyMatch.Match;
import io.jasyncio.hazelcast.ClusterPool;
import io.jasyncio.hazelcast.LocalCluster;
import java.io.PrintStream;
import java.util.List;

/**
 * Tutorial section 3.2 on a Hazelcast cluster ({@code processes --cluster N}): N member JVMs
 * start on the loopback address, the tutorial's fuzzy match runs on a {@link ClusterPool} over
 * them (the one line that differs from the process pool's run) and prints the same 15 rows; then
 * the large run is timed on the cluster beside a process pool (see {@link Throughput}). The
 * members are stopped at the end, also when something fails.
 */
final class ClusterRun {
  private final int members;
  private final int workers;
  private final int pairs;
  private final PrintStream progress;

  /**
   * A run on {@code members} member JVMs, whose throughput run over {@code pairs} pairs (none if
   * 0) is set beside a process pool of {@code workers}.
   */
  ClusterRun(int members, int workers, int pairs, PrintStream progress) {
    this.members = members;
    this.workers = workers;
    this.pairs = pairs;
    this.progress = progress;
  }

  void run(PrintStream out) {
    long start = System.nanoTime();
    try (LocalCluster cluster = LocalCluster.start(members);
        ClusterPool tp = ClusterPool.create(cluster.client())) {
      double startUp = (System.nanoTime() - start) / 1e9;
      List<Match> r = ProcessesSection.cpuTasks(tp, ProcessesSection.objLst());
      ProcessesSection.everyFifteenthFromSecond(r).forEach(out::println);
      if (pairs > 0) {
        out.println();
        new Throughput(workers, pairs, progress).runBesideCluster(out, tp, members, startUp);
      }
    }
  }
}
