package io.jasyncio;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * per process (like asyncio) so {@code Task-1} is the first task of the program.
 *
 * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
 * thrown at that {@code await}.
 *
 * @param <T> the result type
 */
public final class Task<T> extends AsyncFuture<T> {
  private static final AtomicLong COUNTER = new AtomicLong();

  /**
   * The context variables' values this task sees (see {@link ContextVar}): the map inherited
   * from its creator, shared until this task first needs a {@link Context} of its own.
   */
  private Object context;
  /** The name given, or null until {@link #getName()} makes {@code Task-<number>}. */
  private String name;
  /**
   * The task's number, for its default name: drawn at creation, formatted only when asked. An
   * int keeps the task small; past the 2,147,483,647th task the name is formatted at once.
   */
  private final int number;
  /**
   * The coroutine to resume at the next step: the innermost one, suspended at a leaf await; its
   * parents lead to the task's own coroutine (see {@link #getCoro()}), which it is once the task
   * is done. What the leaf awaits is what the task waits on ({@link #waitingOn()}). Neither is
   * kept apart: a suspended task is the object a program holds most of.
   */
  Coroutine<?> leaf;
  /** The leaf is a coroutine not started yet, handed over because the stack was deep. */
  boolean startLeaf;
  /** cancel() found nothing to cancel: throw CancelledException into the coroutine at its step. */
  private boolean mustCancel;
  /** What cancel() recorded; null until it is first called, as for most tasks. */
  private CancelRequests cancelRequests;
  /** Links of the loop's list of pending tasks. */
  Task<?> previousLive;
  Task<?> nextLive;

  Task(EventLoop loop, Coroutine<T> coro, String name) {
    super(loop);
    long n = name != null ? 0 : COUNTER.incrementAndGet();
    this.number = (int) n;
    // Past Integer.MAX_VALUE tasks the number no longer fits: the name is formatted now.
    this.name = n == number ? name : "Task-" + n;
    this.leaf = coro;
    // Python's copy_context() at task creation: the creator's values, shared, never changed
    this.context = Context.inherited(loop);
  }

  /** This task's context, made from the inherited values the first time it is asked for. */
  @SuppressWarnings("unchecked")
  Context context() {
    if (context instanceof Context own) {
      return own;
    }
    Context own = Context.of((Map<ContextVar<?>, Object>) context);
    context = own;
    return own;
  }

  /** The values this task sees now, for a task it creates. */
  @SuppressWarnings("unchecked")
  Map<ContextVar<?>, Object> contextValues() {
    return context instanceof Context own ? own.values() : (Map<ContextVar<?>, Object>) context;
  }

  /** The task's name, {@code Task-1}, {@code Task-2}, ... unless one was given. */
  public String getName() {
    if (name == null) {
      name = "Task-" + number; // formatted lazily: most tasks are never asked their name
    }
    return name;
  }

  /** The coroutine this task runs. */
  @SuppressWarnings("unchecked")
  public Coroutine<T> getCoro() {
    Coroutine<?> c = leaf;
    for (Coroutine<?> up = c.parent(); up != null; up = up.parent()) {
      c = up;
    }
    return (Coroutine<T>) c;
  }

  /**
   * What the task is suspended on and cancel() must cancel: an AsyncFuture (asyncio's
   * {@code _fut_waiter}), the TimerHandle of a sleep, or null while it runs, is queued to run, or
   * awaits nothing cancellable.
   */
  Object waitingOn() {
    Coroutine<?> c = leaf;
    return c.status == Coroutine.SUSPENDED ? c.awaiting : null;
  }

  /**
   * The frames of this task, oldest first, as asyncio's {@code get_stack()}: while it is pending,
   * where each coroutine of its await chain waits, from its own coroutine down to the innermost
   * {@code await} (for the task running now, as of its last suspension); once it has failed, the
   * async stack trace of its exception; once it has finished or was cancelled, an empty list.
   *
   * <p>Differs from asyncio: a pending task shows its whole await chain (asyncio shows only the
   * task's own coroutine).
   */
  public List<StackTraceElement> getStack() {
    return getStack(Integer.MAX_VALUE);
  }

  /**
   * {@link #getStack()}, at most {@code limit} frames: the newest ones of a pending task's stack,
   * the oldest ones of a failure's trace, as asyncio's {@code get_stack(limit=...)}.
   */
  public List<StackTraceElement> getStack(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    List<StackTraceElement> frames;
    if (!isDone()) {
      frames = AsyncStackTraces.suspendedFrames(leaf, loop.getDebug());
      Collections.reverse(frames);
      return List.copyOf(frames.subList(Math.max(0, frames.size() - limit), frames.size()));
    }
    if (isCancelled() || !(leaf.outcome() instanceof Throwable failure)) {
      return List.of();
    }
    frames = new ArrayList<>(List.of(failure.getStackTrace()));
    Collections.reverse(frames);
    return List.copyOf(frames.subList(0, Math.min(limit, frames.size())));
  }

  /** Prints {@link #getStack()} on standard error, as asyncio's {@code print_stack()}. */
  public void printStack() {
    printStack(Integer.MAX_VALUE, System.err);
  }

  /**
   * Prints at most {@code limit} frames of {@link #getStack(int)} on {@code out}: a header naming
   * the task ({@code Stack for <Task ...> (most recent call last):}, or {@code Traceback for} a
   * failed one), the frames oldest first, and the exception of a failed task; {@code No stack
   * for <Task ...>} when there are none.
   */
  public void printStack(int limit, PrintStream out) {
    List<StackTraceElement> frames = getStack(limit);
    if (frames.isEmpty()) {
      out.println("No stack for " + this);
      return;
    }
    boolean failed = isDone();
    out.println((failed ? "Traceback for " : "Stack for ") + this + " (most recent call last):");
    for (StackTraceElement f : frames) {
      out.println("\tat " + f);
    }
    if (failed) {
      out.println(leaf.outcome());
    }
  }

  /**
   * Requests cancellation: a {@code CancelledException} is thrown into the coroutine at the
   * await it is suspended on, whose future is cancelled too (the innermost await: a task that
   * awaits a coroutine, which awaits a sleep, has that sleep cut short); a task that has not
   * taken its first step never runs its body. The task ends cancelled unless its coroutine
   * catches the exception. Each call counts one request (see {@link #cancelling()}). Returns
   * false if the task is already done.
   */
  @Override
  public boolean cancel() {
    return cancel(null);
  }

  /**
   * Same as {@link #cancel()}, with the message of the {@code CancelledException} thrown into the
   * coroutine (asyncio's {@code cancel(msg)}); null for none.
   */
  @Override
  public boolean cancel(String message) {
    checkThread("Task.cancel");
    if (isDone()) {
      return false;
    }
    if (cancelRequests == null) {
      cancelRequests = new CancelRequests();
    }
    cancelRequests.pending++;
    Object w = waitingOn();
    if (w instanceof AsyncFuture<?> future) {
      // Cancelling the future queues this task, and awaited() then throws CancelledException.
      // The leaf still awaits it: if it is a task that catches its cancellation, cancelling this task
      // again must cancel it again, as asyncio leaves _fut_waiter in place.
      if (future.cancel(message)) {
        return true;
      }
    } else if (w instanceof TimerHandle timer) {
      // A sleep: stop its timer and wake the task now with this cancellation, as cancelling
      // asyncio's sleep future does; a second cancel() before the task runs leaves its message.
      timer.cancel();
      leaf.awaiting = new CancelledException(loop, message);
      loop.wake(this);
      return true;
    }
    mustCancel = true;
    cancelRequests.message = message;
    return true;
  }

  /**
   * How many cancellation requests are pending: {@link #cancel()} calls not yet undone by
   * {@link #uncancel()}. asyncio's {@code cancelling()}; structured-concurrency code (a
   * {@code TaskGroup}, a {@code timeout} scope) uses it to tell its own cancellation from one
   * requested from outside.
   */
  public int cancelling() {
    return cancelRequests == null ? 0 : cancelRequests.pending;
  }

  /**
   * Undoes one cancellation request and returns how many remain; asyncio's {@code uncancel()}.
   * It does not stop a {@code CancelledException} already on its way; it is for code that
   * caught the cancellation it caused itself and goes on, as {@code timeout} does.
   */
  public int uncancel() {
    CancelRequests r = cancelRequests;
    if (r == null) {
      return 0;
    }
    if (r.pending > 0) {
      r.pending--;
    }
    return r.pending;
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
    // Python 3.11's _task_repr_info: pending cancellation requests, whatever the task awaits.
    return !isDone() && cancelling() > 0 ? "cancelling" : super.reprState();
  }

  @Override
  String reprDetails() {
    return " name='" + getName() + "' coro=" + getCoro();
  }

  // ---- the engine ------------------------------------------------------------------------------

  /** One step, run by the loop when it pops this task from the ready queue. */
  void step() {
    assert loop.inEventLoop();
    if (isDone()) {
      return;
    }
    Coroutine<?> c = leaf;
    if (mustCancel) {
      mustCancel = false;
      CancelledException cancel = new CancelledException(loop, takeCancelMessage());
      if (c.status == Coroutine.CREATED) {
        // Throwing into a coroutine that never started ends it before its first line.
        c.throwBeforeStart(cancel);
        finishFrom(c);
        return;
      }
      if (!wakesWithCancellation(c.awaiting)) {
        // As asyncio's __step keeps the CancelledError its wake-up already carries (with the
        // message of the first cancel), and makes one only otherwise.
        c.awaiting = cancel;
      }
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
        Coroutine<?> awaiter = c.parent();
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

  /**
   * Runs the first step now, inside the caller's step or callback (Python 3.12's eager start),
   * then gives the loop back its current task.
   */
  void startEagerly() {
    Task<?> creator = loop.currentTask;
    try {
      step();
    } finally {
      loop.currentTask = creator;
    }
  }

  /** The leaf coroutine suspends on a pending future (asyncio's {@code _fut_waiter}). */
  void waitFor(AsyncFuture<?> future) {
    future.addWaiter(this);
    // The task cancelled itself during this step: cancel what it now waits on, as asyncio does.
    if (mustCancel && future.cancel(cancelRequests.message)) {
      mustCancel = false;
      cancelRequests.message = null;
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
    leaf.awaiting = timer;
    if (mustCancel) {
      timer.cancel();
      leaf.awaiting = null;
      loop.wake(this);
    }
  }

  /**
   * The message of the cancellation mustCancel asks for, forgotten once taken; mustCancel is set
   * only by cancel(), which makes cancelRequests first.
   */
  private String takeCancelMessage() {
    String message = cancelRequests.message;
    cancelRequests.message = null;
    return message;
  }

  /** Whether what the leaf awaited will throw a CancelledException anyway. */
  private static boolean wakesWithCancellation(Object awaited) {
    return awaited instanceof CancelledException
        || awaited instanceof AsyncFuture<?> f && f.isDone()
        && (f.isCancelled() || f.exception() instanceof CancelledException);
  }

  /** Takes the outcome of the task's outermost coroutine, which has just finished. */
  private void finishFrom(Coroutine<?> root) {
    leaf = root;
    loop.removeLive(this);
    if (root.status == Coroutine.RETURNED) {
      if (mustCancel) {
        // Cancelled during the very step in which its coroutine returned.
        mustCancel = false;
        String message = takeCancelMessage();
        cancelWith(message == null ? null : new CancelledException(loop, message));
      } else {
        @SuppressWarnings("unchecked")
        T value = (T) root.outcome();
        finish(value);
      }
    } else if (root.outcome() instanceof CancelledException cancelled) {
      cancelWith(cancelled);
    } else {
      fail((Throwable) root.outcome());
    }
  }

  /** What cancel() recorded: asyncio's {@code _num_cancels_requested}, {@code _cancel_message}. */
  private static final class CancelRequests {
    /** Requests not undone by uncancel(). */
    int pending;
    /** The message of the CancelledException the next step throws, or null. */
    String message;
  }

  /**
   * The timer of a sleeping task. When due it queues the task, like the timer callback of
   * asyncio's sleep completing its future, which queues the task's wake-up.
   */
  private static final class WakeTimer extends TimerHandle {
    /** The sleeping task; null once cancelled. */
    private Task<?> task;

    WakeTimer(EventLoop loop, double when, Task<?> task) {
      super(loop, when, null);
      this.task = task;
    }

    /**
     * Also lets go of the task: a cancelled timer may wait in the heap until the loop purges it,
     * and must not keep a cancelled task (its coroutine, its exception) alive meanwhile.
     */
    @Override
    public void cancel() {
      super.cancel();
      task = null;
    }

    @Override
    void run(EventLoop loop) {
      task.leaf.awaiting = null; // awaited() reads the sleep's outcome: none
      task.loop.wake(task);
    }

    @Override
    public String toString() {
      Task<?> t = task;
      return t == null ? super.toString()
          : "<TimerHandle when=" + when() + " wakes " + t.getName() + ">";
    }
  }
}
