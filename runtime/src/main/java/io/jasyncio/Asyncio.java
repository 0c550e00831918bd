package io.jasyncio;

import io.jasyncio.internal.TemplateCaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * The static facade, asyncio's module functions; use it as {@code import static
 * io.jasyncio.Asyncio.*;}. Each method is a one-line delegation to the class that does the work.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> boilingWater() {
 *   System.out.println("boiling for 1 sec");
 *   await(sleep(2));
 *   System.out.println("boiling for 3 sec");
 *   return done();
 * }
 *
 * public static void main(String[] args) {
 *   run(AsyncKitchen.boilingWater());
 * }
 * }</pre>
 *
 * <p>{@code await} and {@code done} are markers: the processor rewrites them in an {@code @Async}
 * body, and the methods here only run when a template is called as written.
 *
 * <p>JDK futures: every combinator that takes an {@link Awaitable} ({@code waitFor},
 * {@code gather}, {@code shield}, {@code asCompleted}, {@code wait}) has an overload for a
 * {@code CompletionStage} (a {@code CompletableFuture}, what the JDK's {@code HttpClient}
 * returns) with asyncio's {@code wrap_future} rules: the stage's outcome reaches the loop
 * through its thread-safe inbox, its exception unwrapped from {@code CompletionException}, and
 * cancelling (as a timeout does) cancels the {@code CompletableFuture}. The collection forms of
 * the stage overloads take an {@code Iterable} (a {@code Collection} form would erase to the same
 * signature as the {@code Awaitable} one). To mix stages with tasks or coroutines in one call,
 * wrap the stages first: {@code gather(task, wrapFuture(stage))}. An argument that is both an
 * {@code Awaitable} and a {@code CompletionStage} (a subclass of {@code AsyncFuture} that
 * implements it), or a literal {@code null}, matches both overloads: cast it to the one meant.
 */
public final class Asyncio {
  /** {@link ReturnWhen#FIRST_COMPLETED}, for {@code Asyncio.wait(tasks, FIRST_COMPLETED)}. */
  public static final ReturnWhen FIRST_COMPLETED = ReturnWhen.FIRST_COMPLETED;
  /** {@link ReturnWhen#FIRST_EXCEPTION}. */
  public static final ReturnWhen FIRST_EXCEPTION = ReturnWhen.FIRST_EXCEPTION;
  /** {@link ReturnWhen#ALL_COMPLETED}. */
  public static final ReturnWhen ALL_COMPLETED = ReturnWhen.ALL_COMPLETED;

  private Asyncio() {}

  /**
   * Marks a suspension point in an {@code @Async} method: Python's {@code await}. The processor
   * rewrites every call; reaching this method means a template was run as written.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws IllegalStateException always, naming the generated method to call instead, e.g.
   *     "Kitchen.boilingWater() is an @Async template and does not run by itself; call
   *     AsyncKitchen.boilingWater() instead"
   */
  public static <T> T await(Awaitable<T> awaitable) {
    throw TemplateCaller.notGenerated();
  }

  /**
   * Marks a suspension on a {@code CompletionStage} in an {@code @Async} method; its failure is
   * thrown unwrapped from {@code CompletionException}. A stage completed on another thread
   * resumes the task on the loop thread.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws IllegalStateException always, as {@link #await(Awaitable)}
   */
  public static <T> T await(CompletionStage<T> stage) {
    throw TemplateCaller.notGenerated();
  }

  /**
   * Marks async iteration in an {@code @Async} body, Python's {@code async for}:
   * {@code for (T v : aiter(gen)) { ... }} awaits each value of {@code gen} in turn, and ends
   * when the generator finishes. Only the rewritten method iterates; run as written, it throws.
   *
   * @throws IllegalStateException always, naming the generated method to call instead
   */
  public static <T> Iterable<T> aiter(AsyncGenerator<T> generator) {
    throw TemplateCaller.notGenerated();
  }

  /**
   * Schedules {@code coro} as a task on {@code loop} from any thread, Python's
   * {@code run_coroutine_threadsafe}: the returned {@code CompletableFuture} completes with the
   * task's result or very exception; cancelling it cancels the task.
   */
  public static <T> java.util.concurrent.CompletableFuture<T> runCoroutineThreadsafe(
      Coroutine<T> coro, EventLoop loop) {
    java.util.concurrent.CompletableFuture<T> out = new java.util.concurrent.CompletableFuture<>();
    loop.callSoonThreadsafe(() -> {
      if (out.isDone()) {
        return; // cancelled before the loop got to it
      }
      Task<T> task;
      try {
        task = loop.createTask(coro);
      } catch (Throwable t) {
        out.completeExceptionally(t);
        return;
      }
      task.addDoneCallback(f -> AsyncFuture.completeFrom(f, out));
      out.whenComplete((v, e) -> {
        if (out.isCancelled()) {
          loop.callSoonThreadsafe(() -> task.cancel());
        }
      });
    });
    return out;
  }

  /** The tasks of the running loop not done yet, Python's {@code asyncio.all_tasks()}. */
  public static java.util.Set<Task<?>> allTasks() {
    return new java.util.LinkedHashSet<>(getRunningLoop().allTasks());
  }

  /**
   * The tasks of {@code loop} not done yet, Python's {@code asyncio.all_tasks(loop)}: usable
   * while the loop is not running, for example by a test after {@code runUntilComplete} returns.
   * Call it on the loop's thread.
   */
  public static java.util.Set<Task<?>> allTasks(EventLoop loop) {
    return new java.util.LinkedHashSet<>(loop.allTasks());
  }

  /** Finishes a {@code Coroutine<Void>}: {@code return done();}. */
  public static Coroutine<Void> done() {
    return new DoneCoroutine<>(TemplateCaller.methodName("done"), null);
  }

  /**
   * Finishes a coroutine with {@code value}: {@code return done(x);}, Python's {@code return x}.
   * Run as written (outside generated code), it returns a coroutine already holding its value.
   */
  public static <T> Coroutine<T> done(T value) {
    return new DoneCoroutine<>(TemplateCaller.methodName("done"), value);
  }

  /**
   * Runs {@code main} on a new loop on this thread and returns its result, or throws its exception
   * unchanged (checked ones too, undeclared): asyncio's {@code run}. It returns as soon as
   * {@code main} finishes; tasks still pending are then cancelled and awaited, and the loop is
   * closed.
   *
   * @throws IllegalStateException if a loop already runs on this thread ("cannot be called from a
   *     running event loop"), or {@code main} was already awaited or scheduled
   */
  public static <T> T run(Coroutine<T> main) {
    return run((Awaitable<T>) main);
  }

  /**
   * Same as {@link #run(Coroutine)} for any awaitable, such as {@code run(gather(a(), b()))}.
   * Differs from asyncio: {@code asyncio.run} takes only a coroutine.
   */
  public static <T> T run(Awaitable<T> main) {
    try (Runner runner = new Runner()) {
      return runner.run(main);
    }
  }

  /**
   * Wraps {@code coro} in a task on the running loop and queues its first step: asyncio's
   * {@code create_task}.
   *
   * @throws IllegalStateException if no loop runs on this thread, or {@code coro} was already
   *     awaited or scheduled
   */
  public static <T> Task<T> createTask(Coroutine<T> coro) {
    return getRunningLoop().createTask(coro);
  }

  /** Same as {@link #createTask(Coroutine)} with the task's name. */
  public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
    return getRunningLoop().createTask(coro, name);
  }

  /**
   * A coroutine that, awaited, suspends the task for {@code seconds} of loop time; zero or less
   * yields to the loop exactly once, letting every other ready task run a step first. asyncio's
   * {@code sleep}: the timer starts when the coroutine is awaited, not when it is created.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static Coroutine<Void> sleep(double seconds) {
    return new Sleep(seconds);
  }

  /** {@link #sleep(double)} for a {@code Duration}. */
  public static Coroutine<Void> sleep(Duration delay) {
    return new Sleep(delay.getSeconds() + delay.getNano() / 1e9);
  }

  /**
   * Runs the awaitables concurrently; the returned future's result lists theirs in argument order:
   * asyncio's {@code gather}. Coroutines are wrapped in tasks, their first steps queued in
   * argument order. The first exception (the very object) fails the future and so reaches its
   * awaiter, while the other awaitables keep running. Cancelling the future cancels them all.
   *
   * <p>Called where no loop runs, as in {@code run(gather(a(), b()))}, it creates the tasks on the
   * loop that first awaits or runs the future. Differs from asyncio: asyncio would use the
   * thread's default loop then, and has a {@code return_exceptions} flag.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  @SafeVarargs
  public static <T> AsyncFuture<List<T>> gather(Awaitable<? extends T>... awaitables) {
    // Copied element by element: javac's varargs lint flags the array itself escaping.
    List<Awaitable<? extends T>> arguments = new ArrayList<>(awaitables.length);
    for (int i = 0; i < awaitables.length; i++) {
      arguments.add(awaitables[i]);
    }
    return GatheringFuture.of(arguments);
  }

  /**
   * {@link #gather(Awaitable[])} of nothing: a future already done with an empty list, as
   * {@code asyncio.gather()}. (Declared apart so that the call is not ambiguous between the
   * {@code Awaitable} and {@code CompletionStage} forms.)
   */
  public static <T> AsyncFuture<List<T>> gather() {
    return GatheringFuture.of(List.<Awaitable<T>>of());
  }

  /**
   * {@link #gather(Awaitable[])} of {@code CompletionStage}s (such as {@code CompletableFuture}s),
   * each followed as by {@link #wrapFuture(CompletionStage)}: the list holds their values in
   * argument order, the first failure (unwrapped from {@code CompletionException}) reaches the
   * awaiter, and cancelling the future cancels every {@code CompletableFuture} not done.
   *
   * <pre>{@code
   * List<HttpResponse<String>> pages = await(gather(
   *     http.sendAsync(a, ofString()), http.sendAsync(b, ofString())));
   * }</pre>
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  @SafeVarargs
  public static <T> AsyncFuture<List<T>> gather(CompletionStage<? extends T>... stages) {
    List<AsyncFuture<? extends T>> futures = new ArrayList<>(stages.length);
    for (int i = 0; i < stages.length; i++) {
      futures.add(StageFuture.of(stages[i]));
    }
    return GatheringFuture.of(futures);
  }

  /**
   * {@link #gather(CompletionStage[])} for any {@code Iterable} of stages, in its iteration
   * order (an {@code Iterable}, not a {@code Collection}: that form takes awaitables).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T> AsyncFuture<List<T>> gather(
      Iterable<? extends CompletionStage<? extends T>> stages) {
    return GatheringFuture.of(wrapAll(stages));
  }

  /**
   * {@link #gather(Collection, boolean)} for stages: with {@code returnExceptions} every
   * failure (unwrapped) or cancellation takes its stage's place in the list.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static AsyncFuture<List<Object>> gather(
      Iterable<? extends CompletionStage<?>> stages, boolean returnExceptions) {
    return GatheringFuture.of(wrapAll(stages), returnExceptions);
  }

  /** {@link #gather(Awaitable[])} for a collection, in its iteration order. */
  public static <T> AsyncFuture<List<T>> gather(
      Collection<? extends Awaitable<? extends T>> awaitables) {
    return GatheringFuture.of(awaitables);
  }

  /**
   * {@link #gather(Collection)} with asyncio's {@code return_exceptions} flag: when true, every
   * awaitable runs to its end and an exception (or the {@code CancelledException} of a
   * cancelled one) takes its place in the list, so the future always finishes with the whole
   * list (unless the gather itself is cancelled); the elements are therefore {@code Object}s.
   * When false, it is {@link #gather(Collection)}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static AsyncFuture<List<Object>> gather(
      Collection<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
    return GatheringFuture.of(awaitables, returnExceptions);
  }

  /**
   * The task running on this thread's loop, or null (in a callback, or where no loop runs):
   * asyncio's {@code current_task()}.
   */
  public static Task<?> currentTask() {
    EventLoop loop = EventLoop.current();
    return loop == null ? null : loop.currentTask;
  }

  /**
   * The async call graph of the current task, asyncio 3.14's {@code capture_call_graph()}: where
   * its coroutines are (from the method that called this one down to the task's own coroutine,
   * plain methods included), and the tasks awaiting it, each with its own call stack and
   * awaiters. Null in a callback, where no task runs. See {@link FutureCallGraph}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static FutureCallGraph captureCallGraph() {
    return CallGraphs.capture(null, 1, Integer.MAX_VALUE);
  }

  /**
   * The async call graph of {@code future} (a task or any future; null: the current task):
   * where a pending task's coroutines wait, and who awaits it, directly or through
   * {@code gather}, {@code shield} or the {@code TaskGroup} it belongs to. Call it on the
   * loop's thread; to look at a loop from another thread, ask it through
   * {@link EventLoop#callSoonThreadsafe}.
   *
   * @throws IllegalStateException if {@code future} is null and no loop runs on this thread
   */
  public static FutureCallGraph captureCallGraph(AsyncFuture<?> future) {
    return CallGraphs.capture(future, 1, Integer.MAX_VALUE);
  }

  /**
   * {@link #captureCallGraph(AsyncFuture)} with asyncio's {@code depth} and {@code limit}: for
   * the current task, {@code depth - 1} frames are left out from the top of its stack (1: none;
   * a helper that captures for its caller passes 2); each call stack of the graph keeps at most
   * {@code |limit|} frames, the ones closest to the task's own coroutine if {@code limit} is
   * positive, the innermost if it is negative, none if it is 0 (only who awaits whom is left);
   * {@code Integer.MAX_VALUE} keeps them all (Python's {@code None}).
   *
   * @throws IllegalArgumentException if {@code depth} is less than 1
   */
  public static FutureCallGraph captureCallGraph(AsyncFuture<?> future, int depth, int limit) {
    return CallGraphs.capture(future, depth, limit);
  }

  /**
   * The call graph of the current task as text, asyncio 3.14's {@code format_call_graph()};
   * the empty string in a callback, where no task runs:
   *
   * <pre>
   * * Task(name='Task-2', id=0x1b2c)
   *   + Call stack:
   *   |   File 'Pipeline.java', line 14, in async demo.Pipeline.stage()
   *   + Awaited by:
   *       * Task(name='Task-1', id=0x3d4e)
   *         + Call stack:
   *         |   File 'Pipeline.java', line 21, in async demo.Pipeline.main()
   * </pre>
   *
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static String formatCallGraph() {
    return formatCallGraph(null, 1, Integer.MAX_VALUE);
  }

  /** {@link #formatCallGraph()} for {@code future} (null: the current task). */
  public static String formatCallGraph(AsyncFuture<?> future) {
    return formatCallGraph(future, 1, Integer.MAX_VALUE);
  }

  /**
   * {@link #formatCallGraph(AsyncFuture)} with {@code depth} and {@code limit} as
   * {@link #captureCallGraph(AsyncFuture, int, int)} takes them.
   */
  public static String formatCallGraph(AsyncFuture<?> future, int depth, int limit) {
    FutureCallGraph graph = CallGraphs.capture(future, depth, limit);
    return graph == null ? "" : CallGraphText.format(graph);
  }

  /**
   * Prints {@link #formatCallGraph()} on standard output, asyncio 3.14's
   * {@code print_call_graph()}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static void printCallGraph() {
    printCallGraph(null, System.out, 1, Integer.MAX_VALUE);
  }

  /** Prints {@link #formatCallGraph(AsyncFuture)} on standard output. */
  public static void printCallGraph(AsyncFuture<?> future) {
    printCallGraph(future, System.out, 1, Integer.MAX_VALUE);
  }

  /**
   * Prints {@link #formatCallGraph(AsyncFuture, int, int)} on {@code out} (Python's
   * {@code file}), followed by a line break.
   */
  public static void printCallGraph(AsyncFuture<?> future, java.io.PrintStream out, int depth,
      int limit) {
    out.println(formatCallGraph(future, depth, limit));
  }

  /**
   * Awaits {@code awaitable} for at most {@code seconds}: Python 3.12's {@code wait_for}. A
   * coroutine runs inline in the awaiting task; when time is up it is cancelled at its current
   * await ({@code finally} blocks run, and may await), and once it has ended this throws a
   * {@code TimeoutException} whose cause is that {@code CancelledException}. A future or task is
   * cancelled the same way. {@code Double.POSITIVE_INFINITY} means no limit (Python's
   * {@code None}); zero or less cancels at once whatever is not already done.
   *
   * <pre>{@code
   * try {
   *   String page = await(waitFor(fetch(url), 5));
   * } catch (TimeoutException e) { ... }
   * }</pre>
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws TimeoutException (at the await) if the time ran out
   */
  public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, double seconds)
      throws TimeoutException {
    return new WaitFor<>(awaitable, seconds);
  }

  /**
   * {@link #waitFor(Awaitable, double)} with a {@code Duration} (null: no limit).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws TimeoutException (at the await) if the time ran out
   */
  public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, Duration timeout)
      throws TimeoutException {
    return new WaitFor<>(awaitable, seconds(timeout));
  }

  /**
   * {@link #waitFor(Awaitable, double)} for a {@code CompletionStage}, followed as by
   * {@link #wrapFuture(CompletionStage)}: when time is up its {@code CompletableFuture} is
   * cancelled and the await throws {@code TimeoutException}.
   *
   * <pre>{@code
   * HttpResponse<String> page = await(waitFor(http.sendAsync(request, ofString()), 10.0));
   * }</pre>
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}, and the {@code CompletableFuture} is cancelled.
   *
   * @throws TimeoutException (at the await) if the time ran out
   */
  public static <T> Coroutine<T> waitFor(CompletionStage<T> stage, double seconds)
      throws TimeoutException {
    return new WaitFor<>(StageFuture.of(stage), seconds);
  }

  /**
   * {@link #waitFor(CompletionStage, double)} with a {@code Duration} (null: no limit).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws TimeoutException (at the await) if the time ran out
   */
  public static <T> Coroutine<T> waitFor(CompletionStage<T> stage, Duration timeout)
      throws TimeoutException {
    return new WaitFor<>(StageFuture.of(stage), seconds(timeout));
  }

  /**
   * A deadline {@code delay} from now for the awaits in a try-with-resources block: asyncio's
   * {@code timeout(delay)}; null means none (it can be set later with {@link
   * Timeout#reschedule}). Must be called inside a task, as in an {@code @Async} body:
   *
   * <pre>{@code
   * try (var scope = timeout(Duration.ofSeconds(10))) {
   *   await(longRunningTask());
   * } catch (TimeoutException e) { ... }
   * }</pre>
   *
   * <p>It declares {@code TimeoutException} so that javac makes the code around the
   * try-with-resources statement handle it (the catch clauses of a try-with-resources cover its
   * resources' initializers); the exception itself comes at the end of the block.
   *
   * @throws IllegalStateException if no task is running on this thread
   * @throws TimeoutException at the end of the block, if the deadline passed
   */
  public static Timeout timeout(Duration delay) throws TimeoutException {
    double now = getRunningLoop().time();
    return new Timeout(delay == null ? Double.POSITIVE_INFINITY : now + seconds(delay));
  }

  /**
   * {@link #timeout(Duration)} in seconds ({@code Double.POSITIVE_INFINITY}: none).
   *
   * @throws IllegalStateException if no task is running on this thread
   * @throws TimeoutException at the end of the block, if the deadline passed
   */
  public static Timeout timeout(double delay) throws TimeoutException {
    return new Timeout(getRunningLoop().time() + delay);
  }

  /**
   * A deadline at loop time {@code when} ({@link EventLoop#time()}): asyncio's
   * {@code timeout_at}.
   *
   * @throws IllegalStateException if no task is running on this thread
   * @throws TimeoutException at the end of the block, if the deadline passed
   */
  public static Timeout timeoutAt(double when) throws TimeoutException {
    return new Timeout(when);
  }

  /**
   * Protects {@code awaitable} from cancellation: asyncio's {@code shield}. The returned future
   * follows it; cancelling that future (as cancelling the task that awaits it does) leaves the
   * awaitable running. A coroutine is wrapped in a task first; one already done is returned as
   * is.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}, and the shielded work goes on.
   *
   * @throws IllegalStateException if {@code awaitable} is a coroutine and no loop runs here
   */
  public static <T> AsyncFuture<T> shield(Awaitable<T> awaitable) {
    return Shield.of(awaitable);
  }

  /**
   * {@link #shield(Awaitable)} for a {@code CompletionStage}: cancelling the returned future (as
   * cancelling the task that awaits it does) leaves the stage's {@code CompletableFuture}
   * running.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}, and the stage goes on.
   *
   * @throws IllegalStateException if no loop runs here
   */
  public static <T> AsyncFuture<T> shield(CompletionStage<T> stage) {
    StageFuture<T> inner = StageFuture.of(stage);
    inner.attach(getRunningLoop());
    return Shield.of(inner);
  }

  /**
   * A future of the running loop that follows {@code stage}, completed on any thread: asyncio's
   * {@code wrap_future}. Its value, or its exception unwrapped from
   * {@code CompletionException}, reaches the loop through its thread-safe inbox; a cancelled
   * {@code CompletableFuture} cancels it; cancelling it (or the task awaiting it) cancels the
   * stage's {@code CompletableFuture}. It is how stages join tasks in one call:
   * {@code gather(task, wrapFuture(stage))}. Made where no loop runs, it belongs to the loop
   * that first awaits it.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T> AsyncFuture<T> wrapFuture(CompletionStage<T> stage) {
    return StageFuture.of(stage);
  }

  /**
   * {@link #wrapFuture(CompletionStage)} for a {@code CompletableFuture} (which is both a stage
   * and a {@code Future}; this overload spares the cast).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T> AsyncFuture<T> wrapFuture(CompletableFuture<T> future) {
    return StageFuture.of((CompletionStage<T>) future);
  }

  /**
   * {@link #wrapFuture(CompletionStage)} for a plain {@code Future}, such as
   * {@code ExecutorService.submit} returns: as a {@code Future} cannot say when it is done, a
   * daemon thread waits in its {@code get()} until it is (none if it already is). Its exception
   * is unwrapped from {@code ExecutionException}; cancelling the returned future cancels it with
   * {@code cancel(true)}, interrupting its thread (as {@link #runInExecutor} does).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T> AsyncFuture<T> wrapFuture(Future<T> future) {
    return StageFuture.of(future);
  }

  /**
   * Waits for the futures (or tasks) until {@code returnWhen} holds, and finishes with the sets
   * of those done and those still pending: asyncio's {@code wait}. It throws nothing for their
   * failures. Call it qualified, {@code Asyncio.wait(...)}: inside any class, {@code wait} names
   * {@code Object.wait}.
   *
   * <pre>{@code
   * var r = await(Asyncio.wait(List.of(t1, t2), FIRST_COMPLETED));
   * for (Task<String> t : r.done()) { ... }
   * }</pre>
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}; the futures are not cancelled.
   *
   * @throws IllegalArgumentException if {@code futures} is empty
   */
  public static <F extends AsyncFuture<?>> Coroutine<DoneAndPending<F>> wait(
      Collection<F> futures, ReturnWhen returnWhen) {
    return Wait.ofFutures(futures, Double.POSITIVE_INFINITY, returnWhen);
  }

  /**
   * {@link #wait(Collection, ReturnWhen)} that also returns after {@code timeout} seconds,
   * with what is done then ({@code Double.POSITIVE_INFINITY}: no limit). It throws no
   * {@code TimeoutException}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <F extends AsyncFuture<?>> Coroutine<DoneAndPending<F>> wait(
      Collection<F> futures, double timeout, ReturnWhen returnWhen) {
    return Wait.ofFutures(futures, timeout, returnWhen);
  }

  /**
   * {@link #wait(Collection, double, ReturnWhen)} with a {@code Duration} (null: no limit).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <F extends AsyncFuture<?>> Coroutine<DoneAndPending<F>> wait(
      Collection<F> futures, Duration timeout, ReturnWhen returnWhen) {
    return Wait.ofFutures(futures, seconds(timeout), returnWhen);
  }

  /**
   * {@link #wait(Collection, ReturnWhen)} for {@code CompletionStage}s: the sets hold the stages
   * themselves, done when their outcome has reached the loop (then {@code join()} returns at
   * once). An {@code Iterable}, since a {@code Collection} form would erase to the futures' one.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}; the stages are not cancelled.
   *
   * @throws IllegalArgumentException if {@code stages} is empty
   */
  public static <S extends CompletionStage<?>> Coroutine<DoneAndPending<S>> wait(
      Iterable<S> stages, ReturnWhen returnWhen) {
    return Wait.ofStages(stages, Double.POSITIVE_INFINITY, returnWhen);
  }

  /**
   * {@link #wait(Iterable, ReturnWhen)} that also returns after {@code timeout} seconds.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <S extends CompletionStage<?>> Coroutine<DoneAndPending<S>> wait(
      Iterable<S> stages, double timeout, ReturnWhen returnWhen) {
    return Wait.ofStages(stages, timeout, returnWhen);
  }

  /**
   * {@link #wait(Iterable, double, ReturnWhen)} with a {@code Duration} (null: no limit).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <S extends CompletionStage<?>> Coroutine<DoneAndPending<S>> wait(
      Iterable<S> stages, Duration timeout, ReturnWhen returnWhen) {
    return Wait.ofStages(stages, seconds(timeout), returnWhen);
  }

  /**
   * The awaitables in the order they finish: Python 3.13's {@code as_completed}. As an
   * {@code Iterable}, it gives as many awaitables as there are distinct arguments; awaiting each
   * in turn gives the result of the next one to finish, or throws its exception. As an
   * {@link AsyncGenerator}, iterated with {@code aiter} in an {@code @Async} body, it gives the
   * tasks and futures themselves as they finish (a coroutine's task). Coroutines are wrapped in
   * tasks at once.
   *
   * <pre>{@code
   * for (Awaitable<String> next : asCompleted(List.of(fetch("a"), fetch("b")))) {
   *   String page = await(next);   // the earliest first
   * }
   * for (AsyncFuture<String> task : aiter(asCompleted(tasks))) {
   *   String page = task.result();  // task is one of tasks, the earliest first
   * }
   * }</pre>
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T> AsCompleted<T> asCompleted(
      Collection<? extends Awaitable<? extends T>> awaitables) {
    return new AsCompleted<>(awaitables, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #asCompleted(Collection)} with a time limit in seconds: the awaits that would finish
   * after it throw {@code TimeoutException}, undeclared (catch {@code Exception} around them).
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T> AsCompleted<T> asCompleted(
      Collection<? extends Awaitable<? extends T>> awaitables, double timeout) {
    return new AsCompleted<>(awaitables, timeout);
  }

  /**
   * {@link #asCompleted(Collection)} for {@code CompletionStage}s, each followed as by
   * {@link #wrapFuture(CompletionStage)}; async iteration gives those wrapping futures.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <T> AsCompleted<T> asCompleted(
      Iterable<? extends CompletionStage<? extends T>> stages) {
    return new AsCompleted<>(wrapAll(stages), Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #asCompleted(Iterable)} with a time limit in seconds, as
   * {@link #asCompleted(Collection, double)}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T> AsCompleted<T> asCompleted(
      Iterable<? extends CompletionStage<? extends T>> stages, double timeout) {
    return new AsCompleted<>(wrapAll(stages), timeout);
  }

  /** One {@link StageFuture} per stage, in iteration order. */
  private static <T> List<AsyncFuture<? extends T>> wrapAll(
      Iterable<? extends CompletionStage<? extends T>> stages) {
    List<AsyncFuture<? extends T>> futures = new ArrayList<>();
    for (CompletionStage<? extends T> s : stages) {
      futures.add(StageFuture.of(s));
    }
    return futures;
  }

  private static double seconds(Duration d) {
    return d == null ? Double.POSITIVE_INFINITY : d.getSeconds() + d.getNano() / 1e9;
  }

  /**
   * Runs {@code fn.apply(argument)} on {@code executor} and returns a future of the running loop
   * for its outcome: asyncio's {@code loop.run_in_executor(executor, fn, argument)}. Any
   * {@code Executor} works (null: the loop's default one); with a {@link ProcessPool} the call
   * runs in a worker process, with another {@link RemoteExecutor} (a pool on a cluster) in
   * another JVM. The task awaiting the future resumes on the loop thread, and gets the very
   * exception {@code fn} threw. Cancelling the future, or the task awaiting it, cancels the call.
   *
   * <pre>{@code
   * ExecutorService threads = Executors.newCachedThreadPool();
   * List<AsyncFuture<String>> calls = new ArrayList<>();
   * for (String id : ids) {
   *   calls.add(runInExecutor(threads, Api::getResponse, id));
   * }
   * List<String> responses = await(gather(calls));
   * }</pre>
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   * @throws java.util.concurrent.RejectedExecutionException if {@code executor} refuses the call
   */
  public static <T, R> AsyncFuture<R> runInExecutor(Executor executor,
      SerializableFunction<? super T, ? extends R> fn, T argument) {
    return getRunningLoop().runInExecutor(executor, fn, argument);
  }

  /**
   * {@link #runInExecutor(Executor, SerializableFunction, Object)} for a call without argument.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <R> AsyncFuture<R> runInExecutor(Executor executor,
      SerializableCallable<? extends R> callable) {
    return getRunningLoop().runInExecutor(executor, callable);
  }

  /**
   * Runs {@code callable} on the running loop's default executor, a pool of daemon threads that
   * the loop makes on first use and shuts down when it closes: asyncio's {@code to_thread}.
   *
   * <pre>{@code
   * String page = await(toThread(() -> Files.readString(path)));
   * }</pre>
   *
   * <p>Differs from asyncio: no context variables to copy; arguments go in a lambda or through
   * {@link #toThread(SerializableFunction, Object)}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   */
  public static <R> AsyncFuture<R> toThread(SerializableCallable<? extends R> callable) {
    return getRunningLoop().runInExecutor(null, callable);
  }

  /**
   * {@link #toThread(SerializableCallable)} for {@code fn.apply(argument)}.
   *
   * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
   * thrown at that {@code await}.
   */
  public static <T, R> AsyncFuture<R> toThread(SerializableFunction<? super T, ? extends R> fn,
      T argument) {
    return getRunningLoop().runInExecutor(null, fn, argument);
  }

  /**
   * The loop running on this thread: asyncio's {@code get_running_loop}.
   *
   * @throws IllegalStateException if none is running ("no running event loop")
   */
  public static EventLoop getRunningLoop() {
    EventLoop loop = EventLoop.current();
    if (loop == null) {
      throw new IllegalStateException("no running event loop");
    }
    return loop;
  }
}
