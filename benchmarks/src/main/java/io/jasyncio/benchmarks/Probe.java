package io.jasyncio.benchmarks;

/**
 * The main class of a probe JVM: runs one workload on one Java peer as a {@link Timing} says and
 * prints one {@link ResultLine} per metric. A fresh JVM per workload and peer keeps the JIT
 * profile and the heap of one from colouring the next.
 *
 * <pre>java -cp BENCHMARKS_JAR io.jasyncio.benchmarks.Probe switch jasyncio 500000 1 2 15</pre>
 */
public final class Probe {
  private Probe() {}

  /**
   * Runs {@code WORKLOAD PEER SIZE WARMUP_SECONDS MEASURE_SECONDS MAX_RUNS}.
   *
   * @param args the six arguments
   */
  public static void main(String[] args) {
    if (args.length != 6) {
      System.err.println("usage: Probe WORKLOAD PEER SIZE WARMUP_S MEASURE_S MAX_RUNS");
      System.exit(2);
    }
    Workload workload = Workload.byId(args[0]);
    Peer peer = Peer.byId(args[1]);
    int size = Integer.parseInt(args[2]);
    Timing timing = new Timing(Double.parseDouble(args[3]), Double.parseDouble(args[4]),
        Integer.parseInt(args[5]));
    for (Timing.Median m : timing.measure(JavaPeers.run(workload, peer, size))) {
      System.out.println(ResultLine.format(m));
    }
    System.out.flush();
    // Pools a workload made (single-thread executors, the offload pool) are not daemons.
    System.exit(0);
  }
}
