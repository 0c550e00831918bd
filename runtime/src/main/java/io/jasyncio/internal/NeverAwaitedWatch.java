package io.jasyncio.internal;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Watches one coroutine for being garbage-collected without ever being awaited or scheduled, and
 * then prints Python's warning {@code RuntimeWarning: coroutine 'numSum' was never awaited} on
 * standard error, as Python's {@code warnings} module does (not its loop's exception handler).
 * It also watches a failed future whose exception nobody has retrieved yet, and then reports
 * asyncio's {@code Task exception was never retrieved} to the exception handler of the future's
 * loop, with the exception and the future's description under {@code "future"}.
 *
 * <p>The watch is the small state object the warning needs: the coroutine's name and the links
 * of a list of armed watches. It holds the coroutine only phantomly, so it never keeps it alive.
 * The list is what keeps armed watches reachable until the collector clears them; a coroutine
 * that is awaited or scheduled calls {@link #consumed()}, which unlinks and clears its watch so
 * the collector has nothing to process for it.
 *
 * <p>Arming costs an allocation and the lock, so the runtime arms a watch only for a coroutine
 * that may escape: one made where no loop runs is armed at once, while one made inside a running
 * loop is armed by that loop only if it is still unclaimed when the step or callback that made
 * it ends (most are awaited or scheduled within that step and never get a watch).
 *
 * <p>Warnings appear two ways. A daemon thread reports references the collector enqueues, at
 * whatever moment that happens (as CPython reports when the coroutine is freed). A program that
 * wants the warning at a chosen point, such as a demo, calls {@link #collect()}, which reports on
 * the calling thread. Both report under one lock, so each watch is reported exactly once, and
 * once {@code collect()} returns every warning due by then has been printed (for coroutines made
 * on the calling thread, or on threads whose loop is not in the middle of a step).
 */
public final class NeverAwaitedWatch extends PhantomReference<Object> {
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Object LOCK = new Object();
  /** Sentinel of the circular list of armed watches; guarded by LOCK. */
  private static final NeverAwaitedWatch ARMED = new NeverAwaitedWatch(null, "", null, null);
  private static final long COLLECT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static boolean reporterStarted;
  /** Run by collect() first: arms the coroutines the caller's running loop has not armed yet. */
  private static volatile Runnable beforeCollect;
  /** Told of each warning as it is printed, or null; see {@link #listen}. */
  private static volatile Listener listener;

  private final String name;
  /** The exception of a failed future nobody asked about, or null for a coroutine's watch. */
  private final Throwable exception;
  /** Where a never-retrieved exception is reported: its loop's exception handler. */
  private final Consumer<Map<String, Object>> reporter;
  /** Neighbours in the armed list; both null once unlinked. Guarded by LOCK. */
  private NeverAwaitedWatch prev;
  private NeverAwaitedWatch next;

  static {
    ARMED.prev = ARMED;
    ARMED.next = ARMED;
  }

  private NeverAwaitedWatch(Object watched, String name, Throwable exception,
      Consumer<Map<String, Object>> reporter) {
    super(watched, QUEUE);
    this.name = name;
    this.exception = exception;
    this.reporter = reporter;
  }

  /** Arms a watch on {@code coroutine}, whose method is called {@code name}. */
  public static NeverAwaitedWatch watch(Object coroutine, String name) {
    return arm(new NeverAwaitedWatch(coroutine, name, null, null));
  }

  /**
   * Arms a watch on {@code future}, which failed with {@code exception}; {@code description} is
   * how the warning names it ({@code <Task finished name='Task-1' coro=... exception=...>}).
   * Whoever retrieves the exception calls {@link #consumed()}; if nobody does, the report's
   * context goes to {@code reporter}.
   */
  public static NeverAwaitedWatch unretrieved(Object future, String description,
      Throwable exception, Consumer<Map<String, Object>> reporter) {
    return arm(new NeverAwaitedWatch(future, description, exception, reporter));
  }

  private static NeverAwaitedWatch arm(NeverAwaitedWatch w) {
    synchronized (LOCK) {
      w.prev = ARMED.prev;
      w.next = ARMED;
      ARMED.prev.next = w;
      ARMED.prev = w;
      if (!reporterStarted) {
        reporterStarted = true;
        startReporter();
      }
    }
    return w;
  }

  /**
   * Sets what {@link #collect()} runs first on its thread, so coroutines whose arming was deferred
   * are armed before the collector looks for them. Internal: the event loop sets it.
   */
  public static void beforeCollect(Runnable hook) {
    beforeCollect = hook;
  }

  /**
   * What is told of each warning besides standard error: the coroutine's name, or the failed
   * future's description and its exception.
   */
  public interface Listener {
    /** A coroutine made by method {@code name} was collected without being awaited. */
    void neverAwaited(String name);

    /** {@code future}, which failed with {@code exception}, was collected unretrieved. */
    void neverRetrieved(String future, Throwable exception);
  }

  /**
   * Tells {@code listener} of every warning reported from now on, on whatever thread reports it,
   * until another listener (or null) is set. Internal: the jasyncio-test module listens so that
   * a test leaving a coroutine unawaited or an exception unretrieved fails.
   */
  public static void listen(Listener listener) {
    NeverAwaitedWatch.listener = listener;
  }

  /** The exception of the failed future this watches; null for a coroutine's watch. */
  public Throwable exception() {
    return exception;
  }

  /** Disarms the watch: its coroutine was awaited or scheduled. */
  public void consumed() {
    clear();
    synchronized (LOCK) {
      unlink();
    }
  }

  /**
   * Runs the garbage collector and prints, on this thread, the warning for every coroutine that
   * was unreachable and never awaited when this was called. Waits for the collector at most about
   * two seconds and returns as soon as it has run a full cycle.
   */
  public static void collect() {
    Runnable hook = beforeCollect;
    if (hook != null) {
      hook.run();
    }
    // A probe that is unreachable from the start: once the collector has cleared it, it has run
    // a cycle that also cleared the watches of every coroutine unreachable before this call.
    WeakReference<Object> probe = new WeakReference<>(new Object());
    long start = System.nanoTime();
    System.gc();
    while (!probe.refersTo(null) && System.nanoTime() - start < COLLECT_LIMIT_NANOS) {
      LockSupport.parkNanos(1_000_000);
      System.gc();
    }
    synchronized (LOCK) {
      NeverAwaitedWatch w = ARMED.next;
      while (w != ARMED) {
        NeverAwaitedWatch following = w.next;
        if (w.refersTo(null)) {
          w.report();
        }
        w = following;
      }
    }
  }

  /**
   * Prints the warning or reports the exception, and unlinks; caller holds LOCK, so that once
   * {@link #collect()} returns the report is made, whichever thread made it.
   */
  private void report() {
    unlink();
    Listener told = listener;
    if (exception == null) {
      System.err.println("RuntimeWarning: coroutine '" + name + "' was never awaited");
      if (told != null) {
        told.neverAwaited(name);
      }
      return;
    }
    String kind = name.startsWith("<Task") ? "Task" : "Future";
    // The future itself is gone (this reference is phantom): its description stands for it.
    reporter.accept(Map.of("message", kind + " exception was never retrieved",
        "exception", exception, "future", name));
    if (told != null) {
      told.neverRetrieved(name, exception);
    }
  }

  /** Caller holds LOCK; does nothing if already unlinked (reported or consumed). */
  private void unlink() {
    if (next != null) {
      prev.next = next;
      next.prev = prev;
      prev = null;
      next = null;
    }
  }

  private static void startReporter() {
    Thread t = new Thread(NeverAwaitedWatch::reportEnqueued, "jasyncio-never-awaited");
    t.setDaemon(true);
    t.start();
  }

  private static void reportEnqueued() {
    try {
      for (;;) {
        Reference<?> r = QUEUE.remove();
        synchronized (LOCK) {
          NeverAwaitedWatch w = (NeverAwaitedWatch) r;
          if (w.next != null) {
            w.report();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
