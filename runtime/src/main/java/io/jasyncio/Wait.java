package io.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The coroutine {@link Asyncio#wait(Collection, ReturnWhen)} returns, asyncio's {@code wait}: it
 * waits for futures until the {@link ReturnWhen} condition holds or the timeout passes, and
 * finishes with the {@code done} and {@code pending} sets. It raises nothing for the futures'
 * failures, nor for the timeout.
 *
 * <p>The items may also be {@code CompletionStage}s: each is followed through a
 * {@link StageFuture}, and the sets hold the stages themselves, sorted by whether their outcome
 * has reached the loop.
 *
 * @param <F> the type of the items: futures (or tasks), or stages
 */
final class Wait<F> extends Coroutine<DoneAndPending<F>> {
  /** The distinct items, in their first order. */
  private final List<F> items = new ArrayList<>();
  /** The future that stands for each item, at the same index. */
  private final List<AsyncFuture<?>> futures = new ArrayList<>();
  private final double timeout;
  private final ReturnWhen returnWhen;
  private final Consumer<AsyncFuture<?>> onCompletion = this::completed;
  private AsyncFuture<Void> waiter;
  private TimerHandle timer;
  private int counter;

  private Wait(Collection<? extends F> given, double timeout, ReturnWhen returnWhen) {
    super("wait", false);
    if (returnWhen == null) {
      throw new NullPointerException("returnWhen");
    }
    if (Double.isNaN(timeout)) {
      throw new IllegalArgumentException("timeout is NaN");
    }
    // Identity, not equals: a set of distinct futures, as Python's set(fs).
    Set<F> unique = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (F f : given) {
      if (f == null) {
        throw new NullPointerException("future");
      }
      if (unique.add(f)) {
        items.add(f);
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
    }
    this.timeout = timeout;
    this.returnWhen = returnWhen;
  }

  /** {@code Asyncio.wait} of futures or tasks. */
  static <F extends AsyncFuture<?>> Wait<F> ofFutures(Collection<F> futures, double timeout,
      ReturnWhen returnWhen) {
    Wait<F> wait = new Wait<>(futures, timeout, returnWhen);
    wait.futures.addAll(wait.items);
    return wait;
  }

  /** {@code Asyncio.wait} of stages, each followed by a future of its own. */
  static <S extends CompletionStage<?>> Wait<S> ofStages(Iterable<S> stages, double timeout,
      ReturnWhen returnWhen) {
    List<S> all = new ArrayList<>();
    stages.forEach(all::add);
    Wait<S> wait = new Wait<>(all, timeout, returnWhen);
    for (S s : wait.items) {
      CompletionStage<?> stage = s;
      wait.futures.add(StageFuture.of(stage));
    }
    return wait;
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
      for (AsyncFuture<?> f : futures) {
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
      for (AsyncFuture<?> f : futures) {
        f.removeDoneCallback(onCompletion);
      }
    }
    List<F> done = new ArrayList<>();
    List<F> pending = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      (futures.get(i).isDone() ? done : pending).add(items.get(i));
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
