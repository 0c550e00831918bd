package io.jasyncio.hazelcast;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The functions the tests send to members, and the hooks through which a test and a function
 * running on a member of the same JVM meet (static state is shared: the members are in this JVM).
 */
final class Work {
  private Work() {}

  /** A checked exception of the tests' own, to see the type survive the trip. */
  static final class QuotaException extends Exception {
    private static final long serialVersionUID = 1L;

    QuotaException(String message) {
      super(message);
    }
  }

  /** Where each input ran: the member names, in the order its runs started. */
  static final Map<Integer, List<String>> RAN_ON = new ConcurrentHashMap<>();
  private static final Map<String, CompletableFuture<Void>> STARTED = new ConcurrentHashMap<>();
  private static final Map<String, CompletableFuture<Void>> RELEASED = new ConcurrentHashMap<>();
  private static final Map<String, CompletableFuture<Void>> INTERRUPTED =
      new ConcurrentHashMap<>();

  static int square(int x) {
    return x * x;
  }

  static int failOnEven(int x) throws QuotaException {
    if (x % 2 == 0) {
      throw new QuotaException("no quota for " + x);
    }
    return x;
  }

  /** The member this runs on. */
  static String member(Object ignored) {
    return TestCluster.memberOf(Thread.currentThread());
  }

  /** {@code x * x}, noting which member ran it. */
  static int squareNoted(int x) {
    RAN_ON.computeIfAbsent(x, k -> new CopyOnWriteArrayList<>())
        .add(TestCluster.memberOf(Thread.currentThread()));
    return x * x;
  }

  /** The member on which {@link #squareOrHang} hangs, or null. */
  static volatile String hangOn;

  /**
   * {@code x * x}, noting which member ran it; on member {@link #hangOn} it says it started (under
   * key "hang") and hangs for good, deaf to interrupts: that member never answers. (Its threads
   * stay parked until the test JVM exits; letting them go would only make Hazelcast print, from
   * each, that their member is gone when they try to answer.)
   */
  static int squareOrHang(int x) {
    String member = TestCluster.memberOf(Thread.currentThread());
    RAN_ON.computeIfAbsent(x, k -> new CopyOnWriteArrayList<>()).add(member);
    if (member.equals(hangOn)) {
      started("hang").complete(null);
      new CompletableFuture<Void>().join();
    }
    return x * x;
  }

  /** Completes when a {@link #block} call under {@code key} has started on a member. */
  static CompletableFuture<Void> started(String key) {
    return STARTED.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  /** Lets the {@link #block} calls under {@code key} return. */
  static CompletableFuture<Void> released(String key) {
    return RELEASED.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  /** Completes when a {@link #block} call under {@code key} was interrupted. */
  static CompletableFuture<Void> interrupted(String key) {
    return INTERRUPTED.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  /** Blocks until {@link #released} under {@code key}, saying when it starts and if interrupted. */
  static String block(String key) throws Exception {
    started(key).complete(null);
    try {
      released(key).get();
    } catch (InterruptedException e) {
      interrupted(key).complete(null);
      throw e;
    }
    return key;
  }
}
