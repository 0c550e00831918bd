package io.jasyncio;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the values of the {@link ContextVar}s live that the running code sees: Python's
 * {@code contextvars.Context}. Each task has one, made when it is first needed; code outside
 * any task uses its thread's.
 *
 * <p>The map is never changed in place: a {@code set} replaces it. So a task created by another
 * takes its creator's map by reference (Python's {@code copy_context()} costs nothing), and what
 * either sets afterwards stays its own.
 */
final class Context {
  /** The context of code that runs outside any task, one per thread. */
  private static final ThreadLocal<Context> OUTSIDE =
      ThreadLocal.withInitial(() -> new Context(Map.of()));

  private Map<ContextVar<?>, Object> values;

  private Context(Map<ContextVar<?>, Object> values) {
    this.values = values;
  }

  /** The context the running code sees: its task's, or its thread's outside tasks. */
  static Context current() {
    EventLoop loop = EventLoop.current();
    Task<?> task = loop == null ? null : loop.currentTask;
    return task != null ? task.context() : OUTSIDE.get();
  }

  /**
   * The context a task created now starts with: a copy of its creator's (the task running on
   * {@code loop}, else the thread's), made lazily: until either side sets a variable they share
   * one map, so most tasks never allocate one.
   */
  static Map<ContextVar<?>, Object> inherited(EventLoop loop) {
    Task<?> creator = loop.currentTask;
    return creator != null ? creator.contextValues() : OUTSIDE.get().values;
  }

  /** A context starting from {@code values}, for a task that is asked for its own. */
  static Context of(Map<ContextVar<?>, Object> values) {
    return new Context(values);
  }

  /** The values here now; never changed in place. */
  Map<ContextVar<?>, Object> values() {
    return values;
  }

  /** The value of {@code var} here, or {@link ContextVar#MISSING}. */
  Object get(ContextVar<?> var) {
    return values.getOrDefault(var, ContextVar.MISSING);
  }

  /** Sets {@code var} (MISSING removes it) and returns what it was. */
  Object put(ContextVar<?> var, Object value) {
    Object old = get(var);
    Map<ContextVar<?>, Object> next = new HashMap<>(values);
    if (value == ContextVar.MISSING) {
      next.remove(var);
    } else {
      next.put(var, value);
    }
    values = next;
    return old;
  }
}
