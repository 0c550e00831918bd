package io.jasyncio;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers each running loop's {@link EventLoopMXBean} with the platform MBean server, and
 * unregisters it when the loop is closed. The work is done on one daemon thread of its own,
 * started with the first loop that runs: the platform MBean server takes a moment to start, and
 * neither a loop's first run nor its close waits for it. A loop pays one queued task when it
 * first runs and one when it closes. {@code -Djasyncio.jmx=false} turns it off.
 */
final class LoopRegistry {
  /** How long an operation of the MBean waits for the loop to answer. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
  private static final boolean ENABLED =
      !"false".equalsIgnoreCase(System.getProperty("jasyncio.jmx"));

  /** The registrations, in the order asked; their state is touched on this thread only. */
  private static final class Holder {
    static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "jasyncio-jmx");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The registered MBeans; touched on the worker thread only. Nothing here holds a loop: a loop
   * dropped without {@code close()} can be collected, and its MBean goes at the next sweep.
   */
  private static final List<Registered> REGISTERED = new ArrayList<>();

  private record Registered(ObjectName name, LoopMonitor monitor) {}

  private LoopRegistry() {}

  /** Registers the MBean of {@code loop}, which starts running on {@code thread}. */
  static void register(EventLoop loop, Thread thread) {
    if (ENABLED) {
      Holder.WORKER.execute(() -> registerNow(loop, thread));
    }
  }

  /** Unregisters the MBean of {@code loop}, which is being closed. */
  static void unregister(EventLoop loop) {
    if (ENABLED) {
      Holder.WORKER.execute(() -> unregisterNow(loop));
    }
  }

  /** Returns once every registration asked so far is done; for tests. */
  static void flush() throws InterruptedException {
    if (!ENABLED) {
      return;
    }
    try {
      Holder.WORKER.submit(() -> { }).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The name of {@code loop}'s MBean. */
  static ObjectName nameOf(EventLoop loop, Thread thread) throws JMException {
    return new ObjectName("io.jasyncio:type=EventLoop,name=" + ObjectName.quote(thread.getName())
        + ",id=" + LoopSnapshot.idOf(loop));
  }

  private static void registerNow(EventLoop loop, Thread thread) {
    if (loop.isClosed() || find(loop) != null) {
      return;
    }
    sweep();
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      LoopMonitor monitor = new LoopMonitor(loop, thread, ANSWER_TIMEOUT);
      ObjectName name = nameOf(loop, thread);
      server.registerMBean(new StandardMBean(monitor, EventLoopMXBean.class, true), name);
      REGISTERED.add(new Registered(name, monitor));
    } catch (JMException | RuntimeException e) {
      // Monitoring is a convenience: a loop runs the same without its MBean.
      System.err.println("jasyncio: could not register the event loop's MBean: " + e);
    }
  }

  private static void unregisterNow(EventLoop loop) {
    Registered r = find(loop);
    if (r != null) {
      REGISTERED.remove(r);
      unregisterQuietly(r.name());
    }
  }

  private static Registered find(EventLoop loop) {
    for (Registered r : REGISTERED) {
      if (r.monitor().isOf(loop)) {
        return r;
      }
    }
    return null;
  }

  /** Unregisters the MBeans of loops that were dropped without being closed. */
  private static void sweep() {
    for (Iterator<Registered> it = REGISTERED.iterator(); it.hasNext(); ) {
      Registered r = it.next();
      if (r.monitor().isGone()) {
        it.remove();
        unregisterQuietly(r.name());
      }
    }
  }

  private static void unregisterQuietly(ObjectName name) {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException e) {
      // already gone
    }
  }
}
