package io.jasyncio.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a member JVM of a {@link LocalCluster}: it reads its orders on standard
 * input, starts a member on the loopback address, says {@value #READY} and its address on
 * standard output once it has joined, and runs until its standard input ends (the
 * {@code LocalCluster} closed it, or its JVM died), then terminates the member and exits: no
 * member outlives the JVM that started it.
 *
 * <p>The orders are one line, {@code SECRET FIRST_PORT PORT_COUNT THREADS}: the cluster's
 * {@link Secret} in hexadecimal (the cluster's name comes from it), the cluster's range of ports,
 * and how many tasks the member runs at a time. They come on standard input, never as arguments,
 * so that no other process of this machine reads them in the process list.
 */
public final class MemberMain {
  /** The first word of the line a member prints once it has joined the cluster. */
  static final String READY = "jasyncio-member-ready";

  private MemberMain() {}

  /** Runs a member until standard input ends. */
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.US_ASCII));
    String line = in.readLine();
    String[] orders = line == null ? new String[0] : line.split(" ");
    if (args.length != 0 || orders.length != 4) {
      System.err.println("usage: MemberMain, with SECRET FIRST_PORT PORT_COUNT THREADS on a line"
          + " of standard input");
      System.exit(2);
    }
    // Before Hazelcast's first class loads: some of it logs before reading its configuration.
    System.setProperty("hazelcast.logging.type", "none");
    Secret secret = Secret.parse(orders[0]);
    Config config = Loopback.member(secret.clusterName(), Integer.parseInt(orders[1]),
        Integer.parseInt(orders[2]), ClusterPool.EXECUTOR, Integer.parseInt(orders[3]));
    config.getUserContext().put(Secret.CONTEXT_KEY, secret);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    System.out.println(READY + " " + member.getCluster().getLocalMember().getAddress());
    System.out.flush();
    while (in.read() >= 0) {
      // Nothing more is sent on standard input; its end is the signal.
    }
    // No data lives on the members, so there is nothing to hand over: no graceful shut-down.
    member.getLifecycleService().terminate();
    System.exit(0);
  }
}
