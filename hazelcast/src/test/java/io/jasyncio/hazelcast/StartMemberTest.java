package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.Hazelcast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A pool that starts its own member from a configuration file, and stops it when closed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartMemberTest {
  /** A one-member cluster on the loopback address, as a user's hazelcast.yaml would say it. */
  private static String yaml(String clusterName, int port) {
    return """
        hazelcast:
          cluster-name: %s
          properties:
            hazelcast.logging.type: none
            hazelcast.phone.home.enabled: false
            hazelcast.wait.seconds.before.join: 0
            hazelcast.max.wait.seconds.before.join: 0
            hazelcast.socket.bind.any: false
          network:
            port:
              port: %d
              auto-increment: true
              port-count: 5
            interfaces:
              enabled: true
              interfaces:
                - 127.0.0.1
            join:
              auto-detection:
                enabled: false
              multicast:
                enabled: false
              tcp-ip:
                enabled: true
                member-list:
                  - 127.0.0.1:%d
          executor-service:
            jasyncio:
              pool-size: 2
          serialization:
            java-serialization-filter:
              whitelist:
                class:
                  - io.jasyncio.hazelcast.ClusterTask
                  - io.jasyncio.hazelcast.Reply
        """.formatted(clusterName, port, port);
  }

  private static boolean memberRuns(String clusterName) {
    return Hazelcast.getAllHazelcastInstances().stream()
        .anyMatch(m -> m.getConfig().getClusterName().equals(clusterName));
  }

  @Test
  void startsAMemberFromAConfigFileRunsTasksOnItAndShutsItDownOnClose(@TempDir Path dir)
      throws IOException {
    String clusterName = "jasyncio-test-" + UUID.randomUUID().toString().substring(0, 8);
    Path config = Files.writeString(dir.resolve("hazelcast.yaml"),
        yaml(clusterName, Loopback.freePort()));

    ClusterPool pool = ClusterPool.startMember(config);
    try {
      assertThat(memberRuns(clusterName)).isTrue();
      assertThat(Hazelcast.getAllHazelcastInstances().stream()
          .filter(m -> m.getConfig().getClusterName().equals(clusterName)).findFirst().orElseThrow()
          .getConfig().getSerializationConfig().getJavaSerializationFilterConfig()
          .getWhitelist().getClasses()).contains(ClusterTask.class.getName());
      assertThat(pool.map(Work::square, List.of(1, 2, 3), 2)).containsExactly(1, 4, 9);
    } finally {
      pool.close();
    }

    assertThat(pool.isTerminated()).isTrue();
    assertThat(memberRuns(clusterName)).isFalse();
  }

  @Test
  void missingConfigFileIsReportedAtOnce(@TempDir Path dir) {
    assertThatThrownBy(() -> ClusterPool.startMember(dir.resolve("missing.yaml")))
        .isInstanceOf(IOException.class);
  }
}
