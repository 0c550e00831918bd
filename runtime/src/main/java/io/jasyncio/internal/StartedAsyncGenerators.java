package io.jasyncio.internal;

import io.jasyncio.AsyncGenerator;
import io.jasyncio.EventLoop;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The async generators of each loop that have taken a first step and not finished: asyncio's
 * {@code loop._asyncgens}, filled by its {@code firstiter} hook, which {@code Runner} closes
 * when its run ends ({@code shutdown_asyncgens}), so that a generator abandoned in the middle of
 * an {@code async for} still runs its {@code finally} blocks.
 *
 * <p>Unlike asyncio's weak set, it holds each generator until it finishes or the run ends:
 * asyncio also closes a generator when it is garbage-collected, which the JVM cannot do with an
 * object it has already collected. A loop closed without a {@code Runner} leaves nothing behind:
 * its entry goes with the next generator that starts anywhere.
 *
 * <p>Generators start and finish on their loop's thread; the lock only guards the one map
 * shared by every loop of the process.
 */
public final class StartedAsyncGenerators {
  private static final Map<EventLoop, Set<AsyncGeneratorMachine<?>>> BY_LOOP =
      new IdentityHashMap<>();

  private StartedAsyncGenerators() {}

  /** {@code gen} took its first step on {@code loop}. */
  static synchronized void started(EventLoop loop, AsyncGeneratorMachine<?> gen) {
    BY_LOOP.keySet().removeIf(EventLoop::isClosed);
    // A generator keeps identity equality, so the set holds each once, in the order started.
    BY_LOOP.computeIfAbsent(loop, l -> new LinkedHashSet<>()).add(gen);
  }

  /** {@code gen}, started on {@code loop}, finished, failed or was closed. */
  static synchronized void finished(EventLoop loop, AsyncGeneratorMachine<?> gen) {
    Set<AsyncGeneratorMachine<?>> live = BY_LOOP.get(loop);
    if (live != null && live.remove(gen) && live.isEmpty()) {
      BY_LOOP.remove(loop);
    }
  }

  /**
   * Takes out the generators of {@code loop} still suspended, in the order they started; the
   * loop's set is then empty, as asyncio clears {@code _asyncgens} in
   * {@code shutdown_asyncgens}.
   */
  public static synchronized List<AsyncGenerator<?>> takeAll(EventLoop loop) {
    Set<AsyncGeneratorMachine<?>> live = BY_LOOP.remove(loop);
    return live == null ? List.of() : new ArrayList<>(live);
  }
}
