package io.jasyncio;

import io.jasyncio.internal.StartedAsyncGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs coroutines to completion on a loop it owns, on the calling thread, and cleans up on
 * {@link #close()}: asyncio's {@code Runner}, the machinery behind {@link Asyncio#run}.
 *
 * <pre>{@code
 * try (Runner runner = new Runner(new VirtualClock())) {
 *   runner.run(AsyncKitchen.boilingWater());
 *   runner.run(new AsyncKitchen().numSum(5));
 * }
 * }</pre>
 *
 * <p>{@link #run} returns as soon as its coroutine finishes: other tasks, and timers (cancelled or
 * not), do not hold it. {@link #close()} cancels the tasks still pending, runs the loop until they
 * are done (so their {@code finally} blocks run), closes the async generators left suspended
 * (asyncio's {@code shutdown_asyncgens}: their {@code finally} blocks run too), and closes the
 * loop.
 *
 * <p>Differs from asyncio: it can be given a {@link Clock}; {@code run} also accepts a future,
 * such as a gather made before any loop ran; no context or debug flag.
 */
public final class Runner implements AutoCloseable {
  private final Clock clock;
  private EventLoop loop;
  private boolean closed;

  /** A runner whose loop uses the real clock. */
  public Runner() {
    this(Clock.system());
  }

  /** A runner whose loop uses {@code clock}. */
  public Runner(Clock clock) {
    if (clock == null) {
      throw new NullPointerException("clock");
    }
    this.clock = clock;
  }

  /**
   * Runs {@code main} to completion and returns its result, or throws its exception unchanged
   * (checked ones too, undeclared).
   *
   * @throws IllegalStateException if a loop already runs on this thread, the runner is closed, or
   *     {@code main} is a coroutine already awaited or scheduled
   */
  public <T> T run(Awaitable<T> main) {
    if (EventLoop.current() != null) {
      throw new IllegalStateException("run() cannot be called from a running event loop");
    }
    return getLoop().runUntilComplete(main);
  }

  /** The runner's loop, created on first use. */
  public EventLoop getLoop() {
    if (closed) {
      throw new IllegalStateException("Runner is closed");
    }
    if (loop == null) {
      loop = EventLoop.create(clock);
    }
    return loop;
  }

  /**
   * Cancels the tasks still pending and waits for them, closes the async generators that were
   * started and left suspended (an {@code async for} that broke out, a generator stepped with
   * {@code next()} and dropped) and waits for their {@code finally} blocks, then closes the loop.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (loop != null) {
      try {
        cancelAllTasks();
        shutdownAsyncgens();
      } finally {
        loop.close();
      }
    }
  }

  /**
   * Cancels every pending task and runs the loop until they are done, as asyncio.run does when
   * its coroutine has finished; reports those that failed otherwise than by cancellation to the
   * loop's exception handler.
   */
  private void cancelAllTasks() {
    List<Task<?>> pending = loop.allTasks();
    if (pending.isEmpty()) {
      return;
    }
    AsyncFuture<Void> allDone = loop.createFuture();
    int[] left = {pending.size()};
    for (Task<?> t : pending) {
      t.cancel();
      t.addDoneCallback(f -> {
        if (--left[0] == 0) {
          allDone.setResult(null);
        }
      });
    }
    loop.runUntilComplete(allDone);
    for (Task<?> t : pending) {
      if (!t.isCancelled() && t.exception() != null) {
        loop.callExceptionHandler(Map.of("message",
            "unhandled exception during Asyncio.run() shutdown", "exception", t.exception(),
            "task", t));
      }
    }
  }

  /**
   * Closes, concurrently, every async generator of the loop still suspended and waits for them,
   * as asyncio's {@code loop.shutdown_asyncgens()}: each gets {@code GeneratorExit} at its
   * yield, so its {@code finally} blocks run (and may await). One that fails to close is
   * reported, as asyncio reports it to the loop's exception handler.
   */
  private void shutdownAsyncgens() {
    List<AsyncGenerator<?>> generators = StartedAsyncGenerators.takeAll(loop);
    if (generators.isEmpty()) {
      return;
    }
    List<Coroutine<Void>> closing = new ArrayList<>(generators.size());
    for (AsyncGenerator<?> g : generators) {
      closing.add(g.aclose());
    }
    List<Object> outcomes = loop.runUntilComplete(GatheringFuture.of(closing, true));
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof Throwable failure) {
        loop.callExceptionHandler(Map.of(
            "message", "an error occurred during closing of asynchronous generator "
                + generators.get(i),
            "exception", failure,
            "asyncgen", generators.get(i)));
      }
    }
  }
}
