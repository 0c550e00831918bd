package io.jasyncio;

import io.jasyncio.internal.DaemonThreadPool;
import io.jasyncio.internal.ExceptionLog;
import io.jasyncio.internal.Inbox;
import io.jasyncio.internal.NeverAwaitedWatch;
import io.jasyncio.internal.TimerHeap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * A single-threaded event loop, asyncio's event loop: a ready queue run in FIFO order, a heap of
 * timers, and a thread-safe inbox for work handed over by other threads. Most programs never
 * touch it ({@link Asyncio#run} makes one); tests make one on a {@link VirtualClock}:
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.create(new VirtualClock());
 * int sum = loop.runUntilComplete(new AsyncKitchen().numSum(5));
 * loop.close();
 * }</pre>
 *
 * <p>Each turn of the loop (asyncio's {@code _run_once}) waits, if nothing is ready, until the
 * next timer or until another thread hands over work; moves that work and the due timers to the
 * back of the ready queue; then runs exactly the entries queued at that moment, so a task that
 * keeps yielding cannot starve timers. The ready queue holds handles and tasks themselves: waking
 * a task allocates nothing.
 *
 * <p>One loop per thread, and everything but {@link #callSoonThreadsafe} (and {@link #time()})
 * runs on the thread running the loop, or on any thread while no thread runs it.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>idle</td><td>{@link #create()}; after {@link #runForever()} returns</td></tr>
 *   <tr><td>running</td><td>{@link #runForever()} or {@link #runUntilComplete}</td></tr>
 *   <tr><td>closed</td><td>{@link #close()}: pending callbacks and timers are dropped</td></tr>
 * </table>
 *
 * <p>Debug mode ({@link #setDebug}) reports slow callbacks and refuses calls from foreign threads.
 *
 * <p>What the loop cannot raise to anyone (a callback that threw, a task exception never
 * retrieved) goes to its exception handler ({@link #setExceptionHandler}); the default one logs
 * it through the {@code System.Logger} named {@code io.jasyncio}.
 *
 * <p>Differs from asyncio: no I/O selector or signal handling; callbacks are
 * {@code Runnable}s; timers with equal deadlines run in scheduling order.
 */
public final class EventLoop {
  private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
  /** Debug mode for new loops: {@code -Djasyncio.debug=true} or {@code JASYNCIODEBUG} set. */
  private static final boolean DEBUG_BY_DEFAULT = Boolean.getBoolean("jasyncio.debug")
      || !System.getenv().getOrDefault("JASYNCIODEBUG", "").isEmpty();
  /**
   * The loop that started running last: {@link #current()} checks it before the thread-local,
   * which every coroutine made in a step would otherwise look up. Racy on purpose (a plain
   * field): a stale or foreign value only sends the caller to the thread-local.
   */
  private static EventLoop lastStarted;

  static {
    // NeverAwaitedWatch.collect() called inside a step must also see the coroutines that step
    // made and dropped, which its loop has not armed yet. No coroutine is ever left unarmed
    // before this class is initialized: only a running loop defers arming.
    NeverAwaitedWatch.beforeCollect(EventLoop::armFreshOfCurrentLoop);
  }

  private final Clock clock;
  /** Handles and tasks, run in FIFO order; tasks are queued themselves. */
  private final ArrayDeque<Object> ready = new ArrayDeque<>();
  private final TimerHeap<TimerHandle> timers =
      new TimerHeap<>(TimerHandle.ORDER, TimerHandle::isCancelled);
  private final Inbox<Handle> inbox = new Inbox<>();
  private long timerSequence;
  private volatile Thread thread;
  private boolean stopping;
  private volatile boolean closed;
  /** The task whose step is running, or null. */
  Task<?> currentTask;
  /**
   * How deep coroutines now run inline, one awaiting the next, on this loop's stack: counted per
   * loop, not per task, since a task started eagerly inside another's step shares its stack.
   */
  int inlineDepth;
  /** Head of the list of pending tasks, which a Runner cancels when it closes. */
  private Task<?> firstLive;
  /** Coroutines made by the running entry, not watched yet; armed after each entry. */
  final FreshCoroutines fresh = new FreshCoroutines(this);
  /** Whether its {@link EventLoopMXBean} was registered, when it first ran; see LoopRegistry. */
  private boolean monitored;
  /** The executor of {@code runInExecutor(null, ...)} and {@code toThread}, made on first use. */
  private ExecutorService defaultExecutor;
  /** Whether new tasks start eagerly: {@link TaskFactory#EAGER}. */
  private boolean eagerTasks;
  /** Rewrites the stack traces of exceptions leaving coroutines. */
  final AsyncStackTraces traces = new AsyncStackTraces();
  /** Debug mode: see {@link #setDebug}. */
  private boolean debug = DEBUG_BY_DEFAULT;
  /** In debug mode, a callback or step running this long (in loop time) is reported. */
  private double slowCallbackDuration = 0.1;
  /** Set by {@link #setExceptionHandler}; null for the default. Read from other threads too. */
  private volatile ExceptionHandler exceptionHandler;
  /** {@link #callExceptionHandler}, made once, for the futures that report through it. */
  final Consumer<Map<String, Object>> exceptionReporter = this::callExceptionHandler;

  private EventLoop(Clock clock) {
    this.clock = clock;
  }

  /** A new loop on the real monotonic clock. */
  public static EventLoop create() {
    return new EventLoop(Clock.system());
  }

  /** A new loop on {@code clock}, for example a {@link VirtualClock}. */
  public static EventLoop create(Clock clock) {
    if (clock == null) {
      throw new NullPointerException("clock");
    }
    return new EventLoop(clock);
  }

  /** The loop's current time in seconds, from its clock; timers are scheduled on this scale. */
  public double time() {
    return clock.time();
  }

  /**
   * Runs the loop until {@code awaitable} is done and returns its result, or throws its exception
   * unchanged (checked ones too, undeclared). A coroutine is wrapped in a new task first.
   *
   * @throws CancelledException if it was cancelled
   * @throws IllegalStateException if the loop is closed or already running, or stopped before
   *     the awaitable was done
   */
  public <T> T runUntilComplete(Awaitable<T> awaitable) {
    checkClosed();
    AsyncFuture<T> future = ensureFuture(awaitable);
    Consumer<AsyncFuture<T>> stopper = f -> stop();
    future.addDoneCallback(stopper);
    try {
      runForever();
    } finally {
      future.removeDoneCallback(stopper);
    }
    if (!future.isDone()) {
      throw new IllegalStateException("Event loop stopped before Future completed.");
    }
    return future.result();
  }

  /** Runs the loop until {@link #stop()} is called. */
  public void runForever() {
    checkClosed();
    if (thread != null) {
      throw new IllegalStateException("This event loop is already running");
    }
    if (RUNNING.get() != null) {
      throw new IllegalStateException(
          "Cannot run the event loop while another loop is running");
    }
    thread = Thread.currentThread();
    RUNNING.set(this);
    lastStarted = this;
    if (!monitored) {
      monitored = true;
      LoopRegistry.register(this, thread);
    }
    try {
      do {
        runOnce();
      } while (!stopping);
    } finally {
      // Normally empty here; not if an Error escaped an entry midway.
      fresh.armUnclaimed();
      if (inbox.takeInterrupt()) {
        Thread.currentThread().interrupt(); // taken while the loop waited: given back
      }
      stopping = false;
      thread = null;
      RUNNING.remove();
      if (lastStarted == this) {
        lastStarted = null; // a stopped loop is not kept reachable from here
      }
    }
  }

  /** Makes the running loop return after the current turn; if not running, after its next one. */
  public void stop() {
    assert inEventLoop();
    stopping = true;
  }

  /**
   * Closes the loop, dropping pending callbacks and timers, and shuts its default executor down
   * (calls already running there finish on their daemon threads, unawaited); further use throws.
   * Does nothing if it is already closed.
   *
   * @throws IllegalStateException if it is running
   */
  public void close() {
    if (thread != null) {
      throw new IllegalStateException("Cannot close a running event loop");
    }
    if (closed) {
      return;
    }
    closed = true;
    if (monitored) {
      LoopRegistry.unregister(this);
    }
    if (defaultExecutor != null) {
      defaultExecutor.shutdown();
    }
    fresh.armUnclaimed();
    inbox.close();
    ready.clear();
    timers.clear();
    firstLive = null;
  }

  /** Whether the loop is running. */
  public boolean isRunning() {
    return thread != null;
  }

  /** Whether the loop was closed. */
  public boolean isClosed() {
    return closed;
  }

  /** Queues {@code callback} to run on a later turn, after everything queued before it. */
  public Handle callSoon(Runnable callback) {
    checkThread("callSoon");
    checkClosed();
    Handle h = new Handle(requireCallback(callback));
    ready.addLast(h);
    return h;
  }

  /** Schedules {@code callback} to run {@code delay} seconds from now on the loop's clock. */
  public TimerHandle callLater(double delay, Runnable callback) {
    return callAt(time() + delay, callback);
  }

  /** Schedules {@code callback} to run at loop time {@code when} (see {@link #time()}). */
  public TimerHandle callAt(double when, Runnable callback) {
    checkThread("callAt");
    if (Double.isNaN(when)) {
      throw new IllegalArgumentException("when is NaN");
    }
    checkClosed();
    TimerHandle timer = new TimerHandle(this, when, requireCallback(callback));
    schedule(timer);
    return timer;
  }

  /**
   * Queues {@code callback} from any thread, waking the loop if it is waiting for a timer or for
   * work; it runs on the loop thread.
   */
  public Handle callSoonThreadsafe(Runnable callback) {
    Handle h = new Handle(requireCallback(callback));
    if (closed || !inbox.offer(h)) {
      throw new IllegalStateException("Event loop is closed");
    }
    return h;
  }

  /** A new pending future of this loop. */
  public <T> AsyncFuture<T> createFuture() {
    return new AsyncFuture<>(this);
  }

  /**
   * Wraps {@code coro} in a task named {@code Task-N} and queues its first step.
   *
   * @throws IllegalStateException if {@code coro} was already awaited or scheduled
   */
  public <T> Task<T> createTask(Coroutine<T> coro) {
    return createTask(coro, null);
  }

  /** Same as {@link #createTask(Coroutine)}, with the task's name (null: {@code Task-N}). */
  public <T> Task<T> createTask(Coroutine<T> coro, String name) {
    checkThread("createTask");
    checkClosed();
    coro.claim();
    return newTask(coro, name);
  }

  /**
   * Sets how {@link #createTask} (and so {@code Asyncio.createTask}, {@code gather},
   * {@code TaskGroup}) starts tasks: asyncio's {@code loop.set_task_factory}, with
   * {@link TaskFactory#EAGER} for Python 3.12's {@code eager_task_factory}.
   */
  public void setTaskFactory(TaskFactory factory) {
    assert inEventLoop();
    if (factory == null) {
      throw new NullPointerException("factory");
    }
    eagerTasks = factory == TaskFactory.EAGER;
  }

  /** How new tasks start; {@link TaskFactory#STANDARD} unless set. */
  public TaskFactory getTaskFactory() {
    return eagerTasks ? TaskFactory.EAGER : TaskFactory.STANDARD;
  }

  /**
   * Turns debug mode on or off: asyncio's {@code loop.set_debug}. In debug mode:
   *
   * <ul>
   *   <li>every callback and task step that runs {@link #getSlowCallbackDuration()} seconds or
   *       longer of loop time is logged at {@code WARNING} on the {@code System.Logger} named
   *       {@code io.jasyncio} ({@code Executing <Handle ...> took 0.500 seconds}), as asyncio's
   *       {@code logger.warning};</li>
   *   <li>{@link #callSoon}, {@link #callLater}, {@link #callAt}, {@link #createTask}, and a
   *       future's or task's {@code setResult}, {@code setException}, {@code cancel},
   *       {@code addDoneCallback} and {@code removeDoneCallback} throw
   *       {@code IllegalStateException} when called from a thread other than the one running
   *       the loop (use {@link #callSoonThreadsafe} there);</li>
   *   <li>async stack traces keep the runtime's own frames;</li>
   *   <li>the {@code CancelledException}s the runtime makes carry a stack trace and an async one
   *       (outside debug mode they carry none, which keeps cancelling cheap).</li>
   * </ul>
   *
   * <p>Off by default; on for every new loop when the system property {@code jasyncio.debug} is
   * {@code true} or the environment variable {@code JASYNCIODEBUG} is set (asyncio's
   * {@code PYTHONASYNCIODEBUG}).
   */
  public void setDebug(boolean enabled) {
    debug = enabled;
  }

  /** Whether debug mode is on: asyncio's {@code loop.get_debug()}. */
  public boolean getDebug() {
    return debug;
  }

  /**
   * Sets how long, in seconds of loop time, a callback or a task step may run in debug mode
   * before it is reported: asyncio's {@code slow_callback_duration}, 0.1 by default.
   */
  public void setSlowCallbackDuration(double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("slow callback duration must be >= 0, got " + seconds);
    }
    slowCallbackDuration = seconds;
  }

  /** The threshold of the slow-callback report, in seconds; see {@link #setDebug}. */
  public double getSlowCallbackDuration() {
    return slowCallbackDuration;
  }

  /**
   * Sets the handler of errors nobody can catch: asyncio's {@code loop.set_exception_handler}.
   * Null restores the default, {@link #defaultExceptionHandler}. See {@link ExceptionHandler} for
   * the context it is given and the threads it runs on.
   */
  public void setExceptionHandler(ExceptionHandler handler) {
    exceptionHandler = handler;
  }

  /** The handler set by {@link #setExceptionHandler}, or null for the default one. */
  public ExceptionHandler getExceptionHandler() {
    return exceptionHandler;
  }

  /**
   * Reports {@code context} (asyncio's keys: {@code "message"}, {@code "exception"},
   * {@code "future"}, {@code "task"}, {@code "handle"}, ...) to the exception handler, or to
   * {@link #defaultExceptionHandler} if none is set: asyncio's
   * {@code loop.call_exception_handler}. What the handler throws is reported through the default
   * handler ({@code Unhandled error in exception handler}, with the original context under
   * {@code "context"}); nothing it throws reaches the caller, except a
   * {@code VirtualMachineError}.
   */
  public void callExceptionHandler(Map<String, Object> context) {
    ExceptionHandler handler = exceptionHandler;
    if (handler != null) {
      try {
        handler.handle(this, context);
        return;
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        context = Map.of("message", "Unhandled error in exception handler", "exception", e,
            "context", context);
      }
    }
    try {
      defaultExceptionHandler(context);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // A logging backend that throws: asyncio's second layer of protection.
      ExceptionLog.handlerFailed("Exception in default exception handler", e);
    }
  }

  /**
   * Logs {@code context} through the {@code System.Logger} named {@code io.jasyncio}, at
   * {@code ERROR}: its {@code "message"} (or {@code Unhandled exception in event loop}), a
   * {@code key: value} line for each other key in key order, and the {@code "exception"}'s stack
   * trace. asyncio's {@code loop.default_exception_handler}; a custom handler may call it.
   */
  public void defaultExceptionHandler(Map<String, Object> context) {
    ExceptionLog.log(context);
  }

  /**
   * A future of this loop settled with {@code fn.apply(argument)}, run on {@code executor}:
   * asyncio's {@code run_in_executor}. A null executor means the loop's default one, a pool of
   * daemon threads made on first use and shut down by {@link #close()}. The outcome comes back
   * through the loop's thread-safe inbox, so awaiters resume on the loop thread, and the exception
   * {@code fn} throws is the very one they get. Cancelling the future cancels the call (a running
   * one is interrupted). Any {@code Executor} works; a {@link ProcessPool} runs the call in a
   * worker process, and any {@link RemoteExecutor} in another JVM, which needs {@code fn} and
   * {@code argument} serializable.
   *
   * @throws java.util.concurrent.RejectedExecutionException if {@code executor} refuses the call
   */
  public <T, R> AsyncFuture<R> runInExecutor(Executor executor,
      SerializableFunction<? super T, ? extends R> fn, T argument) {
    return Offload.apply(this, executorOrDefault(executor), fn, argument);
  }

  /** {@link #runInExecutor(Executor, SerializableFunction, Object)} for a call without argument. */
  public <R> AsyncFuture<R> runInExecutor(Executor executor,
      SerializableCallable<? extends R> callable) {
    return Offload.call(this, executorOrDefault(executor), callable);
  }

  @Override
  public String toString() {
    return "<EventLoop running=" + isRunning() + " closed=" + closed + " clock=" + clock + ">";
  }

  // ---- engine ----------------------------------------------------------------------------------

  /** The loop running on this thread, or null. */
  static EventLoop current() {
    EventLoop last = lastStarted;
    // A loop whose thread is this one runs here: there is one loop per thread.
    return last != null && last.thread == Thread.currentThread() ? last : RUNNING.get();
  }

  /** Whether the caller may use the loop: it runs on this thread, or on no thread. */
  boolean inEventLoop() {
    Thread t = thread;
    return t == null || t == Thread.currentThread();
  }

  /** Whether the loop is running on the calling thread (false when it runs nowhere). */
  boolean isLoopThread() {
    return thread == Thread.currentThread();
  }

  /** How many never-awaited watches this loop armed for coroutines made in its entries. */
  long freshArmedCount() {
    return fresh.armedCount();
  }

  /** {@link #callSoon} for a handle the runtime made, such as a future's done-callback. */
  void queue(Handle handle) {
    assert inEventLoop();
    checkClosed();
    ready.addLast(handle);
  }

  /** Queues a task's next step. */
  void wake(Task<?> task) {
    ready.addLast(task);
  }

  /** A task of {@code coro}, which the caller has claimed, with its first step queued. */
  <T> Task<T> newTask(Coroutine<T> coro, String name) {
    Task<T> task = new Task<>(this, coro, name);
    coro.task = task;
    task.nextLive = firstLive;
    if (firstLive != null) {
      firstLive.previousLive = task;
    }
    firstLive = task;
    if (eagerTasks && isLoopThread()) {
      // Python 3.12's eager_start: only while the loop runs, as asyncio checks is_running().
      task.startEagerly();
    } else {
      wake(task);
    }
    return task;
  }

  /** Unlinks a finishing task from the list of pending tasks. */
  void removeLive(Task<?> task) {
    if (task.previousLive != null) {
      task.previousLive.nextLive = task.nextLive;
    } else if (firstLive == task) {
      firstLive = task.nextLive;
    }
    if (task.nextLive != null) {
      task.nextLive.previousLive = task.previousLive;
    }
    task.previousLive = null;
    task.nextLive = null;
  }

  void schedule(TimerHandle timer) {
    timer.sequence = timerSequence++;
    timer.inHeap = true;
    timers.add(timer);
  }

  /** Counts a cancelled timer that is in the heap, for the heap's purge rule. */
  void timerCancelled() {
    timers.countCancelled();
  }

  /** How many timers the heap holds, cancelled ones not purged yet included; for tests. */
  int scheduledTimerCount() {
    return timers.size();
  }

  /** callSoonThreadsafe for completions that simply lose their purpose once the loop is closed. */
  void callSoonThreadsafeIfOpen(Runnable callback) {
    inbox.offer(new Handle(callback));
  }

  /** The tasks not done yet (asyncio's {@code all_tasks}), most recent first. */
  List<Task<?>> allTasks() {
    List<Task<?>> pending = new ArrayList<>();
    for (Task<?> t = firstLive; t != null; t = t.nextLive) {
      pending.add(t);
    }
    return pending;
  }

  /** One turn of the loop: asyncio's {@code _run_once}. */
  private void runOnce() {
    timers.dropCancelled(t -> t.inHeap = false);
    if (ready.isEmpty() && !stopping && inbox.isEmpty()) {
      TimerHandle next = timers.peek();
      long nanos = clock.idleUntil(next == null ? Double.POSITIVE_INFINITY : next.when());
      if (nanos > 0) {
        inbox.awaitItem(nanos);
      }
    }
    for (Handle h = inbox.poll(); h != null; h = inbox.poll()) {
      ready.addLast(h);
    }
    // The clock is read only when a timer may be due: tasks that only yield switch without it.
    if (!timers.isEmpty()) {
      moveDueTimers();
    }
    // Run only what is queued now; what these entries queue waits for the next turn.
    int n = ready.size();
    if (debug) {
      runTimed(n);
      return;
    }
    for (; n > 0; n--) {
      run(ready.pollFirst());
      // What the entry made and did not await, schedule or gather gets its watch now.
      fresh.armUnclaimed();
    }
  }

  /**
   * Runs the first {@code n} entries of the ready queue in debug mode, reporting those that ran
   * too long (asyncio's slow callback); a loop apart, so the usual one stays as tight as it was.
   */
  private void runTimed(int n) {
    for (; n > 0; n--) {
      Object entry = ready.pollFirst();
      double start = clock.time();
      try {
        run(entry);
      } finally {
        double took = clock.time() - start;
        if (took >= slowCallbackDuration) {
          String what = entry instanceof Task<?> task ? "a step of " + task : entry.toString();
          ExceptionLog.LOGGER.log(Level.WARNING, String.format(Locale.ROOT,
              "Executing %s took %.3f seconds", what, took));
        }
      }
      fresh.armUnclaimed();
    }
  }

  /** Runs one entry of the ready queue: a task's step, or a handle unless it was cancelled. */
  private void run(Object entry) {
    if (entry instanceof Task<?> task) {
      task.step();
    } else {
      Handle h = (Handle) entry;
      if (!h.isCancelled()) {
        h.run(this);
      }
    }
  }

  /** Moves the timers due by now to the back of the ready queue, earliest first. */
  private void moveDueTimers() {
    double now = clock.time();
    for (TimerHandle t = timers.peek(); t != null && t.when() <= now; t = timers.peek()) {
      timers.poll();
      t.inHeap = false;
      ready.addLast(t);
    }
  }

  /** Arms the fresh coroutines of the loop running on this thread, if any: before collect(). */
  private static void armFreshOfCurrentLoop() {
    EventLoop loop = RUNNING.get();
    if (loop != null) {
      loop.fresh.armUnclaimed();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> AsyncFuture<T> ensureFuture(Awaitable<T> awaitable) {
    if (awaitable instanceof Coroutine<T> coro) {
      return createTask(coro);
    }
    AsyncFuture<T> future = (AsyncFuture<T>) awaitable;
    if (future.loop == null) {
      future.attach(this);
    } else if (future.loop != this) {
      throw new IllegalArgumentException("The future belongs to a different loop than the one"
          + " specified as the loop argument");
    }
    return future;
  }

  private Executor executorOrDefault(Executor executor) {
    assert inEventLoop();
    checkClosed();
    if (executor != null) {
      return executor;
    }
    if (defaultExecutor == null) {
      defaultExecutor = DaemonThreadPool.create();
    }
    return defaultExecutor;
  }

  /**
   * In debug mode, refuses a call of {@code operation} from a thread other than the loop's while
   * it runs, as asyncio's {@code _check_thread} (which raises {@code RuntimeError}); otherwise
   * only asserts it, so a program that is not in debug mode behaves as before the check existed.
   *
   * @throws IllegalStateException in debug mode, on a foreign thread while the loop runs
   */
  void checkThread(String operation) {
    if (debug) {
      Thread t = thread;
      Thread caller = Thread.currentThread();
      if (t != null && t != caller) {
        throw new IllegalStateException("Non-thread-safe operation invoked on an event loop other"
            + " than the current one: " + operation + " called on thread '" + caller.getName()
            + "' while the loop runs on thread '" + t.getName() + "'; from another thread, use"
            + " loop.callSoonThreadsafe(() -> ...) or runCoroutineThreadsafe(coro, loop)");
      }
    }
    assert inEventLoop();
  }

  private void checkClosed() {
    if (closed) {
      throw new IllegalStateException("Event loop is closed");
    }
  }

  private static Runnable requireCallback(Runnable callback) {
    if (callback == null) {
      throw new NullPointerException("callback");
    }
    return callback;
  }
}
