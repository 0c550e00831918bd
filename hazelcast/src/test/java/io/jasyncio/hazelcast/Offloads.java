package io.jasyncio.hazelcast;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.runInExecutor;
import static io.jasyncio.Asyncio.wrapFuture;

import io.jasyncio.AsyncFuture;
import io.jasyncio.Asyncio;
import io.jasyncio.CancelledException;
import io.jasyncio.Coroutine;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Coroutines that offload to a cluster, as a user's would. */
class Offloads {
  /**
   * Squares {@code x} and {@code y} on {@code cluster} through both forms of
   * {@code runInExecutor}, noting the thread each await resumes on.
   */
  @Async
  static Coroutine<List<Object>> squares(Executor cluster, int x, int y, List<Thread> resumedOn) {
    List<Object> got = new ArrayList<>();
    got.add(await(runInExecutor(cluster, Work::square, x)));
    resumedOn.add(Thread.currentThread());
    // y lives across an await: the lambda captures a copy of it, not the state machine.
    got.add(await(runInExecutor(cluster, () -> Work.square(y))));
    resumedOn.add(Thread.currentThread());
    return done(got);
  }

  /** The exception {@code runInExecutor} of {@link Work#failOnEven} throws at the await. */
  @Async
  static Coroutine<Throwable> failure(Executor cluster, int x) {
    try {
      await(runInExecutor(cluster, Work::failOnEven, x));
      return done(null);
    } catch (Exception e) {
      // A future's await declares nothing; the checked exception arrives undeclared.
      return done(e);
    }
  }

  /** Awaits {@link Work#block} under {@code key} on {@code cluster}. */
  @Async
  static Coroutine<String> blocked(Executor cluster, String key) {
    return done(await(runInExecutor(cluster, Work::block, key)));
  }

  /**
   * Starts {@link #blocked} as a task, cancels it once the call runs on a member, and waits until
   * the member's thread was interrupted; returns whether the task was cancelled.
   */
  @Async
  static Coroutine<Boolean> cancelWhileRunning(Executor cluster, String key) {
    Task<String> task = createTask(blocked(cluster, key));
    // Until the call runs on a member, or the task ends without it (then its failure is thrown
    // here, rather than the test waiting for a call that never starts).
    AsyncFuture<Void> started = wrapFuture(Work.started(key));
    await(Asyncio.wait(List.<AsyncFuture<?>>of(started, task), ReturnWhen.FIRST_COMPLETED));
    if (task.isDone()) {
      await(task);
      return done(false);
    }
    task.cancel();
    await(Work.interrupted(key));
    try {
      await(task);
      return done(false);
    } catch (CancelledException e) {
      return done(task.isCancelled());
    }
  }
}
