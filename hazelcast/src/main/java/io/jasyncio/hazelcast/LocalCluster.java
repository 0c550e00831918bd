package io.jasyncio.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig.ReconnectMode;
import com.hazelcast.client.config.ConnectionRetryConfig;
import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.core.LifecycleListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Hazelcast cluster of member JVMs on this machine, and a client of it: a way to try a
 * {@link ClusterPool} without machines (the demo's {@code processes --cluster N}).
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(2);
 *      ClusterPool pool = ClusterPool.create(cluster.client())) {
 *   List<Match> r = pool.map(FuzzyMatch::fuzzyMatch, pairs, 10);
 * }
 * }</pre>
 *
 * <p>Each member is a {@link MemberJvm}: this JVM's {@code java} launcher running
 * {@link MemberMain} with this JVM's class path (so the members know the application's classes),
 * a share of its heap limit and its {@link PayloadLimits}. They bind to 127.0.0.1 only and find
 * each other over a range of ports from a free one, one per member and {@value #SPARE_PORTS} to
 * spare; each runs as many tasks at a time as its share of this machine's cores. The first member
 * starts alone and the others join it, so they never form two clusters.
 *
 * <p>Only its own members get work. Hazelcast's community edition authenticates no one, so the
 * cluster keeps a random secret that it hands each member on its standard input (never on the
 * command line, which every process of the machine can read); its cluster name comes from the
 * secret, members run only tasks signed with it, and a pool on {@link #client()} sends tasks only
 * to members that proved they hold it. A process that joins or connects with what it can see of
 * the cluster (its ports, its members' command lines) gets no task and cannot submit one.
 *
 * <p>A member JVM that dies (crashes, is killed) while the cluster is open is replaced by a new
 * one, which the client reconnects to: a pool on the client fails the tasks the dead member held
 * (or, if none is left, every task sent meanwhile) with a {@link BrokenMemberException}, and goes
 * on once the new member has joined. {@link #close()} stops the client and the members; a member
 * whose parent JVM dies stops by itself, since its standard input ends.
 */
public final class LocalCluster implements AutoCloseable {
  /** The most members a local cluster has: each is a JVM of this machine. */
  public static final int MAX_MEMBERS = 16;
  /** Ports in the cluster's range beyond one per member, for ports taken meanwhile. */
  static final int SPARE_PORTS = 4;
  /** How long a member JVM may take to start and join, and the client to see them all. */
  static final long START_SECONDS = 90;
  /** How long a member JVM may take to exit once told to, before it is killed. */
  static final long STOP_SECONDS = 10;
  private static final System.Logger LOG = System.getLogger(LocalCluster.class.getName());

  private final Secret secret = Secret.random();
  private final int size;
  private final int portCount;
  private final int port;
  private final PayloadLimits limits = PayloadLimits.fromSystemProperties();
  /** The member JVMs running, replacements included; guarded by itself. */
  private final List<MemberJvm> members = new ArrayList<>();
  private volatile boolean closed;
  private HazelcastInstance client;
  private Admission admission;

  private LocalCluster(int size) {
    this.size = size;
    this.portCount = portsFor(size);
    this.port = Loopback.freePort(portCount);
  }

  /**
   * Starts {@code members} member JVMs and a client of their cluster, and returns once the client
   * sees every member and each has proven it was started here.
   *
   * @throws IllegalArgumentException if {@code members} is less than 1 or more than
   *     {@value #MAX_MEMBERS} (nothing is started then)
   * @throws BrokenMemberException if a member JVM cannot start, exits, or does not join in time
   *     (whatever was started is stopped again)
   */
  public static LocalCluster start(int members) {
    if (members < 1 || members > MAX_MEMBERS) {
      throw new IllegalArgumentException("a LocalCluster has from 1 to " + MAX_MEMBERS
          + " members (LocalCluster.MAX_MEMBERS), not " + members);
    }
    LocalCluster cluster = new LocalCluster(members);
    try {
      awaitJoined(cluster.launch());
      List<CompletableFuture<String>> others = new ArrayList<>();
      for (int i = 1; i < members; i++) {
        others.add(cluster.launch());
      }
      for (CompletableFuture<String> joined : others) {
        awaitJoined(joined);
      }
      cluster.connect();
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The client of the cluster that {@link #start} made; {@link #close()} shuts it down. */
  public HazelcastInstance client() {
    return client;
  }

  /** How many members it has. */
  public int size() {
    return size;
  }

  /** Stops the client, then the member JVMs (killing one that does not exit in time). */
  @Override
  public void close() {
    List<MemberJvm> running;
    synchronized (members) {
      closed = true;
      running = new ArrayList<>(members);
    }
    if (client != null) {
      client.shutdown();
    }
    running.forEach(MemberJvm::stop);
    boolean interrupted = false;
    for (MemberJvm jvm : running) {
      Process member = jvm.process();
      try {
        if (!member.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
          member.destroyForcibly();
        }
      } catch (InterruptedException e) {
        member.destroyForcibly();
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Never the secret, nor the name that comes from it. */
  @Override
  public String toString() {
    return "<LocalCluster members=" + size + " ports=" + Loopback.HOST + ":" + port + "+"
        + (portCount - 1) + (closed ? " closed" : "") + ">";
  }

  /** The member JVMs running now, for tests. */
  List<Process> processes() {
    synchronized (members) {
      return members.stream().map(MemberJvm::process).toList();
    }
  }

  /** The cluster's name, which only the secret gives, for tests. */
  String name() {
    return secret.clusterName();
  }

  /** The first port of the cluster's range, for tests. */
  int port() {
    return port;
  }

  /** How many ports its range has, for tests. */
  int portCount() {
    return portCount;
  }

  /** How many ports a cluster of {@code members} has in its range: enough for each. */
  static int portsFor(int members) {
    return members + SPARE_PORTS;
  }

  /** Who the client admits, for tests. */
  Admission admission() {
    return admission;
  }

  /**
   * Starts one member JVM; the future completes with its address once it has joined. From then
   * on, its death while the cluster is open starts another.
   */
  private CompletableFuture<String> launch() {
    MemberJvm member = MemberJvm.start(size, limits,
        secret.hex() + " " + port + " " + portCount + " " + threads());
    synchronized (members) {
      members.add(member);
      if (closed) {
        // A replacement that lost the race with close(): it stops as soon as it reads the end.
        member.stop();
      }
    }
    // Only a member that joined is replaced: one that cannot start would fail again and again.
    member.joined().thenRun(() -> member.process().onExit().thenRun(() -> replace(member)));
    return member.joined();
  }

  /** Starts a member in place of {@code dead}, unless the cluster is closing. */
  private void replace(MemberJvm dead) {
    synchronized (members) {
      members.remove(dead);
    }
    if (closed) {
      return;
    }
    long pid = dead.process().pid();
    LOG.log(Level.WARNING, () -> "member JVM " + pid + " exited with code "
        + dead.process().exitValue() + "; starting another in its place");
    try {
      launch().exceptionally(e -> {
        LOG.log(Level.WARNING, "the member JVM in place of " + pid + " did not join", e);
        return null;
      });
    } catch (BrokenMemberException e) {
      LOG.log(Level.WARNING, "cannot start a member JVM in place of " + pid, e);
    }
  }

  /** How many tasks each member runs at a time: its share of this machine's cores. */
  private int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / size);
  }

  private static void awaitJoined(CompletableFuture<String> joined) {
    await(joined, "a member JVM to join the cluster");
  }

  /** Waits for {@code step}; its failure, or its taking too long, is a BrokenMemberException. */
  private static void await(CompletableFuture<?> step, String what) {
    try {
      step.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BrokenMemberException broken ? broken
          : new BrokenMemberException("failed waiting for " + what, e.getCause());
    } catch (TimeoutException e) {
      throw new BrokenMemberException("waited " + START_SECONDS + " s for " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokenMemberException("interrupted while waiting for " + what, e);
    }
  }

  /**
   * Connects the client and waits until it sees every member and has admitted each. The client
   * keeps trying to reconnect for as long as it runs, so losing every member never shuts it down:
   * a member that comes later (a replacement) lets it go on.
   */
  private void connect() {
    ClientConfig config = Loopback.client(secret.clusterName(), port, portCount);
    // Never give up (the default timeout, -1, is none): a member may come back at any time.
    config.getConnectionStrategyConfig().setAsyncStart(true).setReconnectMode(ReconnectMode.ASYNC)
        .getConnectionRetryConfig().setMaxBackoffMillis(1_000)
        .setClusterConnectTimeoutMillis(
            ConnectionRetryConfig.DEFAULT_CLUSTER_CONNECT_TIMEOUT_MILLIS);
    // Listening from the start, so as not to miss it: an async start returns before it connects.
    CompletableFuture<Void> connected = new CompletableFuture<>();
    config.addListenerConfig(new ListenerConfig((LifecycleListener) event -> {
      if (event.getState() == LifecycleState.CLIENT_CONNECTED) {
        connected.complete(null);
      }
    }));
    try {
      client = HazelcastClient.newHazelcastClient(config);
    } catch (RuntimeException e) {
      throw new BrokenMemberException("cannot connect a client to " + this, e);
    }
    await(connected, "the client to connect");
    CompletableFuture<Void> all = new CompletableFuture<>();
    client.getCluster().addMembershipListener(new InitialMembershipListener() {
      @Override
      public void init(InitialMembershipEvent event) {
        check(event.getMembers().size());
      }

      @Override
      public void memberAdded(MembershipEvent event) {
        check(event.getMembers().size());
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        // Counted again on the next arrival.
      }

      private void check(int seen) {
        if (seen >= size) {
          all.complete(null);
        }
      }
    });
    await(all, "the client to see all " + size + " members");
    admission = Admission.guard(client, secret);
    for (Member member : client.getCluster().getMembers()) {
      await(admission.verdict(member).toCompletableFuture().thenAccept(admitted -> {
        if (!admitted) {
          throw new BrokenMemberException("member " + member + " did not prove it was started"
              + " by this cluster");
        }
      }), "member " + member + " to prove it was started by this cluster");
    }
  }
}
