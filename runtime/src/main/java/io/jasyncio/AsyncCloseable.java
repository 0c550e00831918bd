package io.jasyncio;

import io.jasyncio.internal.SuppressingClose;

/**
 * A resource whose closing awaits: Python's asynchronous context manager. In an {@code @Async}
 * body, a try-with-resources resource of this type has its {@link #aclose()} awaited when the
 * block ends (Python's {@code async with}), in Java's order of closing and with Java's
 * suppressed exceptions. {@link TaskGroup}, the {@link Timeout} scope and the {@link Held} forms
 * of {@link Lock}, {@link Semaphore} and {@link Condition} are {@code AsyncCloseable}.
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
 *
 * <p>{@link #aclose(Throwable)} is Python's {@code __aexit__}: it is told the exception leaving
 * the block ({@code failure}, or null), and what it throws replaces {@code failure} (completing
 * normally lets {@code failure} go on). By default it awaits {@code aclose()} with Java's rule
 * (a failure of the close is added to {@code failure} as suppressed). {@code TaskGroup} (which
 * aborts its tasks and throws an {@link ExceptionGroup} holding {@code failure}) and
 * {@code Timeout} (which turns its own {@code CancelledException} into a
 * {@code TimeoutException}) override it, since their Python counterparts need the exception;
 * a try-with-resources that awaits {@code aclose()} alone cannot give it to them.
 */
public interface AsyncCloseable extends AutoCloseable {
  /**
   * The coroutine that closes the resource; the rewritten try-with-resources awaits it.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  Coroutine<Void> aclose();

  /**
   * The coroutine that closes the resource when {@code failure} (null: none) leaves the block,
   * Python's {@code __aexit__}: what it throws replaces {@code failure}. By default
   * {@link #aclose()} with Java's suppression rule.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  default Coroutine<Void> aclose(Throwable failure) {
    return failure == null ? aclose() : new SuppressingClose(aclose(), failure);
  }

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
