package io.jasyncio.hazelcast;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Hazelcast configurations for a cluster that lives on this machine only: members bind to
 * 127.0.0.1 and find each other by TCP-IP join over a few ports there, with no multicast and no
 * auto-detection (so nothing on the network can join, and nothing is sent out), phone-home and
 * logging off, Hazelcast's Java deserialization limited to what a pool sends, and no waiting
 * before the join, so a member starts in a few seconds.
 *
 * <p>What {@link LocalCluster} and the tests use; a real cluster is configured the usual way
 * (a {@code hazelcast.xml} or {@code hazelcast.yaml}, or {@code Config} in code) and handed to
 * {@link ClusterPool#create(com.hazelcast.core.HazelcastInstance)}.
 */
final class Loopback {
  /** The address every member binds to and every client connects to. */
  static final String HOST = "127.0.0.1";
  /** The last port there is. */
  private static final int LAST_PORT = 65_535;

  private Loopback() {}

  /**
   * A member of cluster {@code clusterName} on one of the {@code portCount} ports from
   * {@code port}, whose executor {@code executorName} runs at most {@code threads} tasks at a time.
   */
  static Config member(String clusterName, int port, int portCount, String executorName,
      int threads) {
    Config config = new Config();
    config.setClusterName(clusterName);
    quiet(config);
    // Start as soon as the join is done: no grace period for other members to show up.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.tcp.join.port.try.count", String.valueOf(portCount));
    config.setProperty("hazelcast.socket.bind.any", "false");
    // Partitions hold no data here; few of them make start and shut-down quicker.
    config.setProperty("hazelcast.partition.count", "7");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "10");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true).setPortCount(portCount);
    network.getInterfaces().setEnabled(true).addInterface(HOST);
    JoinConfig join = network.getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int p = port; p < port + portCount; p++) {
      join.getTcpIpConfig().addMember(HOST + ":" + p);
    }

    config.addExecutorConfig(new ExecutorConfig(executorName).setPoolSize(threads));
    config.addExecutorConfig(new ExecutorConfig(Admission.EXECUTOR).setPoolSize(1));
    config.getSerializationConfig().setJavaSerializationFilterConfig(javaFilter());
    return config;
  }

  /**
   * A client of cluster {@code clusterName}, whose members are on the {@code portCount} ports
   * from {@code port}.
   */
  static ClientConfig client(String clusterName, int port, int portCount) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.client.shutdownhook.enabled", "false");
    for (int p = port; p < port + portCount; p++) {
      config.getNetworkConfig().addAddress(HOST + ":" + p);
    }
    config.getSerializationConfig().setJavaSerializationFilterConfig(javaFilter());
    // Give up instead of retrying for ever when the cluster is not there.
    config.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(30_000);
    return config;
  }

  /**
   * A port on the loopback address that nothing listened on a moment ago, followed by at least
   * {@code count - 1} more ports, to start a cluster's range of {@code count} ports from; a member
   * takes the next free one in the range if one is taken meanwhile.
   */
  static int freePort(int count) {
    for (int attempt = 0; attempt < 10; attempt++) {
      int port = freePort();
      if (port + count - 1 <= LAST_PORT) {
        return port;
      }
    }
    throw new IllegalStateException("no free port on " + HOST + " with " + count
        + " ports after it");
  }

  /** A port on the loopback address that nothing listened on a moment ago. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  /**
   * Hazelcast's own Java deserialization limited to Hazelcast's and the JDK's classes (its default
   * list) and the two a pool sends, with the challenge of a {@link LocalCluster}'s client: what a
   * task carries inside them is read by jasyncio's filter.
   */
  static JavaSerializationFilterConfig javaFilter() {
    return new JavaSerializationFilterConfig().setWhitelist(
        new ClassFilter().addClasses(ClusterTask.class.getName(), Reply.class.getName(),
            MemberProof.class.getName()));
  }

  private static void quiet(Config config) {
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
  }
}
