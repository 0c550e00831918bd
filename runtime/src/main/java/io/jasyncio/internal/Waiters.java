package io.jasyncio.internal;

import io.jasyncio.Asyncio;
import io.jasyncio.AsyncFuture;
import io.jasyncio.EventLoop;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The FIFO of futures that tasks blocked on a synchronisation primitive await (asyncio's
 * {@code _waiters} deque), and the loop the primitive is bound to (asyncio's
 * {@code _LoopBoundMixin}): the first loop that makes a waiter, for good.
 */
public final class Waiters implements Iterable<AsyncFuture<Object>> {
  private final ArrayDeque<AsyncFuture<Object>> futures = new ArrayDeque<>();
  private final String owner;
  private EventLoop loop;

  /** The waiters of a primitive of kind {@code owner} ("Lock"), named in a wrong-loop error. */
  public Waiters(String owner) {
    this.owner = owner;
  }

  /** A new pending future of the running loop, appended at the back. */
  public AsyncFuture<Object> add() {
    AsyncFuture<Object> f = loop().createFuture();
    futures.addLast(f);
    return f;
  }

  /** The running loop, which must be the one the primitive is bound to. */
  public EventLoop loop() {
    EventLoop running = Asyncio.getRunningLoop();
    if (loop == null) {
      loop = running;
    } else if (loop != running) {
      throw new IllegalStateException(owner + " is bound to a different event loop");
    }
    return running;
  }

  /** Removes {@code f} if it is still here (by identity). */
  public void remove(AsyncFuture<?> f) {
    for (Iterator<AsyncFuture<Object>> it = futures.iterator(); it.hasNext(); ) {
      if (it.next() == f) {
        it.remove();
        return;
      }
    }
  }

  /** Removes and returns the first future, or null. */
  public AsyncFuture<Object> poll() {
    return futures.pollFirst();
  }

  /** Sets {@code value} on the first future that is not done; returns whether there was one. */
  public boolean wakeFirst(Object value) {
    for (AsyncFuture<Object> f : futures) {
      if (!f.isDone()) {
        f.setResult(value);
        return true;
      }
    }
    return false;
  }

  /** Whether some future is not cancelled (a task still waits, or was woken and will run). */
  public boolean anyNotCancelled() {
    for (AsyncFuture<Object> f : futures) {
      if (!f.isCancelled()) {
        return true;
      }
    }
    return false;
  }

  /** How many futures there are. */
  public int size() {
    return futures.size();
  }

  /** Whether there is none. */
  public boolean isEmpty() {
    return futures.isEmpty();
  }

  @Override
  public Iterator<AsyncFuture<Object>> iterator() {
    return futures.iterator();
  }
}
