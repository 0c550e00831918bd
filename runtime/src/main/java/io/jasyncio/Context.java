package io.jasyncio;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of the {@link ContextVar}s one task sees: Python's {@code contextvars.Context}. A
 * task takes a copy of its creator's context when it is created, so a value follows the work
 * into the tasks it starts and never leaks back. Copying is free: the map is never changed, a
 * {@code set} replaces it (copy on write), and contexts hold few variables.
 */
final class Context {
  /** The context of code that runs outside any task, one per thread. */
  private static final ThreadLocal<Context> OUTSIDE = ThreadLocal.withInitial(Context::new);

  private Map<ContextVar<?>, Object> values = Map.of();

  /** The context the running code sees: its task's, or its thread's outside tasks. */
  static Context current() {
    EventLoop loop = EventLoop.current();
    Task<?> task = loop == null ? null : loop.currentTask;
    return task != null ? task.context : OUTSIDE.get();
  }

  /** A context holding what this one holds now, for a task being created. */
  Context copy() {
    Context c = new Context();
    c.values = values;
    return c;
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
