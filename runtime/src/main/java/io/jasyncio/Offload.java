package io.jasyncio;

import io.jasyncio.internal.ExceptionLog;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Runs a call on an executor and hands its outcome back to a loop: the machinery of
 * {@link EventLoop#runInExecutor}, asyncio's {@code run_in_executor} with {@code wrap_future}.
 *
 * <p>The outcome crosses threads only through the loop's thread-safe inbox, so the awaiting task
 * resumes on the loop thread. The exception the call throws is the one its awaiter gets (not an
 * {@code ExecutionException}). Cancelling the returned future cancels the call: a queued call
 * never runs, a running one is interrupted. A {@link RemoteExecutor} (a {@link ProcessPool}, or
 * an executor that a {@link RemoteExecutor.Provider} on the class path adapts) gets the call
 * through its own {@code submit}, since another JVM needs the function and argument serialized,
 * not a {@code Runnable}.
 */
final class Offload {
  private Offload() {}

  /** {@code fn.apply(argument)} on {@code executor}, settled on {@code loop}. */
  static <T, R> AsyncFuture<R> apply(EventLoop loop, Executor executor,
      SerializableFunction<? super T, ? extends R> fn, T argument) {
    if (fn == null) {
      throw new NullPointerException("fn");
    }
    RemoteExecutor pool = remote(executor);
    if (pool != null) {
      CompletableFuture<R> remote = pool.submit(fn, argument);
      return StageFuture.on(loop, remote);
    }
    return call(loop, executor, () -> fn.apply(argument));
  }

  /** {@code callable.call()} on {@code executor}, settled on {@code loop}. */
  static <R> AsyncFuture<R> call(EventLoop loop, Executor executor,
      Callable<? extends R> callable) {
    if (callable == null) {
      throw new NullPointerException("callable");
    }
    RemoteExecutor pool = remote(executor);
    if (pool != null) {
      @SuppressWarnings("unchecked") // only read: a Callable<? extends R> is a Callable<R>
      CompletableFuture<R> remote = pool.submit((Callable<R>) callable);
      return StageFuture.on(loop, remote);
    }
    AsyncFuture<R> future = loop.createFuture();
    Call<R> call = new Call<>(loop, future, callable);
    // A rejection (a pool shut down) is thrown here, at the call, as asyncio raises it.
    executor.execute(call);
    future.addDoneCallback(f -> {
      if (f.isCancelled()) {
        call.cancel(true);
      }
    });
    return future;
  }

  /** {@code executor} as a {@link RemoteExecutor}, or null if it runs {@code Runnable}s here. */
  private static RemoteExecutor remote(Executor executor) {
    if (executor instanceof RemoteExecutor remote) {
      return remote;
    }
    for (RemoteExecutor.Provider provider : Providers.ALL) {
      RemoteExecutor adapted = provider.adapt(executor);
      if (adapted != null) {
        return adapted;
      }
    }
    return null;
  }

  /** The providers on the class path, loaded on the first call to a plain executor. */
  private static final class Providers {
    static final List<RemoteExecutor.Provider> ALL = load();

    private static List<RemoteExecutor.Provider> load() {
      List<RemoteExecutor.Provider> all = new ArrayList<>();
      Iterator<RemoteExecutor.Provider> found = ServiceLoader.load(RemoteExecutor.Provider.class,
          RemoteExecutor.class.getClassLoader()).iterator();
      // ServiceLoader tries to go on past a broken entry; the bound stops one that cannot.
      for (int errors = 0; errors < 8; ) {
        try {
          if (!found.hasNext()) {
            break;
          }
          all.add(found.next());
        } catch (ServiceConfigurationError e) {
          // One broken jar on the class path must not take runInExecutor down with it.
          ExceptionLog.LOGGER.log(Level.WARNING, "ignoring a RemoteExecutor.Provider", e);
          errors++;
        }
      }
      return List.copyOf(all);
    }
  }

  /** The call as the executor runs it; when done, it queues the settling of the loop's future. */
  private static final class Call<R> extends FutureTask<R> {
    private final EventLoop loop;
    private final AsyncFuture<R> future;

    Call(EventLoop loop, AsyncFuture<R> future, Callable<? extends R> callable) {
      super(callable::call);
      this.loop = loop;
      this.future = future;
    }

    @Override
    protected void done() {
      // On the pool thread: only the inbox may carry the outcome over to the loop.
      loop.callSoonThreadsafeIfOpen(this::settle);
    }

    /** On the loop thread: gives the loop's future this call's outcome, unless it is done. */
    private void settle() {
      if (future.isDone()) {
        return;
      }
      if (isCancelled()) {
        future.cancel();
        return;
      }
      try {
        future.finish(get());
      } catch (ExecutionException e) {
        future.fail(e.getCause());
      } catch (InterruptedException e) {
        // get() of a finished task does not wait; keep the flag for whoever owns this thread.
        Thread.currentThread().interrupt();
        future.fail(e);
      }
    }
  }
}
