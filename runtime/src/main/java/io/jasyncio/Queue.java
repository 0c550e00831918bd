package io.jasyncio;

import io.jasyncio.internal.Blocking;
import io.jasyncio.internal.Waiters;
import java.util.ArrayDeque;

/**
 * A first-in, first-out queue for producer and consumer tasks, asyncio's {@code Queue}. With a
 * {@code maxsize} above zero, {@link #put} waits while the queue is full; {@link #get} waits
 * while it is empty. Tasks blocked in {@code put} or {@code get} are served in the order they
 * came. {@link #taskDone()} and {@link #join()} track how many items are still being processed.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(10);
 * await(q.put("job"));          // producer
 * String job = await(q.get());  // consumer
 * ...
 * q.taskDone();
 * await(q.join());              // until every item put was taskDone()
 * }</pre>
 *
 * <p>{@link PriorityQueue} and {@link LifoQueue} keep items in another order.
 *
 * <p>{@link #shutdown()} ends it (Python 3.13): puts then throw {@link QueueShutDownException},
 * gets once the queue is empty (at once after {@link #shutdown(boolean) shutdown(true)}, which
 * also drops the items left), and tasks blocked in either are woken to throw it.
 *
 * <p>Differs from asyncio: items may not be null (as in {@code java.util} queues);
 * {@code ValueError} is {@code IllegalArgumentException}; {@code QueueEmpty}/{@code QueueFull} are
 * {@link QueueEmptyException}/{@link QueueFullException}.
 *
 * @param <T> the item type
 */
public class Queue<T> {
  private final int maxsize;
  private final java.util.Queue<T> items;
  private final Waiters getters = new Waiters("Queue");
  private final Waiters putters = new Waiters("Queue");
  private final Event finished = new Event();
  private int unfinishedTasks;
  private boolean isShutdown;

  /** An unbounded queue. */
  public Queue() {
    this(0);
  }

  /** A queue of at most {@code maxsize} items; zero or less: unbounded. */
  public Queue(int maxsize) {
    this(maxsize, new ArrayDeque<>());
  }

  /**
   * A queue of at most {@code maxsize} items kept in {@code items}, whose {@code offer} and
   * {@code poll} give the order (asyncio's overridable {@code _put}/{@code _get}).
   */
  protected Queue(int maxsize, java.util.Queue<T> items) {
    this.maxsize = maxsize;
    this.items = items;
    finished.set();
  }

  /** How many items are in the queue. */
  public int qsize() {
    return items.size();
  }

  /** The most items it holds; zero or less means unbounded. */
  public int maxsize() {
    return maxsize;
  }

  /** Whether it holds no item. */
  public boolean empty() {
    return items.isEmpty();
  }

  /** Whether it holds {@code maxsize} items; never for an unbounded queue. */
  public boolean full() {
    return maxsize > 0 && items.size() >= maxsize;
  }

  /**
   * Puts {@code item} in the queue, waiting while it is full.
   *
   * <p>Throws {@link QueueShutDownException} (at the await) if the queue is shut down, also
   * while this put waits.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Void> put(T item) {
    if (item == null) {
      throw new NullPointerException("item");
    }
    return new Put(item);
  }

  /**
   * Puts {@code item} in the queue at once and wakes the first task waiting in {@link #get}.
   *
   * @throws QueueShutDownException if the queue is shut down
   * @throws QueueFullException if it is full
   */
  public void putNowait(T item) {
    if (item == null) {
      throw new NullPointerException("item");
    }
    if (isShutdown) {
      throw new QueueShutDownException();
    }
    if (full()) {
      throw new QueueFullException();
    }
    items.offer(item);
    unfinishedTasks++;
    finished.clear();
    wakeUpNext(getters);
  }

  /**
   * Takes an item out of the queue, waiting while it is empty.
   *
   * <p>Throws {@link QueueShutDownException} (at the await) if the queue is shut down and empty,
   * also when that happens while this get waits.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<T> get() {
    return new Get();
  }

  /**
   * Takes an item out at once and wakes the first task waiting in {@link #put}.
   *
   * @throws QueueShutDownException if it is empty and shut down
   * @throws QueueEmptyException if it is empty
   */
  public T getNowait() {
    if (items.isEmpty()) {
      if (isShutdown) {
        throw new QueueShutDownException();
      }
      throw new QueueEmptyException();
    }
    T item = items.poll();
    wakeUpNext(putters);
    return item;
  }

  /**
   * Says that an item taken out has been processed; when every item put has been, tasks in
   * {@link #join()} wake up.
   *
   * @throws IllegalArgumentException if called more times than items were put (asyncio's
   *     {@code ValueError})
   */
  public void taskDone() {
    if (unfinishedTasks <= 0) {
      throw new IllegalArgumentException("task_done() called too many times");
    }
    if (--unfinishedTasks == 0) {
      finished.set();
    }
  }

  /**
   * Waits until every item put in the queue has been taken out and {@link #taskDone()}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public Coroutine<Void> join() {
    return new Join();
  }

  /**
   * Shuts the queue down: {@link #shutdown(boolean) shutdown(false)}, Python 3.13's
   * {@code shutdown()}. Items already in it can still be taken out.
   */
  public void shutdown() {
    shutdown(false);
  }

  /**
   * Shuts the queue down, Python 3.13's {@code shutdown(immediate)}: from now on
   * {@link #put}/{@link #putNowait} throw {@link QueueShutDownException}, and so do
   * {@link #get}/{@link #getNowait} once the queue is empty. With {@code immediate} the queue is
   * emptied at once, each item dropped counting as {@link #taskDone()} (which may wake the tasks
   * in {@link #join()}), so gets throw straight away. Every task blocked in {@code put} or
   * {@code get} is woken: a put throws, a get takes an item if one is left, else throws.
   * Calling it again is harmless (a later immediate one still drops what is left).
   */
  public void shutdown(boolean immediate) {
    isShutdown = true;
    if (immediate) {
      while (!items.isEmpty()) {
        items.poll();
        if (unfinishedTasks > 0) {
          unfinishedTasks--;
        }
      }
      if (unfinishedTasks == 0) {
        finished.set();
      }
    }
    // Every blocked get and put must look again, and find the queue shut down.
    wakeAll(getters);
    wakeAll(putters);
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " maxsize=" + maxsize
        + (items.isEmpty() ? "" : " _queue=" + items)
        + (getters.isEmpty() ? "" : " _getters[" + getters.size() + "]")
        + (putters.isEmpty() ? "" : " _putters[" + putters.size() + "]")
        + (unfinishedTasks == 0 ? "" : " tasks=" + unfinishedTasks)
        + (isShutdown ? " shutdown" : "") + ">";
  }

  /** Wakes every waiter not done yet, emptying {@code waiters}. */
  private static void wakeAll(Waiters waiters) {
    for (AsyncFuture<Object> f = waiters.poll(); f != null; f = waiters.poll()) {
      if (!f.isDone()) {
        f.setResult(null);
      }
    }
  }

  /** Wakes the first waiter that is not done, dropping those before it. */
  private static void wakeUpNext(Waiters waiters) {
    for (AsyncFuture<Object> f = waiters.poll(); f != null; f = waiters.poll()) {
      if (!f.isDone()) {
        f.setResult(null);
        return;
      }
    }
  }

  /**
   * After a wait in {@code get} or {@code put} failed: cancel the waiter, drop it, and if it had
   * been woken, pass the turn to the next one.
   */
  private static void giveUp(Waiters waiters, AsyncFuture<?> waiter, boolean canGoOn) {
    waiter.cancel();
    waiters.remove(waiter);
    if (canGoOn && !waiter.isCancelled()) {
      wakeUpNext(waiters);
    }
  }

  /** {@code put(item)}: asyncio's {@code Queue.put}. */
  private final class Put extends Blocking<Void> {
    private final T item;

    Put(T item) {
      super("Queue.put");
      this.item = item;
    }

    @Override
    protected boolean tryNow() {
      if (full()) {
        if (isShutdown) {
          throw new QueueShutDownException();
        }
        return false;
      }
      putNowait(item);
      complete(null);
      return true;
    }

    @Override
    protected AsyncFuture<?> waiter() {
      return putters.add();
    }

    @Override
    protected boolean woken(AsyncFuture<?> waiter, Throwable failure) {
      if (failure != null) {
        giveUp(putters, waiter, !full());
      }
      return false;
    }
  }

  /** {@code get()}: asyncio's {@code Queue.get}. */
  private final class Get extends Blocking<T> {
    Get() {
      super("Queue.get");
    }

    @Override
    protected boolean tryNow() {
      if (empty()) {
        if (isShutdown) {
          throw new QueueShutDownException();
        }
        return false;
      }
      complete(getNowait());
      return true;
    }

    @Override
    protected AsyncFuture<?> waiter() {
      return getters.add();
    }

    @Override
    protected boolean woken(AsyncFuture<?> waiter, Throwable failure) {
      if (failure != null) {
        giveUp(getters, waiter, !empty());
      }
      return false;
    }
  }

  /** {@code join()}: asyncio's {@code Queue.join}. */
  private final class Join extends Coroutine<Void> {
    Join() {
      super("Queue.join", false);
    }

    @Override
    protected void resume() throws Throwable {
      if (state == 0 && unfinishedTasks > 0 && suspendOn(finished.waitAsync(), 1)) {
        return;
      }
      if (state == 1) {
        awaited();
      }
      complete(null);
    }
  }
}
