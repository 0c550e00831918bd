package io.jasyncio;

import java.util.Arrays;

/**
 * The coroutines created by the entry (task step or callback) a loop is running, whose
 * never-awaited watch is not armed yet. Most coroutines are made right inside {@code await(...)},
 * {@code createTask(...)} or {@code gather(...)} and claimed microseconds later, in the same step;
 * arming a watch for each (a {@code PhantomReference} and a synchronized link into a global list)
 * would be paid on the hot path for nothing. So a coroutine created while its thread runs a loop
 * only lands here, and after each entry the loop arms a watch for those still unclaimed, such as
 * one stored in a field, and forgets the rest.
 *
 * <p>Owned by the loop's thread, so it takes no lock; the array is reused from entry to entry,
 * so adding allocates nothing once it has grown to the number of coroutines a step leaves
 * unclaimed at once. A claim on the loop thread drops the claimed coroutines at the end of the
 * list at once ({@link #dropClaimedOnTop}), so {@code await(twice(x))} adds one and takes it back;
 * when the array is full anyway, the coroutines claimed meanwhile are dropped first: a step that
 * runs {@code for (...) await(twice(i));} a million times holds only a few of them at any moment,
 * not all million until it ends.
 *
 * <p>Holding the unclaimed ones strongly until the entry ends delays nothing a user can see: the
 * warning appears when a coroutine is collected, at whatever moment the collector runs, and
 * {@code NeverAwaitedWatch.collect()} called inside a step arms this list first.
 */
final class FreshCoroutines {
  private static final int INITIAL_CAPACITY = 16;
  /** A list grown past this by one large step is given back rather than kept for the next. */
  private static final int MAX_KEPT_CAPACITY = 1024;

  private final EventLoop loop;
  private Coroutine<?>[] items = new Coroutine<?>[INITIAL_CAPACITY];
  private int size;
  /** How many watches this list armed, for tests: the fast path is the one that arms none. */
  private long armed;

  FreshCoroutines(EventLoop loop) {
    this.loop = loop;
  }

  /** Adds a coroutine just made on the loop thread, its watch field set to the loop. */
  void add(Coroutine<?> coro) {
    if (size == items.length) {
      makeRoom();
    }
    items[size++] = coro;
  }

  /**
   * Drops the claimed coroutines at the end of the list, as the one just claimed: a coroutine made
   * inside {@code await(...)} is claimed right after it was added, so a chain of inline awaits
   * keeps the list at one entry and never sweeps it, and a gather, claiming its arguments in
   * order, drops them all with its last one.
   */
  void dropClaimedOnTop() {
    Coroutine<?>[] list = items;
    int n = size;
    while (n > 0 && !list[n - 1].isFreshIn(loop)) {
      list[--n] = null;
    }
    size = n;
  }

  /** Arms a watch for each coroutine still unclaimed, and empties the list; cheap when empty. */
  void armUnclaimed() {
    if (size != 0) {
      armAll();
    }
  }

  /** How many watches {@link #armUnclaimed} has armed since the loop was created. */
  long armedCount() {
    return armed;
  }

  /** The length of the array, for tests. */
  int capacity() {
    return items.length;
  }

  /**
   * Drops the coroutines claimed since they were added, then doubles the array if it is still at
   * least half full: each sweep is paid for by the adds that filled the room it made.
   */
  private void makeRoom() {
    Coroutine<?>[] list = items;
    int kept = 0;
    for (int i = 0; i < size; i++) {
      Coroutine<?> coro = list[i];
      list[i] = null;
      if (coro.isFreshIn(loop)) {
        list[kept++] = coro;
      }
    }
    size = kept;
    if (kept * 2 >= list.length) {
      items = Arrays.copyOf(list, list.length * 2);
    }
  }

  private void armAll() {
    Coroutine<?>[] list = items;
    int n = size;
    size = 0;
    if (list.length > MAX_KEPT_CAPACITY) {
      items = new Coroutine<?>[INITIAL_CAPACITY];
    }
    for (int i = 0; i < n; i++) {
      Coroutine<?> coro = list[i];
      list[i] = null;
      if (coro.armIfFresh(loop)) {
        armed++;
      }
    }
  }
}
