package io.jasyncio.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The workloads on Java virtual threads (JDK 21+; reached by reflection, since this module
 * compiles for Java 17). Run with {@code -Djdk.virtualThreadScheduler.parallelism=1}: one carrier
 * thread, like the one thread of an event loop.
 */
final class VirtualThreadWorkloads {
  private static final ThreadFactory VIRTUAL = virtualThreadFactory();

  private VirtualThreadWorkloads() {}

  /** Whether this JVM has virtual threads. */
  static boolean available() {
    return VIRTUAL != null;
  }

  /** Two virtual threads alternately yielding {@code n} times each; returns the resumes. */
  static long switches(int n) throws InterruptedException {
    LongAdder resumes = new LongAdder();
    Runnable pingPong = () -> {
      for (int i = 0; i < n; i++) {
        Thread.yield();
        resumes.increment();
      }
    };
    Thread a = start(pingPong);
    Thread b = start(pingPong);
    a.join();
    b.join();
    return resumes.sum();
  }

  /** {@code n} trivial virtual threads, started and joined {@code batch} at a time. */
  static long spawn(int n, int batch) throws InterruptedException {
    long finished = 0;
    Thread[] threads = new Thread[batch];
    int[] results = new int[batch];
    for (int from = 0; from < n; from += batch) {
      int size = Math.min(batch, n - from);
      for (int i = 0; i < size; i++) {
        int slot = i;
        threads[i] = start(() -> results[slot] = 1);
      }
      for (int i = 0; i < size; i++) {
        threads[i].join();
        finished += results[i];
      }
    }
    return finished;
  }

  /** {@code n} virtual threads parked at once on one future: returns {count, live bytes}. */
  static long[] memory(int n) throws InterruptedException {
    CompletableFuture<Integer> gate = new CompletableFuture<>();
    AtomicLong finished = new AtomicLong();
    AtomicLong parked = new AtomicLong();
    CountDownLatch allDone = new CountDownLatch(n);
    long before = Heap.usedAfterGc();
    for (int i = 0; i < n; i++) {
      start(() -> {
        parked.incrementAndGet();
        finished.addAndGet(gate.join());
        allDone.countDown();
      });
    }
    while (parked.get() < n) {
      Thread.sleep(10);
    }
    Thread.sleep(200); // the last ones to arrive get to park
    long bytes = Heap.usedAfterGc() - before;
    gate.complete(1);
    allDone.await();
    return new long[] {finished.get(), bytes};
  }

  /** One virtual thread per delay, each sleeping it; returns how many woke. */
  static long timers(double[] delays) throws InterruptedException {
    LongAdder woke = new LongAdder();
    CountDownLatch allDone = new CountDownLatch(delays.length);
    for (double d : delays) {
      long nanos = Math.round(d * 1e9);
      start(() -> {
        try {
          TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
          return;
        }
        woke.increment();
        allDone.countDown();
      });
    }
    allDone.await();
    return woke.sum();
  }

  private static Thread start(Runnable body) {
    if (VIRTUAL == null) {
      throw new UnsupportedOperationException("virtual threads need a JDK 21 or newer");
    }
    Thread t = VIRTUAL.newThread(body);
    t.start();
    return t;
  }

  /** {@code Thread.ofVirtual().factory()}, or null before JDK 21. */
  private static ThreadFactory virtualThreadFactory() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder")
          .getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
