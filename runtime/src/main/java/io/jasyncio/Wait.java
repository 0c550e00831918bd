package io.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The coroutine {@link Asyncio#wait(Collection, ReturnWhen)} returns, asyncio's {@code wait}: it
 * waits for futures until the {@link ReturnWhen} condition holds or the timeout passes, and
 * finishes with the {@code done} and {@code pending} sets. It raises nothing for the futures'
 * failures, nor for the timeout.
 */
final class Wait<F extends AsyncFuture<?>> extends Coroutine<DoneAndPending<F>> {
  private final Set<F> futures;
  private final double timeout;
  private final ReturnWhen returnWhen;
  private final Consumer<AsyncFuture<?>> onCompletion = this::completed;
  private AsyncFuture<Void> waiter;
  private TimerHandle timer;
  private int counter;

  Wait(Collection<F> futures, double timeout, ReturnWhen returnWhen) {
    super("wait", false);
    if (returnWhen == null) {
      throw new NullPointerException("returnWhen");
    }
    if (Double.isNaN(timeout)) {
      throw new IllegalArgumentException("timeout is NaN");
    }
    // Identity, not equals: a set of distinct futures, as Python's set(fs).
    Set<F> unique = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    this.futures = new LinkedHashSet<>();
    for (F f : futures) {
      if (f == null) {
        throw new NullPointerException("future");
      }
      if (unique.add(f)) {
        this.futures.add(f);
      }
    }
    if (this.futures.isEmpty()) {
      throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
    }
    this.timeout = timeout;
    this.returnWhen = returnWhen;
  }

  @Override
  protected void resume() throws Throwable {
    if (state == 0) {
      EventLoop loop = task.loop;
      waiter = loop.createFuture();
      if (timeout != Double.POSITIVE_INFINITY) {
        timer = loop.callLater(timeout, () -> {
          if (!waiter.isDone()) {
            waiter.setResult(null);
          }
        });
      }
      counter = futures.size();
      for (F f : futures) {
        if (f.loop == null) {
          f.attach(loop);
        } else if (f.loop != loop) {
          throw new IllegalArgumentException("all futures must belong to the same event loop");
        }
        f.addDoneCallback(onCompletion);
      }
      if (suspendOn(waiter, 1)) {
        return;
      }
    }
    try {
      awaited();
    } finally {
      if (timer != null) {
        timer.cancel();
      }
      for (F f : futures) {
        f.removeDoneCallback(onCompletion);
      }
    }
    List<F> done = new ArrayList<>();
    List<F> pending = new ArrayList<>();
    for (F f : futures) {
      (f.isDone() ? done : pending).add(f);
    }
    complete(new DoneAndPending<>(new LinkedHashSet<>(done), new LinkedHashSet<>(pending)));
  }

  private void completed(AsyncFuture<?> f) {
    counter--;
    if (counter <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
        || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled()
            && f.exception() != null)) {
      if (timer != null) {
        timer.cancel();
      }
      if (!waiter.isDone()) {
        waiter.setResult(null);
      }
    }
  }
}
