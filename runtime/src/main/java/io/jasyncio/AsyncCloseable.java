package io.jasyncio;

/**
 * A resource whose closing awaits: Python's asynchronous context manager. In an {@code @Async}
 * body, a try-with-resources resource of this type has its {@link #aclose()} awaited when the
 * block ends (Python's {@code async with}), in Java's order of closing and with Java's
 * suppressed exceptions.
 *
 * <pre>{@code
 * try (TaskGroup group = new TaskGroup()) {
 *   group.createTask(fetch("a"));
 *   group.createTask(fetch("b"));
 * }                                  // awaits both tasks here
 * }</pre>
 *
 * <p>Why {@code aclose()} and not a {@code close()} returning a coroutine: try-with-resources
 * accepts only {@code AutoCloseable}, whose {@code void close()} no coroutine-returning method
 * can override; the template must compile as plain Java, so the type is an
 * {@code AutoCloseable} and its awaited close has a name of its own.
 */
public interface AsyncCloseable extends AutoCloseable {
  /** The coroutine that closes the resource; the rewritten try-with-resources awaits it. */
  Coroutine<Void> aclose();

  /**
   * Closing without awaiting is not possible: outside an {@code @Async} body, await
   * {@link #aclose()} instead. It declares no checked exception, so a template's
   * try-with-resources needs no catch for it.
   *
   * @throws IllegalStateException always
   */
  @Override
  default void close() {
    throw new IllegalStateException(getClass().getSimpleName() + " closes asynchronously: use it"
        + " in try-with-resources inside an @Async method, or await its aclose()");
  }
}
