package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How large a {@link LocalCluster} may be, checked before anything starts; and its ports. */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterBoundsTest {
  @Test
  void clusterOverTheBoundIsRefusedNamingItBeforeAnyMemberStarts() {
    long childrenBefore = ProcessHandle.current().children().count();

    for (int size : new int[] {LocalCluster.MAX_MEMBERS + 1, 100_000, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> LocalCluster.start(size))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("LocalCluster.MAX_MEMBERS")
          .hasMessageContaining("from 1 to " + LocalCluster.MAX_MEMBERS)
          .hasMessageContaining(String.valueOf(size));
    }
    assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
  }

  /**
   * Six members on a cluster's range of ports, the size whose sixth member once found no port
   * (there were five); embedded here, with the configuration a member JVM gets.
   */
  @Test
  void everyMemberOfASixMemberClusterFindsAPortInItsRange() {
    int size = 6;
    String name = "jasyncio-bounds-" + UUID.randomUUID().toString().substring(0, 8);
    int port = Loopback.freePort(LocalCluster.portsFor(size));
    List<HazelcastInstance> members = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        members.add(Hazelcast.newHazelcastInstance(
            Loopback.member(name, port, LocalCluster.portsFor(size), ClusterPool.EXECUTOR, 1)));
      }

      assertThat(members.get(0).getCluster().getMembers()).hasSize(size);
    } finally {
      members.forEach(m -> m.getLifecycleService().terminate());
    }
  }
}
