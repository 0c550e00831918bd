package io.jasyncio.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * A binary min-heap of scheduled timers, the loop's {@code _scheduled} heapq in asyncio.
 *
 * <p>Unlike {@code java.util.PriorityQueue} it offers {@link #removeIf} as one linear rebuild,
 * which the loop uses to drop cancelled timers in bulk (asyncio does the same once more than half
 * of at least 100 scheduled timers are cancelled). Not thread-safe: only the loop thread uses it.
 *
 * @param <E> the timer type
 */
public final class TimerHeap<E> {
  private final Comparator<? super E> order;
  private Object[] heap = new Object[16];
  private int size;

  /** An empty heap ordered by {@code order} (earliest first). */
  public TimerHeap(Comparator<? super E> order) {
    this.order = order;
  }

  /** Number of timers held, cancelled ones included. */
  public int size() {
    return size;
  }

  /** Whether the heap holds no timer. */
  public boolean isEmpty() {
    return size == 0;
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
      }
    }
    Arrays.fill(heap, kept, size, null);
    size = kept;
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i, (E) heap[i]);
    }
  }

  /** Removes every timer. */
  public void clear() {
    Arrays.fill(heap, 0, size, null);
    size = 0;
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
