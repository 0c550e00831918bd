package io.jasyncio.hazelcast;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;

/**
 * The main class of a member JVM of a {@link LocalCluster}: it starts a member on the loopback
 * address, says {@value #READY} and its address on standard output once it has joined, and runs
 * until its standard input ends (the {@code LocalCluster} closed it, or its JVM died), then
 * terminates the member and exits: no member outlives the JVM that started it.
 *
 * <p>Arguments: the cluster name, the first port of the cluster's range and how many ports it
 * has, and how many tasks the member runs at a time.
 */
public final class MemberMain {
  /** The first word of the line a member prints once it has joined the cluster. */
  static final String READY = "jasyncio-member-ready";

  private MemberMain() {}

  /** Runs a member until standard input ends. */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: MemberMain CLUSTER_NAME FIRST_PORT PORT_COUNT THREADS");
      System.exit(2);
    }
    // Before Hazelcast's first class loads: some of it logs before reading its configuration.
    System.setProperty("hazelcast.logging.type", "none");
    HazelcastInstance member = Hazelcast.newHazelcastInstance(Loopback.member(args[0],
        Integer.parseInt(args[1]), Integer.parseInt(args[2]), ClusterPool.EXECUTOR,
        Integer.parseInt(args[3])));
    System.out.println(READY + " " + member.getCluster().getLocalMember().getAddress());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing is sent on standard input; its end is the signal.
    }
    // No data lives on the members, so there is nothing to hand over: no graceful shut-down.
    member.getLifecycleService().terminate();
    System.exit(0);
  }
}
