package io.jasyncio;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The {@link EventLoopMXBean} of one loop. It answers on the thread of whoever asks (a JMX
 * connection's), so it never reads the loop's tasks there: it queues a snapshot on the loop with
 * {@link EventLoop#callSoonThreadsafe} and waits for it a bounded time. It holds the loop weakly,
 * so a loop dropped without {@code close()} is not kept alive by the MBean server.
 */
final class LoopMonitor implements EventLoopMXBean {
  /** How many frames of a busy loop's thread are shown. */
  private static final int BUSY_FRAMES = 12;

  private final WeakReference<EventLoop> loop;
  private final Thread thread;
  private final Duration timeout;

  /** The monitor of {@code loop}, which runs on {@code thread}; it waits {@code timeout} at most. */
  LoopMonitor(EventLoop loop, Thread thread, Duration timeout) {
    this.loop = new WeakReference<>(loop);
    this.thread = thread;
    this.timeout = timeout;
  }

  /** Whether this is the monitor of {@code l}. */
  boolean isOf(EventLoop l) {
    return loop.get() == l;
  }

  /** Whether the loop has been garbage-collected; its MBean can go. */
  boolean isGone() {
    return loop.get() == null;
  }

  @Override
  public String ps() {
    return answer(TaskTable::format);
  }

  @Override
  public String pstree() {
    return answer(TaskTree::format);
  }

  private String answer(Function<LoopSnapshot, String> render) {
    EventLoop l = loop.get();
    if (l == null || l.isClosed()) {
      return "The event loop of thread '" + thread.getName() + "' is closed.";
    }
    if (!l.isRunning()) {
      return "The event loop of thread '" + thread.getName() + "' is not running.";
    }
    if (l.isLoopThread()) {
      return render.apply(LoopSnapshot.take(l)); // asked from a callback of the loop itself
    }
    CompletableFuture<LoopSnapshot> snapshot = new CompletableFuture<>();
    try {
      l.callSoonThreadsafe(() -> {
        try {
          snapshot.complete(LoopSnapshot.take(l));
        } catch (RuntimeException | Error e) {
          snapshot.completeExceptionally(e);
        }
      });
    } catch (IllegalStateException closed) {
      return "The event loop of thread '" + thread.getName() + "' is closed.";
    }
    try {
      return render.apply(snapshot.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return busy(l);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Interrupted while waiting for the event loop of thread '" + thread.getName() + "'.";
    } catch (ExecutionException e) {
      throw new IllegalStateException("taking the snapshot of the loop failed: " + e.getCause(),
          e.getCause());
    }
  }

  /**
   * What a loop that did not answer is doing: the task whose step runs (read without the loop's
   * help, so it may be a moment old) and the top of its thread's Java stack.
   */
  private String busy(EventLoop l) {
    Task<?> running = l.currentTask;
    StringBuilder out = new StringBuilder();
    out.append("The event loop of thread '").append(thread.getName()).append("' (tid ")
        .append(thread.getId()).append(") is busy: it did not answer within ")
        .append(timeout.toMillis()).append(" ms, ");
    if (running != null) {
      out.append("running a step of ").append(running.getName()).append(" (")
          .append(LoopSnapshot.idOf(running)).append(")");
    } else {
      out.append("running a callback");
    }
    out.append(". Its thread is at:");
    StackTraceElement[] frames = thread.getStackTrace();
    for (int i = 0; i < Math.min(BUSY_FRAMES, frames.length); i++) {
      out.append("\n\tat ").append(frame(frames[i]));
    }
    if (frames.length > BUSY_FRAMES) {
      out.append("\n\t... ").append(frames.length - BUSY_FRAMES).append(" more");
    }
    return out.toString();
  }

  /** {@code demo.Pipeline.spin(Pipeline.java:40)}: without the loader and module names. */
  private static String frame(StackTraceElement f) {
    String where = f.isNativeMethod() ? "Native Method"
        : f.getFileName() == null ? "Unknown Source"
        : f.getLineNumber() >= 0 ? f.getFileName() + ":" + f.getLineNumber() : f.getFileName();
    return f.getClassName() + "." + f.getMethodName() + "(" + where + ")";
  }
}
