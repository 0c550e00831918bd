package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.SerializableFunction;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Payloads built to stall or exploit whoever reads them, as a task's argument (read by a member)
 * and as its result (read by the pool): each fails its one task with an exception that names the
 * limit or the filter, nothing stays pending, and the pool serves the next task. A member
 * embedded in this JVM, on the same limits as the pool.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostilePayloadTest {
  private static final long WAIT_SECONDS = 30;
  /**
   * One function for every argument type: javac would deserialize each use of {@code Hostile::got}
   * as its first one, with that one's argument type.
   */
  private static final SerializableFunction<Object, Boolean> GOT = Hostile::got;
  private static TestCluster cluster;
  private static ClusterPool pool;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(1);
    pool = ClusterPool.create(cluster.member(0));
  }

  @AfterAll
  static void stopCluster() {
    pool.close();
    cluster.close();
  }

  @AfterEach
  void poolStillServes() throws Exception {
    assertThat(pool.submit(Work::square, 12).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(144);
  }

  /** The exception {@code task} failed with, waiting for it at most {@link #WAIT_SECONDS}. */
  private static Throwable failureOf(CompletableFuture<?> task) {
    ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
        ExecutionException.class, () -> task.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return failed.getCause();
  }

  @Test
  void serialDosArgumentFailsItsTaskOnTheMemberNamingTheDepthLimit() {
    Throwable failure = failureOf(pool.submit(GOT, Hostile.serialDos(100)));

    assertThat(failure).isInstanceOf(InvalidClassException.class)
        .hasMessageContaining(PayloadLimits.DEPTH_PROPERTY)
        .hasMessageContaining("nested deeper than " + PayloadLimits.DEFAULT_DEPTH);
  }

  @Test
  void serialDosResultFailsItsTaskOnThePoolNamingTheDepthLimit() {
    Throwable failure = failureOf(pool.submit(Hostile::serialDosOfDepth, 100));

    assertThat(failure).isInstanceOf(InvalidClassException.class)
        .hasMessageContaining(PayloadLimits.DEPTH_PROPERTY);
  }

  @Test
  void serialDosInOneChunkOfAMapFailsTheMapAndNoOtherChunk() {
    List<Object> inputs = List.of(1, 2, Hostile.serialDos(100), 4);

    CompletableFuture<List<Boolean>> map = pool.mapAsync(GOT, inputs, 2);

    assertThat(failureOf(map)).isInstanceOf(InvalidClassException.class)
        .hasMessageContaining(PayloadLimits.DEPTH_PROPERTY);
    assertThat(pool.map(GOT, List.of(1, 2), 1)).containsExactly(true, true);
  }

  @Test
  void gadgetArgumentIsRejectedByTheMembersFilterAsAProcessPoolWorkersIs() {
    Throwable failure = failureOf(pool.submit(GOT,
        new BadAttributeValueExpException("gadget")));

    assertThat(failure).isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("javax.management.BadAttributeValueExpException")
        .hasMessageContaining("known deserialization gadget");
  }

  @Test
  void gadgetResultIsRejectedByThePoolsFilter() {
    Throwable failure = failureOf(pool.submit(Hostile::gadget, 0));

    assertThat(failure).isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("known deserialization gadget");
  }

  @Test
  void resultOverTheByteLimitFailsItsTaskNamingTheLimit() {
    System.setProperty(PayloadLimits.BYTES_PROPERTY, "10000");
    ClusterPool small;
    try {
      small = ClusterPool.create(cluster.member(0));
    } finally {
      System.clearProperty(PayloadLimits.BYTES_PROPERTY);
    }

    Throwable failure = failureOf(small.submit(Hostile::bytes, 20_000));

    assertThat(failure).isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining(PayloadLimits.BYTES_PROPERTY + "=10000");
    small.close();
  }
}
