package io.jasyncio;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A coroutine scheduled on the loop, asyncio's {@code Task}. Create one with
 * {@link Asyncio#createTask} (or {@link EventLoop#createTask}); its first step is queued at once
 * and it then runs concurrently with its creator. A task is a future of its coroutine's outcome:
 * await it, or read {@link #result()} once {@link #isDone()}.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>pending</td><td>creation; the first step is queued</td></tr>
 *   <tr><td>pending, cancelling</td><td>{@link #cancel()}: a {@code CancelledException} is thrown
 *       at the await the task is suspended on (or, before its first step, its body never runs)</td></tr>
 *   <tr><td>finished</td><td>its coroutine returned or threw</td></tr>
 *   <tr><td>cancelled</td><td>a {@code CancelledException} escaped its coroutine</td></tr>
 * </table>
 *
 * <p>Scheduling: the task is queued on the ready queue itself (no wrapper) for its first step,
 * after a bare yield ({@code sleep(0)}), and when what it awaits is done; each step resumes the
 * innermost suspended coroutine and, as coroutines finish, their awaiters, without recursion.
 *
 * <p>{@code toString()}: {@code <Task pending name='Task-1' coro=<coroutine object numSum at
 * 0x1b2c>>}, {@code <Task finished name='Task-1' coro=<...> result=3>}.
 *
 * <p>Differs from asyncio: {@code setResult}/{@code setException} throw
 * {@code UnsupportedOperationException} (asyncio raises {@code RuntimeError}); names count up
 * per process (like asyncio) so {@code Task-1} is the first task of the program; no cancel
 * message, {@code uncancel} or {@code cancelling} count yet.
 *
 * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
 * thrown at that {@code await}.
 *
 * @param <T> the result type
 */
public final class Task<T> extends AsyncFuture<T> {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Coroutine<T> coro;
  private final String name;
  /** The coroutine to resume at the next step: the innermost one, suspended at a leaf await. */
  Coroutine<?> leaf;
  /** How deep coroutines now run inline, one awaiting the next, on the loop's stack. */
  int inlineDepth;
  /** The leaf is a coroutine not started yet, handed over because the stack was deep. */
  boolean startLeaf;
  /** What it is suspended on and cancel() must cancel: an AsyncFuture, a TimerHandle, or null. */
  private Object waitingOn;
  /** cancel() found nothing to cancel: throw CancelledException into the coroutine at its step. */
  private boolean mustCancel;
  /** Links of the loop's list of pending tasks. */
  Task<?> previousLive;
  Task<?> nextLive;

  Task(EventLoop loop, Coroutine<T> coro, String name) {
    super(loop);
    this.coro = coro;
    this.name = name != null ? name : "Task-" + COUNTER.incrementAndGet();
    this.leaf = coro;
  }

  /** The task's name, {@code Task-1}, {@code Task-2}, ... unless one was given. */
  public String getName() {
    return name;
  }

  /** The coroutine this task runs. */
  public Coroutine<T> getCoro() {
    return coro;
  }

  /**
   * Requests cancellation: a {@code CancelledException} is thrown into the coroutine at the
   * await it is suspended on, whose future is cancelled too; a task that has not taken its first
   * step never runs its body. The task ends cancelled unless its coroutine catches the exception.
   * Returns false if the task is already done.
   */
  @Override
  public boolean cancel() {
    assert loop.inEventLoop();
    if (isDone()) {
      return false;
    }
    Object w = waitingOn;
    if (w instanceof AsyncFuture<?> future) {
      // Cancelling the future queues this task, and awaited() then throws CancelledException.
      if (future.cancel()) {
        return true;
      }
    } else if (w instanceof TimerHandle timer) {
      // A sleep: stop its timer and wake the task now, as cancelling asyncio's sleep future does.
      timer.cancel();
      waitingOn = null;
      loop.wake(this);
    }
    mustCancel = true;
    return true;
  }

  /** Always throws: a task's result comes from its coroutine. */
  @Override
  public void setResult(T value) {
    throw new UnsupportedOperationException("Task does not support setResult");
  }

  /** Always throws: a task's exception comes from its coroutine. */
  @Override
  public void setException(Throwable e) {
    throw new UnsupportedOperationException("Task does not support setException");
  }

  @Override
  String reprName() {
    return "Task";
  }

  @Override
  String reprState() {
    return !isDone() && mustCancel ? "cancelling" : super.reprState();
  }

  @Override
  String reprDetails() {
    return " name='" + name + "' coro=" + coro;
  }

  // ---- the engine ------------------------------------------------------------------------------

  /** One step, run by the loop when it pops this task from the ready queue. */
  void step() {
    assert loop.inEventLoop();
    if (isDone()) {
      return;
    }
    waitingOn = null;
    Coroutine<?> c = leaf;
    if (mustCancel) {
      mustCancel = false;
      CancelledException cancel = new CancelledException();
      if (c.status == Coroutine.CREATED) {
        // Throwing into a coroutine that never started ends it before its first line.
        c.status = Coroutine.THREW;
        c.outcome = cancel;
        finishFrom(c);
        return;
      }
      c.awaiting = cancel;
    }
    loop.currentTask = this;
    try {
      // The trampoline: resume the leaf; while a coroutine finishes, resume its awaiter, which
      // reads the outcome through awaited(). A suspension anywhere ends the step.
      for (;;) {
        c.runStep();
        if (c.status == Coroutine.SUSPENDED) {
          if (!startLeaf) {
            return;
          }
          startLeaf = false; // a deep await handed its child over: start it here
          c = leaf;
          continue;
        }
        Coroutine<?> awaiter = c.parent;
        if (awaiter == null) {
          break;
        }
        c = awaiter;
      }
      finishFrom(c);
    } finally {
      loop.currentTask = null;
    }
  }

  /** The leaf coroutine suspends on a pending future (asyncio's {@code _fut_waiter}). */
  void waitFor(AsyncFuture<?> future) {
    waitingOn = future;
    future.addWaiter(this);
    // The task cancelled itself during this step: cancel what it now waits on, as asyncio does.
    if (mustCancel && future.cancel()) {
      mustCancel = false;
    }
  }

  /** The leaf coroutine yields until the next turn of the loop (asyncio's bare yield). */
  void yieldOnce() {
    loop.wake(this);
  }

  /** The leaf coroutine sleeps; the timer queues the task itself when it fires. */
  void sleepFor(double delay) {
    TimerHandle timer = new WakeTimer(loop, loop.time() + delay, this);
    loop.schedule(timer);
    waitingOn = timer;
    if (mustCancel) {
      timer.cancel();
      waitingOn = null;
      loop.wake(this);
    }
  }

  /** Takes the outcome of the task's outermost coroutine, which has just finished. */
  private void finishFrom(Coroutine<?> root) {
    loop.removeLive(this);
    if (root.status == Coroutine.RETURNED) {
      if (mustCancel) {
        // Cancelled during the very step in which its coroutine returned.
        mustCancel = false;
        cancelWith(null);
      } else {
        @SuppressWarnings("unchecked")
        T value = (T) root.outcome;
        finish(value);
      }
    } else if (root.outcome instanceof CancelledException cancelled) {
      cancelWith(cancelled);
    } else {
      fail((Throwable) root.outcome);
    }
  }

  /**
   * The timer of a sleeping task. When due it queues the task, like the timer callback of
   * asyncio's sleep completing its future, which queues the task's wake-up.
   */
  private static final class WakeTimer extends TimerHandle {
    private final Task<?> task;

    WakeTimer(EventLoop loop, double when, Task<?> task) {
      super(loop, when, null);
      this.task = task;
    }

    @Override
    void run() {
      task.waitingOn = null;
      task.loop.wake(task);
    }

    @Override
    public String toString() {
      return "<TimerHandle when=" + when() + " wakes " + task.getName() + ">";
    }
  }
}
