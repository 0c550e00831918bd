package io.jasyncio.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes an event loop's default executor, the one {@code toThread} uses: asyncio's default
 * {@code ThreadPoolExecutor}, sized like Python's ({@code min(32, cores + 4)} threads).
 *
 * <p>Threads are daemons, started on demand and retired after a minute idle, so a loop that
 * never offloads starts none, and a program whose loop is done never waits for one.
 */
public final class DaemonThreadPool {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private DaemonThreadPool() {}

  /** A new pool; its threads are named {@code jasyncio-default-executor-P-N}. */
  public static ExecutorService create() {
    int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons("jasyncio-default-executor-"
            + POOLS.incrementAndGet() + "-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
