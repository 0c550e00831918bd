package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A member shut down in the middle of a {@code map}: the chunks it held are sent to the members
 * that remain, and the results come back whole and in order. A cluster of three of its own, since
 * one member does not survive the test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemberLeavesTest {
  @AfterEach
  void forgetTheLeaver() {
    Work.hangOn = null;
  }

  @Test
  void chunksHeldByAMemberThatShutsDownGoToTheOthers() {
    try (TestCluster cluster = TestCluster.start(3)) {
      HazelcastInstance leaving = cluster.member(2);
      Work.hangOn = leaving.getName();
      Work.RAN_ON.clear();
      List<Integer> inputs = IntStream.range(0, 30).boxed().toList();
      ClusterPool pool = ClusterPool.create(cluster.member(0));

      CompletableFuture<List<Integer>> squares = pool.mapAsync(Work::squareOrHang, inputs, 1);
      Work.started("hang").join();
      // Its tasks hang, so it never answers: only the members that remain can.
      leaving.shutdown();

      assertThat(squares.join()).isEqualTo(inputs.stream().map(x -> x * x).toList());
      List<Integer> heldByTheLeaver = inputs.stream()
          .filter(x -> Work.RAN_ON.get(x).get(0).equals(leaving.getName())).toList();
      assertThat(heldByTheLeaver).isNotEmpty();
      for (int x : heldByTheLeaver) {
        assertThat(Work.RAN_ON.get(x)).hasSizeGreaterThan(1)
            .last().isNotEqualTo(leaving.getName());
      }
      pool.close();
      assertThat(cluster.member(0).getCluster().getMembers()).hasSize(2);
    }
  }
}
