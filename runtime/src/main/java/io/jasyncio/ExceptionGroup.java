package io.jasyncio;

import java.util.List;

/**
 * Several exceptions raised together: what a {@link TaskGroup} throws when one or more of its
 * tasks (or its own block) failed, Python's {@code ExceptionGroup}. {@link #exceptions()} holds
 * them all in the order they happened; the first is also the cause, and the others are attached
 * as suppressed, so a stack trace shows every one.
 *
 * <pre>{@code
 * try (var tg = new TaskGroup()) {
 *   tg.createTask(fetch("a"));
 *   tg.createTask(fetch("b"));
 * } catch (ExceptionGroup eg) {
 *   for (Throwable e : eg.exceptions()) { ... }
 * }
 * }</pre>
 *
 * <p>Differs from asyncio: Java has no {@code except*}; look through {@link #exceptions()}, or
 * {@link #find(Class)} the first of a type. It is unchecked, and may carry checked exceptions.
 */
public final class ExceptionGroup extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An array, not a List, so that the group stays serializable. */
  private final Throwable[] exceptions;

  /**
   * A group of {@code exceptions} (at least one) with {@code message}; the first becomes the
   * cause, the others suppressed exceptions.
   */
  public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
    super(message + " (" + exceptions.size() + " sub-exception"
        + (exceptions.size() == 1 ? "" : "s") + ")", exceptions.isEmpty() ? null : exceptions.get(0));
    if (exceptions.isEmpty()) {
      throw new IllegalArgumentException("an exception group needs at least one exception");
    }
    this.exceptions = exceptions.toArray(new Throwable[0]);
    for (int i = 1; i < this.exceptions.length; i++) {
      addSuppressed(this.exceptions[i]);
    }
  }

  /** The exceptions, in the order they happened. */
  public List<Throwable> exceptions() {
    return List.of(exceptions);
  }

  /** The first exception of type {@code type} in the group, or null; a nested group is searched. */
  public <E extends Throwable> E find(Class<E> type) {
    for (Throwable e : exceptions) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
      if (e instanceof ExceptionGroup nested) {
        E found = nested.find(type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
