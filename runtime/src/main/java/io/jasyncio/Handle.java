package io.jasyncio;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A callback scheduled on the loop by {@link EventLoop#callSoon} or
 * {@link EventLoop#callSoonThreadsafe}; it can be cancelled until it runs. asyncio's
 * {@code Handle}.
 *
 * <p>An exception thrown by the callback goes to the loop's exception handler
 * ({@code Exception in callback <Handle ...>}, with the keys {@code "exception"} and
 * {@code "handle"}) and the loop goes on, as in asyncio; an {@code Error} propagates out of the
 * loop's run method.
 *
 * <p>Differs from asyncio: the callback is a {@link Runnable}, arguments are captured by it.
 */
public class Handle {
  /** A Runnable; or, with a non-null {@link #future}, that future's done-callback Consumer. */
  private Object callback;
  /** The done future a done-callback is given, or null for a Runnable. */
  private AsyncFuture<?> future;
  private boolean cancelled;

  Handle(Runnable callback) {
    this.callback = callback;
  }

  /**
   * The queued run of a done-callback of {@code future}: one object, where a lambda wrapping
   * the call would be a second one (the extra field fits in the handle's alignment padding).
   */
  <T> Handle(Consumer<? super AsyncFuture<T>> callback, AsyncFuture<T> future) {
    this.callback = callback;
    this.future = future;
  }

  /**
   * Prevents the callback from running; does nothing if it already ran or was cancelled. Call it
   * on the loop thread, as in asyncio.
   */
  public void cancel() {
    cancelled = true;
    // Drop the callback so whatever it captured can be collected while the handle waits.
    callback = null;
    future = null;
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs the callback on the thread of {@code loop}, which calls it only if not cancelled and
   * reports what it throws.
   */
  @SuppressWarnings("unchecked")
  void run(EventLoop loop) {
    Object c = callback;
    if (c == null) {
      return;
    }
    try {
      AsyncFuture<?> done = future;
      if (done == null) {
        ((Runnable) c).run();
      } else {
        ((Consumer<Object>) c).accept(done);
      }
    } catch (RuntimeException e) {
      loop.callExceptionHandler(Map.of("message", "Exception in callback " + this,
          "exception", e, "handle", this));
    }
  }

  /** The callback, for {@code toString()}. */
  final Object callback() {
    return callback;
  }

  @Override
  public String toString() {
    return cancelled ? "<Handle cancelled>" : "<Handle " + callback + ">";
  }
}
