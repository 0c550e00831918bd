package io.jasyncio.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Members embedded in the test's JVM, forming a cluster of their own on the loopback address (a
 * cluster name no other test uses, ports from a free one), with at most {@link #THREADS} tasks
 * at a time each unless told otherwise. The members' executor threads carry the member's name,
 * which is how a test sees where a task ran.
 */
final class TestCluster implements AutoCloseable {
  static final int THREADS = 4;
  /** How many ports the cluster's members may take, one each. */
  static final int PORTS = 5;

  private final String name = "jasyncio-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final int port = Loopback.freePort();
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<HazelcastInstance> clients = new ArrayList<>();
  private final int threads;

  private TestCluster(int threads) {
    this.threads = threads;
  }

  /** Starts {@code size} members, one after the other, each joining the first. */
  static TestCluster start(int size) {
    return start(size, THREADS);
  }

  /** Starts {@code size} members that run {@code threads} tasks at a time each. */
  static TestCluster start(int size, int threads) {
    TestCluster cluster = new TestCluster(threads);
    for (int i = 0; i < size; i++) {
      cluster.addMember();
    }
    return cluster;
  }

  /** Starts one more member. */
  HazelcastInstance addMember() {
    Config config = Loopback.member(name, port, PORTS, ClusterPool.EXECUTOR, threads);
    config.setInstanceName(name + "-m" + members.size());
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    members.add(member);
    return member;
  }

  HazelcastInstance member(int i) {
    return members.get(i);
  }

  /** A client connected to the cluster, shut down with it. */
  HazelcastInstance client() {
    HazelcastInstance client =
        HazelcastClient.newHazelcastClient(Loopback.client(name, port, PORTS));
    clients.add(client);
    return client;
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** The name of the member whose executor thread this is, or the thread's name. */
  static String memberOf(Thread thread) {
    String name = thread.getName();
    // Hazelcast names executor threads "hz.<instance>.<executor>.thread-<n>".
    if (name.startsWith("hz.")) {
      int end = name.indexOf("." + ClusterPool.EXECUTOR + ".");
      if (end < 0) {
        end = name.lastIndexOf('.', name.lastIndexOf(".thread-") - 1);
      }
      return name.substring(3, end);
    }
    return name;
  }

  /** Terminates the clients and members: no data to hand over, so no graceful shut-down. */
  @Override
  public void close() {
    clients.forEach(c -> c.getLifecycleService().terminate());
    members.forEach(m -> m.getLifecycleService().terminate());
  }
}
