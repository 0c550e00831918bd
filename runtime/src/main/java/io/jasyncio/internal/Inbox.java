package io.jasyncio.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread-safe hand-off into an event loop: other threads {@link #offer} work, the loop thread
 * {@link #poll}s it and, when idle, {@link #awaitItem blocks} until work arrives or a timer is due.
 * It plays the part of asyncio's self-pipe behind {@code call_soon_threadsafe}.
 *
 * <p>Wake-up protocol: the loop publishes itself as {@code sleeper} and then checks the queue; a
 * producer enqueues and then checks {@code sleeper}. Both steps are volatile or CAS operations, so
 * at least one side sees the other: either the loop finds the item and does not park, or the
 * producer finds the sleeper and unparks it (an unpark before the park makes the park return).
 *
 * @param <E> the item type
 */
public final class Inbox<E> {
  private final ConcurrentLinkedQueue<E> items = new ConcurrentLinkedQueue<>();
  private volatile Thread sleeper;
  /** The loop thread was interrupted while the loop ran; read and written by that thread. */
  private boolean interrupted;
  private volatile boolean closed;

  /** An open, empty inbox. */
  public Inbox() {}

  /** Hands {@code item} to the loop from any thread; false (and dropped) once closed. */
  public boolean offer(E item) {
    if (closed) {
      return false;
    }
    items.offer(item);
    Thread s = sleeper;
    if (s != null) {
      LockSupport.unpark(s);
    }
    return true;
  }

  /** The oldest item, or null. */
  public E poll() {
    return items.poll();
  }

  /** Whether nothing is waiting. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /**
   * Blocks the calling (loop) thread for up to {@code nanos} ({@code Long.MAX_VALUE}: no limit)
   * unless an item is already waiting. May return early; the loop simply looks again.
   */
  public void awaitItem(long nanos) {
    // An interrupted thread's park returns at once, so the loop would spin at full CPU for as
    // long as it waits: the flag is taken here and given back when the loop stops.
    if (Thread.interrupted()) {
      interrupted = true;
    }
    sleeper = Thread.currentThread();
    try {
      if (items.isEmpty()) {
        if (nanos == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else {
          LockSupport.parkNanos(this, nanos);
        }
      }
    } finally {
      sleeper = null;
    }
  }

  /**
   * Whether the loop's thread was interrupted while it waited since the last call, clearing the
   * record: the loop sets its thread's interrupt flag again when it stops, for whoever owns the
   * thread.
   */
  public boolean takeInterrupt() {
    boolean was = interrupted;
    interrupted = false;
    return was;
  }

  /** Refuses further items and drops those waiting. */
  public void close() {
    closed = true;
    items.clear();
  }
}
