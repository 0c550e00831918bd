package io.jasyncio;

import io.jasyncio.FrameCallGraphEntry.Kind;
import io.jasyncio.internal.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Captures the async call graph of a future or task: {@link Asyncio#captureCallGraph()}, asyncio
 * 3.14's {@code capture_call_graph}. A task's call stack comes from what its state machines hold
 * (each knows its state and its awaiter), or, for the task asking about itself, from the Java
 * stack mapped as an async stack trace; who awaits a future comes from its callbacks: the tasks
 * waiting on it, and the {@link Relay}s of gather, shield and {@code TaskGroup}. Nothing is
 * recorded for it while the program runs; all of it is read here, on the loop's thread.
 */
final class CallGraphs {
  /** How deep a graph of awaiters goes; a longer chain of tasks awaiting tasks is cut there. */
  static final int MAX_DEPTH = 256;

  private CallGraphs() {}

  /**
   * The graph of {@code future}, or of the current task if it is null: asyncio's
   * {@code capture_call_graph(future, depth=depth, limit=limit)}. Null if {@code future} is null
   * and no task runs (in a callback).
   *
   * @throws IllegalStateException if {@code future} is null and no loop runs on this thread
   */
  static FutureCallGraph capture(AsyncFuture<?> future, int depth, int limit) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be >= 1, got " + depth);
    }
    EventLoop loop = EventLoop.current();
    if (future == null) {
      if (loop == null) {
        throw new IllegalStateException("captureCallGraph() is called outside of a running"
            + " event loop and no future to introspect was provided");
      }
      future = loop.currentTask;
      if (future == null) {
        return null; // in a callback: no task to describe
      }
    }
    // Tasks and futures are the loop's: read them on its thread (or while no thread runs it).
    assert future.loop == null || future.loop.inEventLoop();
    Task<?> current = loop == null ? null : loop.currentTask;
    Set<AsyncFuture<?>> path = identitySet();
    path.add(future);
    List<FutureCallGraph> awaitedBy = awaitedBy(future, limit, path, current);
    List<FrameCallGraphEntry> stack;
    if (future == current) {
      List<FrameCallGraphEntry> all = runningStack(current);
      stack = limited(all.subList(Math.min(depth - 1, all.size()), all.size()), limit);
    } else {
      stack = limited(suspendedStack(future), limit);
    }
    return new FutureCallGraph(future, stack, awaitedBy);
  }

  /**
   * The tasks awaiting {@code future}, in the order they came: the ones waiting on it, and
   * through each relay (a gather, a shield, a task group) the ones awaiting what it relays to,
   * each once.
   */
  static List<Task<?>> awaiters(AsyncFuture<?> future) {
    List<Task<?>> out = new ArrayList<>();
    collectAwaiters(future, out, identitySet(), 0);
    return out;
  }

  private static void collectAwaiters(AsyncFuture<?> future, List<Task<?>> out,
      Set<Object> seen, int depth) {
    if (future.isDone() || depth > MAX_DEPTH || !seen.add(future)) {
      return; // a done future has handed its outcome on: nobody waits on it any more
    }
    for (Object callback : future.callbacks()) {
      if (callback instanceof Task<?> task) {
        addOnce(task, out, seen);
      } else if (callback instanceof Relay relay) {
        AsyncFuture<?> target = relay.relayTarget();
        if (target instanceof Task<?> task) {
          addOnce(task, out, seen); // a TaskGroup's parent awaits its tasks itself
        } else if (target != null) {
          collectAwaiters(target, out, seen, depth + 1);
        }
      }
    }
  }

  private static void addOnce(Task<?> task, List<Task<?>> out, Set<Object> seen) {
    if (!task.isDone() && seen.add(task)) {
      out.add(task);
    }
  }

  /**
   * The graphs of the tasks awaiting {@code future}; a task already on {@code path} (tasks that
   * await each other in a circle) appears without its own awaiters, so the graph ends.
   */
  private static List<FutureCallGraph> awaitedBy(AsyncFuture<?> future, int limit,
      Set<AsyncFuture<?>> path, Task<?> current) {
    List<FutureCallGraph> out = new ArrayList<>();
    for (Task<?> awaiter : awaiters(future)) {
      List<FrameCallGraphEntry> stack = limited(
          awaiter == current ? coroutineFrames(runningStack(current)) : suspendedStack(awaiter),
          limit);
      if (path.size() > MAX_DEPTH || !path.add(awaiter)) {
        out.add(new FutureCallGraph(awaiter, stack, List.of()));
        continue;
      }
      out.add(new FutureCallGraph(awaiter, stack, awaitedBy(awaiter, limit, path, current)));
      path.remove(awaiter);
    }
    return out;
  }

  /**
   * The coroutines' frames of a stack: the current task, seen as the awaiter of another future,
   * shows where its coroutines are now, without the plain methods that asked (Python shows the
   * frames of an awaiter's coroutines only).
   */
  private static List<FrameCallGraphEntry> coroutineFrames(List<FrameCallGraphEntry> stack) {
    List<FrameCallGraphEntry> out = new ArrayList<>(stack.size());
    for (FrameCallGraphEntry e : stack) {
      if (e.kind() != Kind.FUNCTION) {
        out.add(e);
      }
    }
    return out;
  }

  /** Where a pending task's coroutines wait, innermost first; nothing for a future. */
  static List<FrameCallGraphEntry> suspendedStack(AsyncFuture<?> future) {
    if (!(future instanceof Task<?> task) || task.isDone()) {
      return List.of();
    }
    List<Coroutine<?>> chain = AsyncStackTraces.chainFrom(task.leaf);
    List<StackTraceElement> frames = AsyncStackTraces.suspendedFrames(task.leaf,
        task.loop.getDebug());
    return entries(frames, chain);
  }

  /**
   * The stack of the task running now, innermost first: from the method that called
   * {@code captureCallGraph} to the task's own coroutine, plain methods included, as Python walks
   * the frames from {@code sys._getframe}.
   */
  private static List<FrameCallGraphEntry> runningStack(Task<?> task) {
    StackTraceElement[] raw = new Throwable().getStackTrace();
    int top = 0;
    while (top < raw.length && AsyncStackTraces.isRuntimeFrame(raw[top])) {
      top++; // this class and the facade: the stack starts where the program asked
    }
    StackTraceElement[] frames = java.util.Arrays.copyOfRange(raw, top, raw.length);
    Coroutine<?> innermost = innermostRunning(task);
    List<StackTraceElement> mapped = AsyncStackTraces.runningFrames(frames, innermost,
        task.loop.getDebug());
    return entries(mapped, AsyncStackTraces.chainFrom(innermost));
  }

  /**
   * The coroutine of the running task that runs deepest now: from the task's own coroutine down
   * the coroutines each awaits inline, as Python walks {@code cr_await}. A coroutine that awaits
   * a child which has finished runs itself.
   */
  private static Coroutine<?> innermostRunning(Task<?> task) {
    Coroutine<?> c = task.getCoro();
    for (int n = 0; n < AsyncStackTraces.MAX_AWAIT_FRAMES; n++) {
      if (!(c.awaiting instanceof Coroutine<?> child) || child.parent() != c
          || (child.status != Coroutine.RUNNING && child.status != Coroutine.SUSPENDED)) {
        break;
      }
      c = child;
    }
    return c;
  }

  /**
   * The entries for {@code frames}, innermost first: a frame that stands for a member of
   * {@code chain} (its template's method, met in chain order) is that coroutine's, any other a
   * plain method's.
   */
  private static List<FrameCallGraphEntry> entries(List<StackTraceElement> frames,
      List<Coroutine<?>> chain) {
    List<FrameCallGraphEntry> out = new ArrayList<>(frames.size());
    int member = nextWithOrigin(chain, 0);
    for (StackTraceElement f : frames) {
      Kind kind = Kind.FUNCTION;
      if (member < chain.size() && isFrameOf(f, chain.get(member).origin())) {
        kind = chain.get(member) instanceof AsyncGenerator<?> ? Kind.ASYNC_GENERATOR
            : Kind.COROUTINE;
        member = nextWithOrigin(chain, member + 1);
      }
      out.add(new FrameCallGraphEntry(f, kind));
    }
    return out;
  }

  private static int nextWithOrigin(List<Coroutine<?>> chain, int from) {
    int m = from;
    while (m < chain.size() && chain.get(m).origin() == null) {
      m++;
    }
    return m;
  }

  private static boolean isFrameOf(StackTraceElement f, Origin origin) {
    StackTraceElement own = origin.frame(0);
    return f.getClassName().equals(own.getClassName())
        && f.getMethodName().equals(own.getMethodName());
  }

  /**
   * {@code stack} (innermost first) cut to {@code limit} entries as asyncio's: a positive limit
   * keeps the ones closest to the task's own coroutine, a negative one the innermost, 0 none.
   */
  static List<FrameCallGraphEntry> limited(List<FrameCallGraphEntry> stack, int limit) {
    long keep = Math.abs((long) limit);
    if (keep >= stack.size()) {
      return stack;
    }
    int n = (int) keep;
    return limit > 0 ? stack.subList(stack.size() - n, stack.size()) : stack.subList(0, n);
  }

  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
