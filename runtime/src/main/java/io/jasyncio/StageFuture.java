package io.jasyncio;

import io.jasyncio.internal.Unchecked;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The future {@link Asyncio#wrapFuture(CompletionStage)} returns, asyncio's {@code wrap_future}:
 * a future of a loop that follows a {@code CompletionStage} (or a plain {@code Future}) completed
 * on any thread. The stage's outcome arrives through the loop's thread-safe inbox: its value, or
 * its exception unwrapped from {@code CompletionException}; a cancelled
 * {@code CompletableFuture} cancels this future. Cancelling this future cancels the
 * {@code CompletableFuture} behind the stage (and a plain {@code Future}, interrupting it).
 *
 * <p>Made where no loop runs (as in {@code run(gather(stage1, stage2))}), it listens to the
 * stage only once it is bound to the loop that first awaits it.
 */
final class StageFuture<T> extends AsyncFuture<T> {
  /**
   * Where plain {@code Future}s are waited for: one daemon thread blocked in {@code get()} per
   * future still pending (a {@code Future} cannot say when it is done), retired after a minute
   * idle. Unbounded, unlike the loop's default executor, so many pending futures never queue
   * behind each other.
   */
  private static final class PlainFutureWaiters {
    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jasyncio-future-waiter");
      t.setDaemon(true);
      return t;
    });
  }

  private final CompletionStage<T> stage;
  /** The stage's CompletableFuture, cancelled with this future; null if it has none. */
  private final CompletableFuture<?> completable;
  /** A plain Future this one waits for in a thread, cancelled with it; else null. */
  private final Future<?> plain;

  private StageFuture(EventLoop loop, CompletionStage<T> stage, Future<?> plain) {
    super(loop);
    this.stage = stage;
    this.completable = completableOrNull(stage);
    this.plain = plain;
    if (loop != null) {
      listen();
    }
  }

  /**
   * A future of {@code loop} following {@code stage}: what awaiting a stage waits on, and what
   * offloading to a {@code RemoteExecutor} returns.
   */
  static <T> StageFuture<T> on(EventLoop loop, CompletionStage<T> stage) {
    return new StageFuture<>(loop, stage, null);
  }

  /** A future of the running loop (or, if none runs, of the first that awaits it). */
  static <T> StageFuture<T> of(CompletionStage<T> stage) {
    if (stage == null) {
      throw new NullPointerException("stage");
    }
    return new StageFuture<>(EventLoop.current(), stage, null);
  }

  /**
   * The same for a plain {@code Future}: a {@code CompletionStage} one is followed as a stage;
   * another is waited for by a thread blocked in its {@code get()}, unless already done.
   */
  @SuppressWarnings("unchecked")
  static <T> StageFuture<T> of(Future<T> future) {
    if (future == null) {
      throw new NullPointerException("future");
    }
    if (future instanceof CompletionStage<?> stage) {
      return of((CompletionStage<T>) stage);
    }
    CompletableFuture<T> copy = new CompletableFuture<>();
    if (future.isDone()) {
      copyOutcome(future, copy);
    } else {
      PlainFutureWaiters.POOL.execute(() -> copyOutcome(future, copy));
    }
    return new StageFuture<>(EventLoop.current(), copy, future);
  }

  @Override
  void onAttach() {
    listen();
  }

  /** Cancels this future, then the CompletableFuture (and plain Future) behind it. */
  @Override
  public boolean cancel(String message) {
    if (!super.cancel(message)) {
      return false;
    }
    if (completable != null) {
      completable.cancel(false);
    }
    if (plain != null) {
      plain.cancel(true);
    }
    return true;
  }

  private void listen() {
    EventLoop target = loop;
    // Runs on whichever thread completes the stage (or here, if it already is): hop to the loop.
    stage.whenComplete((value, error) -> target.callSoonThreadsafeIfOpen(() -> settle(value,
        error)));
  }

  private void settle(T value, Throwable error) {
    if (isDone()) {
      return; // cancelled meanwhile
    }
    if (error == null) {
      finish(value);
    } else if (completable != null && completable.isCancelled()) {
      super.cancel(null);
    } else {
      fail(Unchecked.unwrap(error));
    }
  }

  private static <T> void copyOutcome(Future<T> from, CompletableFuture<T> to) {
    try {
      to.complete(from.get());
    } catch (ExecutionException e) {
      to.completeExceptionally(e.getCause() != null ? e.getCause() : e);
    } catch (CancellationException e) {
      to.cancel(false);
    } catch (InterruptedException e) {
      // Only a pool shutting down interrupts a waiter; the future's outcome is then unknown.
      to.completeExceptionally(e);
    }
  }

  private static CompletableFuture<?> completableOrNull(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }
}
