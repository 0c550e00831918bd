package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.internal.process.Limits;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Payloads beyond the limits, made by real tasks: each fails its own task with an exception that
 * names the limit and the property that raises it, on whichever side reads it, and the pool goes
 * on serving. Also the bound on a pool's size.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPoolLimitsTest {

  /** A linked chain: serialization nests one level per link. */
  static final class Link implements Serializable {
    private static final long serialVersionUID = 1L;
    final Link next;

    Link(Link next) {
      this.next = next;
    }
  }

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  static Link chain(int length) {
    Link head = null;
    for (int i = 0; i < length; i++) {
      head = new Link(head);
    }
    return head;
  }

  /**
   * SerialDOS: sets nested {@code depth} deep, each holding the same two sets of the next level,
   * so that hashing one while it is deserialized takes 2^depth steps. Built top-down, it is
   * cheap to make and to serialize.
   */
  static Set<Object> serialDos(int depth) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < depth; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("foo"); // unequal to t2
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return root;
  }

  static int size(Set<Object> set) {
    return set.size();
  }

  static byte[] bytes(int n) {
    return new byte[n];
  }

  /** A pool made while {@code property} is {@code value}. */
  private static ProcessPool poolWith(String property, String value) {
    return with(property, value, () -> ProcessPool.create(1));
  }

  private static <T> T with(String property, String value, Supplier<T> body) {
    System.setProperty(property, value);
    try {
      return body.get();
    } finally {
      System.clearProperty(property);
    }
  }

  @Test
  void resultNestedDeeperThanTheLimitFailsItsTaskAndThePoolServesOn() {
    try (ProcessPool pool = ProcessPool.create(1)) {
      long worker = pool.submit(ProcessPoolLimitsTest::pid, 0).join();

      CompletableFuture<Link> deep = pool.submit(ProcessPoolLimitsTest::chain, 2_010);

      assertThatThrownBy(deep::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("objects nested deeper than 2000 levels")
          .hasMessageContaining(Limits.MAX_DEPTH);
      assertThat(pool.submit(ProcessPoolLimitsTest::pid, 0).join()).isEqualTo(worker);
      assertThat(pool.submit(ProcessPoolLimitsTest::chain, 1_990).join()).isNotNull();
    }
  }

  @Test
  void serialDosAnswerIsCutOffByTheReadTimeLimit() {
    try (ProcessPool pool = poolWith(Limits.MAX_READ_SECONDS, "1")) {
      CompletableFuture<Set<Object>> bomb = pool.submit(ProcessPoolLimitsTest::serialDos, 100);

      assertThatThrownBy(bomb::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("deserializing took more than 1 s")
          .hasMessageContaining(Limits.MAX_READ_SECONDS);
      assertThat(pool.submit(ProcessPoolLimitsTest::pid, 0).join()).isPositive();
    }
  }

  @Test
  void serialDosTaskIsCutOffInTheWorkerToo() {
    try (ProcessPool pool = poolWith(Limits.MAX_READ_SECONDS, "1")) {
      CompletableFuture<Integer> bomb = pool.submit(ProcessPoolLimitsTest::size, serialDos(100));

      assertThatThrownBy(bomb::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("deserializing took more than 1 s")
          .hasMessageContaining(Limits.MAX_READ_SECONDS);
      assertThat(pool.submit(ProcessPoolLimitsTest::pid, 0).join()).isPositive();
    }
  }

  @Test
  void resultLargerThanAFrameFailsInTheWorkerAndTheWorkerServesOn() {
    try (ProcessPool pool = poolWith(Limits.MAX_FRAME_BYTES, Integer.toString(1 << 20))) {
      long worker = pool.submit(ProcessPoolLimitsTest::pid, 0).join();

      CompletableFuture<byte[]> large = pool.submit(ProcessPoolLimitsTest::bytes, 2 << 20);

      assertThatThrownBy(large::join).cause().isInstanceOf(InvalidObjectException.class)
          .hasMessageContaining("the task's result is")
          .hasMessageContaining("more than a frame may carry (1048576 bytes)")
          .hasMessageContaining(Limits.MAX_FRAME_BYTES);
      assertThat(pool.submit(ProcessPoolLimitsTest::pid, 0).join()).isEqualTo(worker);
    }
  }

  @Test
  void taskLargerThanAFrameFailsBeforeItIsSent() {
    try (ProcessPool pool = poolWith(Limits.MAX_FRAME_BYTES, Integer.toString(1 << 20))) {
      CompletableFuture<Integer> large = pool.submit(b -> b.length, new byte[2 << 20]);

      assertThat(large).isCompletedExceptionally();
      assertThatThrownBy(large::join).cause().isInstanceOf(InvalidObjectException.class)
          .hasMessageContaining("the task is")
          .hasMessageContaining(Limits.MAX_FRAME_BYTES);
      assertThat(pool.submit(b -> b.length, new byte[1000]).join()).isEqualTo(1000);
    }
  }

  @Test
  void anAbsurdPoolSizeFailsAtOnceNamingTheBound() {
    int bound = 4 * Runtime.getRuntime().availableProcessors();

    assertThat(ProcessPool.maxWorkers()).isEqualTo(bound);
    assertThatThrownBy(() -> ProcessPool.create(100_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a process pool may have at most " + bound + " workers (4 per core; the"
            + " system property " + ProcessPool.MAX_WORKERS + " changes that), not 100000");
    ProcessPool.create(bound).close();
  }

  @Test
  void propertyThatIsNotAWholeNumberFailsNamingIt() {
    assertThatThrownBy(() -> poolWith(ProcessPool.MAX_WORKERS, "lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the system property jasyncio.pool.maxWorkers must be a whole number of at"
            + " least 1, not 'lots'");
    assertThatThrownBy(() -> poolWith(Limits.MAX_DEPTH, "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Limits.MAX_DEPTH);
  }

  @Test
  void theBoundOnPoolSizeIsAProperty() {
    assertThatThrownBy(() -> with(ProcessPool.MAX_WORKERS, "2", () -> ProcessPool.create(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 2 workers");
    with(ProcessPool.MAX_WORKERS, "1000", () -> ProcessPool.create(1000)).close();
  }
}
