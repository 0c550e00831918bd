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
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * <p>Each member is this JVM's {@code java} launcher running {@link MemberMain} with this JVM's
 * class path (so the members know the application's classes), a share of its heap limit and its
 * {@link PayloadLimits}. They bind to 127.0.0.1 only and find each other over a range of ports
 * from a free one, one per member and {@value #SPARE_PORTS} to spare; each runs as many tasks at
 * a time as its share of this machine's cores. The first member starts alone and the others join
 * it, so they never form two clusters.
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
  private final List<Process> members = new ArrayList<>();
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
    List<Process> running;
    synchronized (members) {
      closed = true;
      running = new ArrayList<>(members);
    }
    if (client != null) {
      client.shutdown();
    }
    for (Process member : running) {
      closeQuietly(member.getOutputStream());
    }
    boolean interrupted = false;
    for (Process member : running) {
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
      return List.copyOf(members);
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
    List<String> command = MemberCommand.forMemberOf(size, limits);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      // The orders go on standard input, which no other process can read; it stays open, as
      // its end is the signal to stop.
      OutputStream orders = process.getOutputStream();
      orders.write((secret.hex() + " " + port + " " + portCount + " " + threads() + "\n")
          .getBytes(StandardCharsets.US_ASCII));
      orders.flush();
    } catch (IOException e) {
      throw new BrokenMemberException("cannot start a member JVM with " + command.get(0), e);
    }
    synchronized (members) {
      members.add(process);
      if (closed) {
        // A replacement that lost the race with close(): it stops as soon as it reads the end.
        closeQuietly(process.getOutputStream());
      }
    }
    CompletableFuture<String> joined = new CompletableFuture<>();
    Thread reader = new Thread(() -> relay(process, joined), "jasyncio-member-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    // Only a member that joined is replaced: one that cannot start would fail again and again.
    joined.thenRun(() -> process.onExit().thenRun(() -> replace(process)));
    return joined;
  }

  /** Closes a member's standard input: its signal to stop. */
  private static void closeQuietly(OutputStream orders) {
    try {
      orders.close();
    } catch (IOException e) {
      // Its pipe is already closed: the JVM is exiting or gone.
    }
  }

  /** Starts a member in place of {@code dead}, unless the cluster is closing. */
  private void replace(Process dead) {
    synchronized (members) {
      members.remove(dead);
    }
    if (closed) {
      return;
    }
    LOG.log(System.Logger.Level.WARNING, () -> "member JVM " + dead.pid() + " exited with code "
        + dead.exitValue() + "; starting another in its place");
    try {
      launch().exceptionally(e -> {
        LOG.log(System.Logger.Level.WARNING, "the member JVM in place of " + dead.pid()
            + " did not join", e);
        return null;
      });
    } catch (BrokenMemberException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot start a member JVM in place of " + dead.pid(),
          e);
    }
  }

  /** How many tasks each member runs at a time: its share of this machine's cores. */
  private int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / size);
  }
  /**
   * Reads a member's standard output: the ready line completes {@code joined}; what tasks print
   * afterwards goes to this JVM's {@code System.out}.
   */
  private static void relay(Process process, CompletableFuture<String> joined) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!joined.isDone() && line.startsWith(MemberMain.READY + " ")) {
          joined.complete(line.substring(MemberMain.READY.length() + 1));
        } else {
          System.out.println(line);
        }
      }
    } catch (IOException e) {
      joined.completeExceptionally(new UncheckedIOException(e));
    }
    if (!joined.isDone()) {
      joined.completeExceptionally(new BrokenMemberException("member JVM " + process.pid()
          + " exited with code " + exitCode(process) + " before it joined the cluster"));
    }
  }

  private static String exitCode(Process process) {
    try {
      return String.valueOf(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
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

  /** The command line of a member JVM: nothing on it is secret, as every process can read it. */
  private static final class MemberCommand {
    /** The least heap a member gets, in MiB. */
    static final long MIN_HEAP_MIB = 256;

    static List<String> forMemberOf(int size, PayloadLimits limits) {
      List<String> command = new ArrayList<>();
      command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator
          + (File.separatorChar == '\\' ? "java.exe" : "java"));
      long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024) / size;
      command.add("-Xmx" + Math.max(MIN_HEAP_MIB, heap) + "m");
      command.add("-XX:+UseSerialGC");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.addAll(List.of(limits.asJvmOptions()));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(MemberMain.class.getName());
      return command;
    }
  }
}
