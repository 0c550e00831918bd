package io.jasyncio;

import java.util.Comparator;

/**
 * A {@link Queue} that gives the smallest item first, asyncio's {@code PriorityQueue}: items in
 * their natural order, or ordered by a comparator. Python's {@code (priority, item)} tuples
 * become a comparator, as in {@code new PriorityQueue<Job>(0, comparing(Job::priority))}.
 *
 * <p>As in Python (a heap), items that compare equal come out in no promised order.
 *
 * @param <T> the item type
 */
public final class PriorityQueue<T> extends Queue<T> {
  /** An unbounded queue of items in their natural order ({@code Comparable}). */
  public PriorityQueue() {
    this(0);
  }

  /** A queue of at most {@code maxsize} items in their natural order; zero or less: unbounded. */
  public PriorityQueue(int maxsize) {
    super(maxsize, new java.util.PriorityQueue<>());
  }

  /** A queue of at most {@code maxsize} items, smallest by {@code order} first. */
  public PriorityQueue(int maxsize, Comparator<? super T> order) {
    super(maxsize, new java.util.PriorityQueue<>(order));
  }
}
