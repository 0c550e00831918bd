package io.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The future {@link Asyncio#gather} returns, asyncio's {@code _GatheringFuture}: done when all its
 * children are, with their results in argument order, or failed with the first child exception,
 * while the other children keep running. Cancelling it cancels the children.
 *
 * <p>A gather made where no loop runs (as in {@code run(gather(a(), b()))}) claims its coroutines
 * at once but wraps them in tasks only when it is first awaited or run, on that loop.
 *
 * <p>An awaitable given twice is one child, watched once, as asyncio's {@code arg_to_fut}. The
 * usual gather has no duplicate, so none is looked for with a map: a coroutine given twice is
 * found claimed the second time, and its task is the one made for its first place; a future is
 * marked while its gather starts ({@link AsyncFuture#gatherMark}).
 */
final class GatheringFuture<T> extends AsyncFuture<List<T>> {
  /** The arguments, copied; null once start() has turned the list into {@link #children}. */
  private List<Awaitable<? extends T>> arguments;
  /** asyncio's return_exceptions: failures are results, in their place in the list. */
  private final boolean returnExceptions;
  private final Consumer<AsyncFuture<?>> onChildDone = new ChildDone();
  /**
   * One future per argument, duplicates included; null until attached to a loop. The list of
   * arguments itself, each replaced by its future: a gather of a thousand tasks copies no second
   * list.
   */
  private List<AsyncFuture<? extends T>> children;
  private int unfinished;
  private boolean cancelRequested;
  private String cancelMessage;

  private GatheringFuture(EventLoop loop, List<Awaitable<? extends T>> arguments,
      boolean returnExceptions) {
    super(loop);
    this.arguments = arguments;
    this.returnExceptions = returnExceptions;
  }

  /** Asyncio.gather: see there. */
  static <T> AsyncFuture<List<T>> of(Collection<? extends Awaitable<? extends T>> awaitables) {
    return of(awaitables, false);
  }

  /**
   * Asyncio.gather with asyncio's {@code return_exceptions}: when set, an exception (or the
   * {@code CancelledException} of a cancelled child) stands in the list in place of a result,
   * which is why the caller types the list's elements as {@code Object}.
   */
  static <T> AsyncFuture<List<T>> of(Collection<? extends Awaitable<? extends T>> awaitables,
      boolean returnExceptions) {
    EventLoop loop = EventLoop.current();
    List<Awaitable<? extends T>> arguments = new ArrayList<>(awaitables);
    if (arguments.isEmpty()) {
      AsyncFuture<List<T>> none = new AsyncFuture<>(loop);
      none.finish(new ArrayList<>());
      return none;
    }
    // The arguments before the current one, made only once a claimed coroutine shows up: it is
    // a duplicate (claimed here) or was awaited or scheduled elsewhere (claim() throws).
    Set<Object> earlier = null;
    for (int i = 0; i < arguments.size(); i++) {
      Awaitable<? extends T> a = arguments.get(i);
      if (a == null) {
        throw new NullPointerException("gather argument");
      }
      if (a instanceof Coroutine<?> coro) {
        if (coro.isClaimed() && earlier == null) {
          earlier = identitySet();
          earlier.addAll(arguments.subList(0, i));
        }
        if (earlier == null || !earlier.contains(coro)) {
          // Claimed now, as asyncio wraps it in a task now: reusing it fails here, and the
          // never-awaited watch knows it was scheduled.
          coro.claim();
        }
      } else if (loop == null) {
        loop = ((AsyncFuture<?>) a).loop;
      }
      if (earlier != null) {
        earlier.add(a);
      }
    }
    GatheringFuture<T> gather = new GatheringFuture<>(loop, arguments, returnExceptions);
    if (loop != null) {
      gather.start();
    }
    return gather;
  }

  @Override
  void onAttach() {
    start();
  }

  /** Wraps coroutines in tasks, in argument order, and watches every child once. */
  @SuppressWarnings("unchecked")
  private void start() {
    boolean[] repeated = repeatedFutures();
    List<Awaitable<? extends T>> args = arguments;
    for (int i = 0; i < args.size(); i++) {
      Awaitable<? extends T> a = args.get(i);
      AsyncFuture<? extends T> f;
      boolean first;
      if (a instanceof Coroutine<? extends T> coro) {
        // Its task, if it has one, was made for an earlier place in this gather.
        first = coro.task == null;
        f = first ? loop.newTask(coro, null) : (AsyncFuture<? extends T>) coro.task;
      } else {
        first = repeated == null || !repeated[i];
        f = first ? own(a) : (AsyncFuture<? extends T>) a;
      }
      if (first) {
        unfinished++;
        f.addDoneCallback(onChildDone);
      }
      args.set(i, f);
    }
    children = (List<AsyncFuture<? extends T>>) (List<?>) args;
    arguments = null;
  }

  /**
   * Which future arguments repeat one given earlier, or null if none does: each future is marked
   * when first met, then every mark is taken off again, all before any child is touched, since
   * attaching a nested gather (in own) starts it, and its own start uses the marks too. A mark
   * costs no byte (it fills a gap in the future's layout), where the identity set used before
   * hashed every child, the most part of gathering a list of a thousand tasks.
   */
  private boolean[] repeatedFutures() {
    boolean[] repeated = null;
    List<Awaitable<? extends T>> args = arguments;
    int n = args.size();
    for (int i = 0; i < n; i++) {
      if (args.get(i) instanceof AsyncFuture<?> f) {
        if (f.gatherMark) {
          if (repeated == null) {
            repeated = new boolean[n];
          }
          repeated[i] = true;
        } else {
          f.gatherMark = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (args.get(i) instanceof AsyncFuture<?> f) {
        f.gatherMark = false;
      }
    }
    return repeated;
  }

  private static Set<Object> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private AsyncFuture<? extends T> own(Awaitable<? extends T> a) {
    AsyncFuture<? extends T> f = (AsyncFuture<? extends T>) a;
    if (f.loop == null) {
      f.attach(loop);
    } else if (f.loop != loop) {
      throw new IllegalArgumentException("all futures must belong to the same event loop");
    }
    return f;
  }

  private void childDone(AsyncFuture<?> child) {
    if (isDone()) {
      return;
    }
    if (!returnExceptions) {
      if (child.isCancelled()) {
        fail(child.cancelledException());
        return;
      }
      Throwable e = child.exception();
      if (e != null) {
        fail(e);
        return;
      }
    }
    if (--unfinished == 0) {
      List<T> results = new ArrayList<>(children.size());
      for (AsyncFuture<? extends T> f : children) {
        results.add(outcomeOf(f));
      }
      if (cancelRequested) {
        fail(new CancelledException(loop, cancelMessage));
      } else {
        finish(results);
      }
    }
  }

  /** A child's result, or (return_exceptions) its exception or cancellation in its place. */
  @SuppressWarnings("unchecked")
  private T outcomeOf(AsyncFuture<? extends T> f) {
    if (f.isCancelled()) {
      return (T) f.cancelledException();
    }
    Throwable e = f.exception();
    return e != null ? (T) e : f.result();
  }

  /** Cancels the children; the gather fails with CancelledException once they are done. */
  @Override
  public boolean cancel(String message) {
    if (isDone()) {
      return false;
    }
    if (children == null) {
      return super.cancel(message);
    }
    boolean any = false;
    for (AsyncFuture<? extends T> f : children) {
      if (f.cancel(message)) {
        any = true;
      }
    }
    if (any) {
      cancelRequested = true;
      cancelMessage = message;
    }
    return any;
  }

  @Override
  String reprName() {
    return "GatheringFuture";
  }

  /** The callback on each child; a relay to this gather, so the call graph sees who awaits it. */
  private final class ChildDone implements Consumer<AsyncFuture<?>>, Relay {
    @Override
    public void accept(AsyncFuture<?> child) {
      childDone(child);
    }

    @Override
    public AsyncFuture<?> relayTarget() {
      return GatheringFuture.this;
    }
  }
}
