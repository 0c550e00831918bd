package io.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structured concurrency, asyncio's {@code TaskGroup}: tasks started in a scope are all awaited
 * when the scope ends. Used as a try-with-resources scope in an {@code @Async} body, whose end
 * awaits {@link #aclose(Throwable)}:
 *
 * <pre>{@code
 * try (var tg = new TaskGroup()) {
 *   Task<String> a = tg.createTask(fetch("a"));
 *   Task<String> b = tg.createTask(fetch("b"));
 * }                                  // both are done here
 * }</pre>
 *
 * <ul>
 *   <li>The first task that fails (otherwise than by cancellation) cancels the other tasks and
 *       the block itself (the task that runs it), which gets a {@code CancelledException} at its
 *       current await; the group then waits for every task to end.
 *   <li>All failures are thrown together as one {@link ExceptionGroup}, in the order they
 *       happened, the first also as its cause; an exception leaving the block is among them.
 *   <li>An {@code Error} (Python's {@code KeyboardInterrupt}/{@code SystemExit}) is thrown as
 *       itself, after the tasks are done.
 *   <li>A cancellation of the enclosing task from outside cancels the tasks, waits for them, and
 *       goes on as a {@code CancelledException} (unless tasks failed: the group wins).
 * </ul>
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th><th>{@code createTask}</th></tr>
 *   <tr><td>entered</td><td>creation, inside a task</td><td>starts a task</td></tr>
 *   <tr><td>aborting</td><td>a task failed, or the block left with an exception</td>
 *       <td>{@code IllegalStateException} ("shutting down")</td></tr>
 *   <tr><td>exiting</td><td>{@code aclose}: waiting for the tasks</td><td>starts a task, which
 *       the group also waits for</td></tr>
 *   <tr><td>finished</td><td>{@code aclose} done</td><td>{@code IllegalStateException}</td></tr>
 * </table>
 *
 * <p>Differs from asyncio: the group is entered when it is made (inside a task) rather than by
 * {@code async with}; the close awaited in an {@code @Async} body is {@code aclose(failure)} (see
 * {@link AsyncCloseable}), and the plain {@code close()} refuses to run, since it cannot wait.
 *
 * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
 * thrown at that {@code await}.
 */
public final class TaskGroup implements AsyncCloseable {
  private final EventLoop loop;
  private final Task<?> parentTask;
  private final Set<Task<?>> tasks = new LinkedHashSet<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final Consumer<AsyncFuture<?>> onTaskDone = new TaskDone();
  private Throwable baseError;
  private boolean aborting;
  private boolean exiting;
  private boolean finished;
  /** The group cancelled its parent task itself, and must uncancel it on exit. */
  private boolean parentCancelRequested;
  /** Completed when the last task ends while {@code aclose} waits; null otherwise. */
  private AsyncFuture<Void> onCompleted;

  /**
   * A group whose tasks run on the running loop, bound to the current task (the one whose block
   * is the scope).
   *
   * @throws IllegalStateException if no task is running on this thread
   */
  public TaskGroup() {
    EventLoop running = Asyncio.getRunningLoop();
    if (running.currentTask == null) {
      throw new IllegalStateException("TaskGroup should be used inside a task");
    }
    this.loop = running;
    this.parentTask = running.currentTask;
  }

  /**
   * Starts {@code coro} as a task of the group, asyncio's {@code TaskGroup.create_task}.
   *
   * @throws IllegalStateException if the group is shutting down after a failure, or finished;
   *     the coroutine then counts as used, as Python 3.12 closes it
   */
  public <T> Task<T> createTask(Coroutine<T> coro) {
    return createTask(coro, null);
  }

  /** Same as {@link #createTask(Coroutine)}, with the task's name (null: {@code Task-N}). */
  public <T> Task<T> createTask(Coroutine<T> coro, String name) {
    assert loop.inEventLoop();
    if (finished || (exiting && tasks.isEmpty())) {
      coro.claim();
      throw new IllegalStateException("TaskGroup " + this + " is finished");
    }
    if (aborting) {
      coro.claim();
      throw new IllegalStateException("TaskGroup " + this + " is shutting down");
    }
    Task<T> task = loop.createTask(coro, name);
    if (task.isDone()) {
      // An eager task that finished inside createTask (Python 3.12 does the same).
      taskDone(task);
    } else {
      tasks.add(task);
      task.addDoneCallback(onTaskDone);
    }
    return task;
  }

  /** {@code aclose(null)}: the end of a block that finished normally. */
  @Override
  public Coroutine<Void> aclose() {
    return aclose(null);
  }

  /**
   * Ends the scope, Python's {@code __aexit__}: waits for every task; {@code failure} is the
   * exception that left the block, or null. Throws the {@link ExceptionGroup} of all failures,
   * or an {@code Error} one of them was, or the {@code CancelledException} of a cancellation from
   * outside; completes normally otherwise.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  @Override
  public Coroutine<Void> aclose(Throwable failure) {
    return new Exit(failure);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("<TaskGroup");
    if (!tasks.isEmpty()) {
      s.append(" tasks=").append(tasks.size());
    }
    if (!errors.isEmpty()) {
      s.append(" errors=").append(errors.size());
    }
    if (aborting) {
      s.append(" cancelling");
    }
    s.append(finished ? " finished" : " entered");
    return s.append('>').toString();
  }

  private void abort() {
    aborting = true;
    for (Task<?> t : tasks) {
      if (!t.isDone()) {
        t.cancel();
      }
    }
  }

  /** asyncio's {@code _on_task_done}. */
  private void taskDone(Task<?> task) {
    tasks.remove(task);
    if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
      onCompleted.setResult(null);
    }
    if (task.isCancelled()) {
      return;
    }
    Throwable e = task.exception();
    if (e == null) {
      return;
    }
    errors.add(e);
    if (e instanceof Error && baseError == null) {
      baseError = e;
    }
    if (parentTask.isDone()) {
      loop.callExceptionHandler(Map.of("message", "Task " + task + " has errored out but its"
          + " parent task " + parentTask + " is already completed", "exception", e,
          "task", task));
      return;
    }
    if (!aborting && !parentCancelRequested) {
      // Cancel the block too, so that "await something" in it stops; aclose uncancels.
      abort();
      parentCancelRequested = true;
      parentTask.cancel();
    }
  }

  /**
   * The callback on each task of the group; a relay to the parent task, which the call graph
   * shows awaiting the group's tasks, as asyncio 3.14 does.
   */
  private final class TaskDone implements Consumer<AsyncFuture<?>>, Relay {
    @Override
    public void accept(AsyncFuture<?> task) {
      taskDone((Task<?>) task);
    }

    @Override
    public AsyncFuture<?> relayTarget() {
      return parentTask;
    }
  }

  /** {@code aclose(failure)}: asyncio's {@code TaskGroup.__aexit__}. */
  private final class Exit extends Coroutine<Void> {
    private static final int WAIT = 1;
    private static final int WOKEN = 2;

    private final Throwable failure;
    private Throwable propagateCancellation;

    Exit(Throwable failure) {
      super("TaskGroup.aclose", false);
      this.failure = failure;
    }

    @Override
    protected void resume() throws Throwable {
      for (;;) {
        switch (state) {
          case 0:
            enter();
            state = WAIT;
            continue;
          case WAIT:
            if (tasks.isEmpty()) {
              finish();
              return;
            }
            if (onCompleted == null) {
              onCompleted = loop.createFuture();
            }
            if (suspendOn(onCompleted, WOKEN)) {
              return;
            }
            continue;
          case WOKEN:
            try {
              awaited();
            } catch (CancelledException e) {
              // The parent task is cancelled from outside while the group waits.
              if (!aborting) {
                propagateCancellation = e;
                abort();
              }
            }
            onCompleted = null;
            state = WAIT;
            continue;
          default:
            throw new IllegalStateException("TaskGroup.aclose has no state " + state);
        }
      }
    }

    private void enter() {
      if (exiting || finished) {
        throw new IllegalStateException("TaskGroup " + TaskGroup.this + " is already closing");
      }
      exiting = true;
      if (failure instanceof Error && baseError == null) {
        baseError = failure;
      }
      propagateCancellation = failure instanceof CancelledException ? failure : null;
      if (failure != null && !aborting) {
        abort();
      }
    }

    private void finish() throws Throwable {
      finished = true;
      // After the wait, as Python 3.13 does: a task may fail, and cancel the parent, meanwhile.
      if (parentCancelRequested && parentTask.uncancel() == 0) {
        // The only cancellation was the group's own: it must not leave the block.
        propagateCancellation = null;
      }
      if (baseError != null) {
        throw baseError;
      }
      if (propagateCancellation != null && errors.isEmpty()) {
        throw propagateCancellation;
      }
      if (failure != null && !(failure instanceof CancelledException)) {
        errors.add(failure);
      }
      if (!errors.isEmpty()) {
        throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
      }
      complete(null);
    }
  }
}
