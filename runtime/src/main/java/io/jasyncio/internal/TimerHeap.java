package io.jasyncio.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A binary min-heap of scheduled timers, the loop's {@code _scheduled} heapq in asyncio, which
 * also drops cancelled timers as asyncio's {@code BaseEventLoop._run_once} does: all of them in
 * one linear rebuild once more than half of over 100 timers are cancelled, otherwise those that
 * reach the top. So cancelling a million sleeping tasks leaves no million dead timers behind,
 * and a few cancelled ones cost no rebuild. Not thread-safe: only the loop thread uses it.
 *
 * @param <E> the timer type
 */
public final class TimerHeap<E> {
  /** asyncio's {@code _MIN_SCHEDULED_TIMER_HANDLES}: smaller heaps are never rebuilt. */
  static final int MIN_TIMERS_FOR_PURGE = 100;
  private static final int INITIAL_CAPACITY = 16;

  private final Comparator<? super E> order;
  private final Predicate<? super E> isCancelled;
  private Object[] heap = new Object[INITIAL_CAPACITY];
  private int size;
  /** Timers held that were cancelled: asyncio's {@code _timer_cancelled_count}. */
  private int cancelled;

  /**
   * An empty heap ordered by {@code order} (earliest first), whose timers {@code isCancelled}
   * tells cancelled.
   */
  public TimerHeap(Comparator<? super E> order, Predicate<? super E> isCancelled) {
    this.order = order;
    this.isCancelled = isCancelled;
  }

  /** Number of timers held, cancelled ones included. */
  public int size() {
    return size;
  }

  /** Number of timers held that were cancelled, as counted by {@link #countCancelled()}. */
  public int cancelledCount() {
    return cancelled;
  }

  /** Whether the heap holds no timer. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Counts one more cancelled timer; call it once when a timer this heap holds is cancelled. */
  public void countCancelled() {
    cancelled++;
  }

  /**
   * Drops cancelled timers, handing each to {@code dropped}: all of them in one pass once they
   * are more than half (asyncio's {@code _MIN_CANCELLED_TIMER_HANDLES_FRACTION}) of over
   * {@code MIN_TIMERS_FOR_PURGE} timers, else only those at the top.
   */
  public void dropCancelled(Consumer<? super E> dropped) {
    if (size > MIN_TIMERS_FOR_PURGE && cancelled * 2 > size) {
      removeIf(t -> {
        if (isCancelled.test(t)) {
          dropped.accept(t);
          return true;
        }
        return false;
      });
    } else {
      for (E t = peek(); t != null && isCancelled.test(t); t = peek()) {
        dropped.accept(poll());
      }
    }
  }

  /** Adds a timer. */
  public void add(E timer) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    siftUp(size++, timer);
  }

  /** The earliest timer, or null when empty. */
  @SuppressWarnings("unchecked")
  public E peek() {
    return (E) heap[0];
  }

  /** Removes and returns the earliest timer, or null when empty. */
  @SuppressWarnings("unchecked")
  public E poll() {
    if (size == 0) {
      return null;
    }
    E first = (E) heap[0];
    E last = (E) heap[--size];
    heap[size] = null;
    if (size > 0) {
      siftDown(0, last);
    }
    if (cancelled > 0 && isCancelled.test(first)) {
      cancelled--;
    }
    return first;
  }

  /** Removes every timer {@code test} accepts, in one pass, and restores the heap order. */
  @SuppressWarnings("unchecked")
  public void removeIf(Predicate<? super E> test) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      E e = (E) heap[i];
      if (!test.test(e)) {
        heap[kept++] = e;
      } else if (cancelled > 0 && isCancelled.test(e)) {
        cancelled--;
      }
    }
    Arrays.fill(heap, kept, size, null);
    size = kept;
    if (heap.length > INITIAL_CAPACITY && size < heap.length / 4) {
      // A million timers gone: give their slots back too.
      heap = Arrays.copyOf(heap, Math.max(INITIAL_CAPACITY, size * 2));
    }
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i, (E) heap[i]);
    }
  }

  /** Removes every timer. */
  public void clear() {
    heap = new Object[INITIAL_CAPACITY];
    size = 0;
    cancelled = 0;
  }

  @SuppressWarnings("unchecked")
  private void siftUp(int index, E e) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      E p = (E) heap[parent];
      if (order.compare(e, p) >= 0) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
  }

  @SuppressWarnings("unchecked")
  private void siftDown(int index, E e) {
    int i = index;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      E c = (E) heap[child];
      int right = child + 1;
      if (right < size && order.compare((E) heap[right], c) < 0) {
        child = right;
        c = (E) heap[child];
      }
      if (order.compare(e, c) <= 0) {
        break;
      }
      heap[i] = c;
      i = child;
    }
    heap[i] = e;
  }
}
