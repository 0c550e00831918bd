package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Member JVMs on this machine: tasks run in them, and closing the cluster ends them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalClusterTest {
  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  @Test
  void membersAreSeparateJvmsThatRunTheChunksAndEndWhenClosed() {
    Set<ProcessHandle> children;
    List<Long> pids;
    try (LocalCluster cluster = LocalCluster.start(2);
        ClusterPool pool = ClusterPool.create(cluster.client())) {
      children = new HashSet<>(ProcessHandle.current().children().toList());

      pids = pool.map(LocalClusterTest::pid, IntStream.range(0, 40).boxed().toList(), 10);
    }

    assertThat(new HashSet<>(pids)).hasSize(2).doesNotContain(ProcessHandle.current().pid());
    assertThat(children.stream().map(ProcessHandle::pid)).containsAll(pids);
    for (long pid : new HashSet<>(pids)) {
      Optional<ProcessHandle> member = ProcessHandle.of(pid);
      assertThat(member.map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }
  }

  @Test
  void clusterOfNoMembersIsRefused() {
    assertThatThrownBy(() -> LocalCluster.start(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
