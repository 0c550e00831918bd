package io.jasyncio.hazelcast;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads every {@link ClusterPool} of this JVM shares, so that a pool owns no thread
 * and needs no shut-down to let the JVM exit: replies are read off Hazelcast's own threads (a
 * reply of a large chunk takes a while to deserialize), and remote cancellations, which block
 * until the member answers, run apart from both.
 */
final class ClusterThreads {
  /** Reads replies and completes the pool's futures, with what depends on them. */
  static final ExecutorService REPLIES = fixed("jasyncio-cluster-reply",
      Math.max(2, Runtime.getRuntime().availableProcessors()));
  /** Sends cancellations to members, and shuts down members that pools own. */
  static final ExecutorService CHORES = cached("jasyncio-cluster-chore");

  private ClusterThreads() {}

  private static ExecutorService fixed(String name, int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons(name));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ExecutorService cached(String name) {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemons(name));
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
