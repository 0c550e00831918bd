package io.jasyncio;

import io.jasyncio.internal.ExceptionLog;
import io.jasyncio.internal.NeverAwaitedWatch;
import io.jasyncio.internal.Repr;
import io.jasyncio.internal.Unchecked;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The low-level settable future of an event loop, asyncio's {@code Future}. Make one with
 * {@code getRunningLoop().createFuture()}, hand it to whoever produces the value, and
 * {@code await} it; the producer calls {@link #setResult} or {@link #setException}.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>pending</td><td>creation</td></tr>
 *   <tr><td>finished</td><td>{@link #setResult} or {@link #setException}</td></tr>
 *   <tr><td>cancelled</td><td>{@link #cancel()}</td></tr>
 * </table>
 *
 * <p>When it becomes done, each done-callback and each task awaiting it is queued on the loop's
 * ready queue in the order they were added; none runs inside {@code setResult}. A task awaiting
 * the future is queued itself: waking it allocates nothing.
 *
 * <p>All methods run on the loop's thread; to complete a future from another thread, go through
 * {@link EventLoop#callSoonThreadsafe}: {@code loop.callSoonThreadsafe(() -> f.setResult(v))}.
 * In debug mode ({@link EventLoop#setDebug}) {@code setResult}, {@code setException},
 * {@code cancel}, {@code addDoneCallback} and {@code removeDoneCallback} called on another thread
 * while the loop runs throw {@code IllegalStateException}, as asyncio's debug mode raises
 * {@code RuntimeError}; outside debug mode they are not checked (only asserted, with
 * {@code -ea}): such a call races with the loop, and a task waiting on the future may not wake
 * before the loop wakes up for something else. {@code toString()} uses asyncio's repr:
 * {@code <Future pending>}, {@code <Future finished result=42>},
 * {@code <Future finished exception=IllegalStateException('x')>}, {@code <Future cancelled>}.
 *
 * <p>A future that failed and is garbage-collected before anyone retrieved its exception (by
 * awaiting it, or calling {@link #result()} or {@link #exception()}) is reported to its loop's
 * {@link EventLoop#callExceptionHandler exception handler}: {@code Task exception was never
 * retrieved} (or {@code Future ...}), with the exception and the future's repr; a future of no
 * loop is logged as the default handler logs.
 *
 * <p>Differs from asyncio: a done-callback receives
 * the future as {@code AsyncFuture<T>} (for a task, cast it to {@code Task<T>}).
 *
 * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
 * thrown at that {@code await}.
 *
 * @param <T> the result type
 */
public non-sealed class AsyncFuture<T> implements Awaitable<T> {
  private static final byte PENDING = 0;
  /** Finished with a result. */
  private static final byte FINISHED = 1;
  private static final byte CANCELLED = 2;
  /** Finished with an exception. */
  private static final byte FAILED = 3;

  /** Its loop; null only for a gather made outside any loop until it is first awaited or run. */
  EventLoop loop;
  private byte state;
  /**
   * Set only while a gather starts, on the futures it has met: how it finds a future given twice
   * without hashing every child. In the gap after {@code state}, so it adds no byte.
   */
  boolean gatherMark;
  /**
   * The result (FINISHED), the exception (FAILED; until someone reads it, the never-retrieved
   * watch that holds it), or the CancelledException to throw (CANCELLED; null until first asked
   * for). One field for all of them keeps every task smaller.
   */
  private Object outcome;
  /**
   * Null, the one done-callback or waiting task, or a {@link Callbacks} list of them: there
   * usually is only one.
   */
  private Object callbacks;

  AsyncFuture(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * A {@code CompletableFuture} that completes as this future does: with its result, its very
   * exception, or cancelled; for code on other threads, which may {@code join()} it. Cancelling
   * the {@code CompletableFuture} cancels this future, on the loop's thread. Call it on the
   * loop's thread, as every method of this class.
   */
  public CompletableFuture<T> toCompletableFuture() {
    CompletableFuture<T> out = new CompletableFuture<>();
    addDoneCallback(f -> completeFrom(f, out));
    EventLoop owner = loop;
    out.whenComplete((v, e) -> {
      if (out.isCancelled() && owner != null) {
        owner.callSoonThreadsafe(() -> cancel());
      }
    });
    return out;
  }

  /** Completes {@code out} as {@code done} completed. */
  static <T> void completeFrom(AsyncFuture<T> done, CompletableFuture<T> out) {
    if (done.isCancelled()) {
      out.cancel(false);
    } else if (done.exception() != null) {
      out.completeExceptionally(done.exception());
    } else {
      out.complete(done.result());
    }
  }

  /** The loop this future belongs to (asyncio's {@code get_loop()}). */
  public EventLoop getLoop() {
    return loop;
  }

  /** Whether it has a result, an exception, or was cancelled. */
  public boolean isDone() {
    return state != PENDING;
  }

  /** Whether it was cancelled. */
  public boolean isCancelled() {
    return state == CANCELLED;
  }

  /**
   * The result; if it failed, throws its exception unchanged (checked ones too, undeclared).
   *
   * @throws CancelledException if it was cancelled
   * @throws IllegalStateException if it is not done yet (asyncio's {@code InvalidStateError})
   */
  @SuppressWarnings("unchecked")
  public T result() {
    if (state == PENDING) {
      throw new IllegalStateException("Result is not ready.");
    }
    if (state == CANCELLED) {
      throw cancelledException();
    }
    if (state == FAILED) {
      throw Unchecked.rethrow(retrievedFailure());
    }
    return (T) outcome;
  }

  /**
   * The exception it failed with, or null if it has a result.
   *
   * @throws CancelledException if it was cancelled
   * @throws IllegalStateException if it is not done yet
   */
  public Throwable exception() {
    if (state == PENDING) {
      throw new IllegalStateException("Exception is not set.");
    }
    if (state == CANCELLED) {
      throw cancelledException();
    }
    return state == FAILED ? retrievedFailure() : null;
  }

  /**
   * Finishes the future with {@code value}.
   *
   * @throws IllegalStateException if it is already done
   */
  public void setResult(T value) {
    checkThread("AsyncFuture.setResult");
    checkPending();
    finish(value);
  }

  /**
   * Finishes the future with the exception {@code e}, which its awaiters get unchanged.
   *
   * @throws IllegalStateException if it is already done
   */
  public void setException(Throwable e) {
    if (e == null) {
      throw new NullPointerException("exception");
    }
    checkThread("AsyncFuture.setException");
    checkPending();
    fail(e);
  }

  /**
   * Cancels the future if it is pending and queues its callbacks. Returns false if it was
   * already done.
   */
  public boolean cancel() {
    return cancel(null);
  }

  /**
   * Same as {@link #cancel()}, with the message of the {@code CancelledException} its awaiters
   * get (asyncio's {@code cancel(msg)}); null for none.
   */
  public boolean cancel(String message) {
    checkThread("AsyncFuture.cancel");
    if (state != PENDING) {
      return false;
    }
    cancelWith(message == null ? null : new CancelledException(loop, message));
    return true;
  }

  /**
   * Adds a callback run with this future once it is done; if it already is, the callback is
   * queued on the loop at once. Callbacks run in the order they were added.
   */
  public void addDoneCallback(Consumer<? super AsyncFuture<T>> callback) {
    checkThread("AsyncFuture.addDoneCallback");
    if (callback == null) {
      throw new NullPointerException("callback");
    }
    if (state != PENDING) {
      if (loop == null) {
        // An empty gather made outside any loop: it is done, but has no loop to queue on yet.
        EventLoop running = EventLoop.current();
        if (running == null) {
          throw new IllegalStateException("no running event loop to run the callback on");
        }
        attach(running);
      }
      schedule(callback);
    } else {
      addCallback(callback);
    }
  }

  /** Removes every registration of {@code callback}; returns how many there were. */
  public int removeDoneCallback(Consumer<? super AsyncFuture<T>> callback) {
    checkThread("AsyncFuture.removeDoneCallback");
    List<Object> kept = new ArrayList<>();
    int removed = 0;
    for (Object c : callbacks()) {
      if (c.equals(callback)) {
        removed++;
      } else {
        kept.add(c);
      }
    }
    if (removed > 0) {
      callbacks = null;
      kept.forEach(this::addCallback);
    }
    return removed;
  }

  @Override
  public String toString() {
    return "<" + reprName() + " " + reprState() + reprDetails() + reprOutcome() + ">";
  }

  // ---- for Task, gather and the engine ------------------------------------------------------

  /** The class name in toString(). */
  String reprName() {
    return "Future";
  }

  /** What toString() shows between the state and the outcome, with a leading space. */
  String reprDetails() {
    return "";
  }

  String reprState() {
    return state == PENDING ? "pending" : state == CANCELLED ? "cancelled" : "finished";
  }

  private String reprOutcome() {
    if (state == FAILED) {
      return " exception=" + Repr.of(failure());
    }
    return state == FINISHED ? " result=" + Repr.of(outcome) : "";
  }

  /** Registers a task to be queued when this future is done: the task is its own callback. */
  final void addWaiter(Task<?> task) {
    addCallback(task);
  }

  /** Finishes with a value, bypassing Task's refusal of setResult. */
  final void finish(T value) {
    assert loop == null || loop.inEventLoop();
    outcome = value;
    state = FINISHED;
    scheduleCallbacks();
  }

  /** Finishes with an exception, bypassing Task's refusal of setException. */
  final void fail(Throwable e) {
    assert loop == null || loop.inEventLoop();
    outcome = e;
    state = FAILED;
    // Watched until someone reads the exception; the watch holds this future only phantomly.
    outcome = NeverAwaitedWatch.unretrieved(this, toString(), e,
        loop != null ? loop.exceptionReporter : ExceptionLog::log);
    scheduleCallbacks();
  }

  /** Cancels; {@code cause} (may be null) is what awaiters will get thrown. */
  final void cancelWith(CancelledException cause) {
    outcome = cause;
    state = CANCELLED;
    scheduleCallbacks();
  }

  /** The result of a done future, or its exception thrown unchanged. */
  final Object outcomeOrThrow() throws Throwable {
    if (state == FINISHED) {
      return outcome;
    }
    throw state == FAILED ? retrievedFailure() : cancelledException();
  }

  /** The exception of a failed future, not counted as read (for toString). */
  private Throwable failure() {
    return outcome instanceof NeverAwaitedWatch watch ? watch.exception() : (Throwable) outcome;
  }

  /**
   * The exception of a failed future, now read: a failed future nobody looked at is the only one
   * that warns when collected.
   */
  private Throwable retrievedFailure() {
    if (outcome instanceof NeverAwaitedWatch watch) {
      outcome = watch.exception();
      watch.consumed();
    }
    return (Throwable) outcome;
  }

  /** The exception to throw for a cancelled future; made once, on demand. */
  final CancelledException cancelledException() {
    if (outcome == null) {
      outcome = new CancelledException(loop, null);
    }
    return (CancelledException) outcome;
  }

  /** Binds a future made outside any loop (a gather) to the loop that first needs it. */
  final void attach(EventLoop target) {
    if (loop == null) {
      loop = target;
      onAttach();
    }
  }

  /** Starts whatever waited for a loop; see {@link #attach}. */
  void onAttach() {}


  /** Refuses, in its loop's debug mode, a call from a thread other than the loop's. */
  final void checkThread(String operation) {
    EventLoop l = loop;
    if (l != null) {
      l.checkThread(operation);
    }
  }

  private void checkPending() {
    if (state != PENDING) {
      throw new IllegalStateException("invalid state: " + this);
    }
  }

  private void addCallback(Object callback) {
    Object present = callbacks;
    if (present == null) {
      callbacks = callback;
    } else if (present instanceof Callbacks list) {
      list.add(callback);
    } else {
      Callbacks list = new Callbacks();
      list.add(present);
      list.add(callback);
      callbacks = list;
    }
  }

  /** The done-callbacks and waiting tasks, in the order added; for the call graph. */
  final List<Object> callbacks() {
    Object present = callbacks;
    List<Object> all = new ArrayList<>();
    if (present instanceof Callbacks list) {
      all.addAll(list);
    } else if (present != null) {
      all.add(present);
    }
    return all;
  }

  /** Queues every callback, in the order added; asyncio's {@code __schedule_callbacks}. */
  private void scheduleCallbacks() {
    Object present = callbacks;
    if (present == null) {
      return;
    }
    callbacks = null;
    if (present instanceof Callbacks list) {
      for (Object c : list) {
        schedule(c);
      }
    } else {
      schedule(present);
    }
  }

  /** Two or more callbacks in the order added; a private type, so no callback is taken for one. */
  private static final class Callbacks extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    Callbacks() {
      super(4);
    }
  }

  @SuppressWarnings("unchecked")
  private void schedule(Object callback) {
    if (callback instanceof Task<?> waiter) {
      loop.wake(waiter);
    } else {
      loop.queue(new Handle((Consumer<? super AsyncFuture<T>>) callback, this));
    }
  }
}
