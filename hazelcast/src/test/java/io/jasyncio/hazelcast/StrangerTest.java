package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.jasyncio.SerializableFunction;
import io.jasyncio.internal.process.Payloads;
import io.jasyncio.internal.process.Payloads.Shape;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Strangers on the same machine: a member or a client started with what any process can see of a
 * {@link LocalCluster} (its members' command lines, its ports), or even with its cluster name,
 * gets none of the pool's tasks and cannot have a member run one of its own. The strangers are
 * embedded in this JVM, so a task that reached one would answer with this JVM's process id.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StrangerTest {
  private static final long WAIT_SECONDS = 30;
  private static LocalCluster cluster;
  private static ClusterPool pool;

  @BeforeAll
  static void startCluster() {
    cluster = LocalCluster.start(1);
    pool = ClusterPool.create(cluster.client());
  }

  @AfterAll
  static void stopCluster() {
    pool.close();
    cluster.close();
  }

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  /** A task as a stranger would send it: unsigned, or signed with a key of its own. */
  private static ClusterTask strangersTask(byte[] signature) throws Exception {
    byte[] payload = Payloads.task(Shape.FUNCTION,
        (SerializableFunction<Object, Long>) StrangerTest::pid, List.of(0));
    return new ClusterTask(payload, signature);
  }

  /** The one true member, as {@code hazelcast} sees it. */
  private static Member trueMember(HazelcastInstance hazelcast) {
    return hazelcast.getCluster().getMembers().stream()
        .filter(m -> cluster.admission().admits(clientsViewOf(m))).findFirst().orElseThrow();
  }

  private static Member clientsViewOf(Member m) {
    return cluster.client().getCluster().getMembers().stream()
        .filter(c -> c.getUuid().equals(m.getUuid())).findFirst().orElse(m);
  }

  @Test
  void memberCommandLinesHoldNeitherTheClusterNameNorItsPorts() {
    for (Process member : cluster.processes()) {
      List<String> arguments = List.of(member.info().arguments().orElseThrow());

      assertThat(arguments).last().isEqualTo(MemberMain.class.getName());
      assertThat(String.join(" ", arguments)).doesNotContain(cluster.name())
          .doesNotContain(String.valueOf(cluster.port()));
    }
    assertThat(cluster.toString()).doesNotContain(cluster.name());
  }

  @Test
  void strangerMemberOnTheClustersPortsCannotJoinIt() {
    HazelcastInstance stranger = Hazelcast.newHazelcastInstance(Loopback.member("dev",
        cluster.port(), cluster.portCount(), ClusterPool.EXECUTOR, 1));
    try {
      // The join is over when the member has started: it found no cluster of its name.
      assertThat(stranger.getCluster().getMembers()).hasSize(1);
      assertThat(pool.map(StrangerTest::pid, IntStream.range(0, 9).boxed().toList(), 1))
          .doesNotContain(ProcessHandle.current().pid());
    } finally {
      stranger.getLifecycleService().terminate();
    }
  }

  @Test
  void strangerClientOnTheClustersPortsCannotConnect() {
    ClientConfig config = Loopback.client("dev", cluster.port(), cluster.portCount());
    // The cluster is there: a few seconds are plenty to be turned away.
    config.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(3_000);

    assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Unable to connect to any cluster");
  }

  @Test
  void strangerThatKnowsTheClusterNameJoinsButGetsNoTaskAndCannotSubmitOne() throws Exception {
    CompletableFuture<Member> seen = new CompletableFuture<>();
    var registration = cluster.client().getCluster().addMembershipListener(
        new MembershipListener() {
          @Override
          public void memberAdded(MembershipEvent event) {
            seen.complete(event.getMember());
          }

          @Override
          public void memberRemoved(MembershipEvent event) {}
        });
    HazelcastInstance stranger = Hazelcast.newHazelcastInstance(Loopback.member(cluster.name(),
        cluster.port(), cluster.portCount(), ClusterPool.EXECUTOR, 1));
    HazelcastInstance strangeClient = null;
    try {
      Member strangerSeen = seen.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(stranger.getCluster().getMembers()).hasSize(2);
      assertThat(cluster.admission().verdict(strangerSeen).toCompletableFuture()
          .get(WAIT_SECONDS, TimeUnit.SECONDS)).isFalse();

      List<Long> pids = pool.map(StrangerTest::pid, IntStream.range(0, 9).boxed().toList(), 1);

      assertThat(pids).hasSize(9).doesNotContain(ProcessHandle.current().pid());
      Member target = trueMember(stranger);
      for (byte[] signature : new byte[][] {null, new byte[32]}) {
        Future<Reply> refused = stranger.getExecutorService(ClusterPool.EXECUTOR)
            .submitToMember(strangersTask(signature), target);
        assertThatThrownBy(() -> refused.get(WAIT_SECONDS, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).cause()
            .isInstanceOf(SecurityException.class).hasMessageContaining("not signed");
      }
      strangeClient = HazelcastClient.newHazelcastClient(
          Loopback.client(cluster.name(), cluster.port(), cluster.portCount()));
      Future<Reply> fromClient = strangeClient.getExecutorService(ClusterPool.EXECUTOR)
          .submitToMember(strangersTask(null), trueMember(strangeClient));
      assertThatThrownBy(() -> fromClient.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasMessageContaining("not signed");
    } finally {
      cluster.client().getCluster().removeMembershipListener(registration);
      if (strangeClient != null) {
        strangeClient.getLifecycleService().terminate();
      }
      stranger.getLifecycleService().terminate();
    }
  }
}
