package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task given up on by a timeout fails with a {@code TimeoutException}, and its call on the
 * member is interrupted: a task that would never end does not hold a member's thread for good. A
 * member with one thread, so that the next task runs only if the first one let go of it.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeoutTest {
  @Test
  void timedOutTaskFailsWithTimeoutExceptionAndIsInterruptedOnItsMember() throws Exception {
    try (TestCluster cluster = TestCluster.start(1, 1)) {
      ClusterPool pool = ClusterPool.create(cluster.member(0));

      CompletableFuture<String> blocked = pool.submit(Work::block, "timeout")
          .orTimeout(1, TimeUnit.SECONDS);

      assertThatThrownBy(blocked::join).isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(TimeoutException.class);
      Work.interrupted("timeout").get(30, TimeUnit.SECONDS);
      assertThat(pool.submit(Work::square, 5).get(30, TimeUnit.SECONDS)).isEqualTo(25);
      pool.close();
    }
  }
}
