package io.jasyncio.internal.process;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The timer of a pool's task timeouts: one daemon thread, made when the first task with a timeout
 * runs, that stops an {@link Attempt} once its time is up.
 */
final class Timeouts {
  private final String threadName;
  private ScheduledThreadPoolExecutor timer;
  private boolean shutdown;

  Timeouts(String threadName) {
    this.threadName = threadName;
  }

  /**
   * Stops {@code attempt} with a {@code TimeoutException} after {@code nanos}, unless the
   * returned future is cancelled first; null once shut down.
   */
  synchronized ScheduledFuture<?> arm(Attempt attempt, long nanos, long pid) {
    if (shutdown) {
      return null;
    }
    if (timer == null) {
      timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
      });
      timer.setRemoveOnCancelPolicy(true);
    }
    return timer.schedule(() -> attempt.stop(new TimeoutException("the task ran longer than its"
        + " timeout of " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms; its worker process "
        + pid + " was killed and is replaced")), nanos, TimeUnit.NANOSECONDS);
  }

  /** Ends the thread, if there is one: no job runs any more. */
  synchronized void shutdown() {
    shutdown = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
