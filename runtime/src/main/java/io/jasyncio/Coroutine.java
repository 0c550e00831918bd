package io.jasyncio;

import io.jasyncio.internal.Iteration;
import io.jasyncio.internal.NeverAwaitedWatch;
import io.jasyncio.internal.Origin;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A coroutine object: what calling an {@code @Async} method returns, Python's coroutine. It is
 * lazy and single-use. Creating one runs nothing; its body runs when it is awaited (inline, in the
 * awaiting task) or scheduled ({@link Asyncio#createTask}, {@link Asyncio#gather},
 * {@link Asyncio#run}). Awaiting or scheduling it a second time throws
 * {@code IllegalStateException}. One that is garbage-collected without ever being awaited or
 * scheduled prints {@code RuntimeWarning: coroutine 'numSum' was never awaited} on standard error.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th><th>next</th></tr>
 *   <tr><td>created</td><td>calling the {@code @Async} method</td><td>running, when first
 *       awaited or its task takes its first step</td></tr>
 *   <tr><td>running</td><td>a step of its task</td><td>suspended at an {@code await} of something
 *       pending, or finished</td></tr>
 *   <tr><td>suspended</td><td>awaiting a pending future, task, sleep or coroutine</td><td>running,
 *       when that completes (or the task is cancelled)</td></tr>
 *   <tr><td>finished</td><td>{@code return done(x)} or an exception escaping the body</td>
 *       <td>none: its outcome is handed to its awaiter</td></tr>
 * </table>
 *
 * <p>{@code toString()} reads {@code <coroutine object numSum at 0x1b2c>}.
 *
 * <p>The protected members are the protocol between generated state machines and the runtime;
 * generated code extends {@link io.jasyncio.internal.CoroutineMachine}, and nothing else should
 * extend this class. How the engine works: a {@link Task} drives the outermost coroutine. Awaiting
 * a coroutine claims it, links it to its awaiter ({@code parent}) and runs it at once on the same
 * stack. When a coroutine awaits something pending, it becomes its task's {@code leaf}, every
 * coroutine up the chain returns from {@code resume()}, and the task waits. When woken, the task
 * resumes the leaf; each coroutine that finishes hands over to its parent in a loop inside the
 * task's step (a trampoline), so the Java stack does not grow with the length of a chain.
 *
 * <p>The never-awaited watch is paid for only by coroutines that outlive their moment: one made
 * where no loop runs is watched at once; one made while a loop runs on its thread (in a task
 * step or callback) is watched only if it is still unclaimed when that step or callback ends,
 * so {@code await(twice(x))} and {@code createTask(boil())} never arm one.
 *
 * <p>Differs from asyncio: Python's coroutine also has {@code send}/{@code throw}/{@code close};
 * here a coroutine only runs under a task. The never-awaited warning names the method without
 * its class ({@code 'numSum'}, not {@code 'Kitchen.numSum'}), and coroutines built into the
 * runtime ({@code sleep}, {@code done}) are not watched.
 *
 * @param <T> the result type
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {
  static final byte CREATED = 0;
  static final byte RUNNING = 1;
  static final byte SUSPENDED = 2;
  static final byte RETURNED = 3;
  static final byte THREW = 4;
  /** How many coroutines may run inline, one inside the other, on one stack. */
  static final int MAX_INLINE_DEPTH = 256;

  /** Swaps {@code link} when a loop arms a watch and another thread claims it at the same time. */
  private static final VarHandle WATCH;

  static {
    try {
      WATCH = MethodHandles.lookup().findVarHandle(Coroutine.class, "link", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The state {@link #resume()} runs next; 0 before the first step. Set by generated code. */
  protected int state;

  private final String name;
  /** CREATED, RUNNING, SUSPENDED, RETURNED or THREW. */
  byte status;
  /** Whether it was awaited or scheduled once: a coroutine is single-use. */
  private boolean claimed;
  /** The task running it; set when it is claimed by a task or an awaiting coroutine. */
  Task<?> task;
  /**
   * Until it finishes, what the last suspendOn awaited, read by awaited(): a Coroutine, an
   * AsyncFuture, a done CompletableFuture, a Throwable the task injected (cancellation), or null
   * (a bare yield). Once it has finished, its outcome: the result (RETURNED) or the throwable
   * (THREW). The two never hold at once, so they share a field: a suspended task's outermost
   * coroutine is most of what the task costs in memory.
   */
  Object awaiting;
  /**
   * Until it is claimed, its never-awaited watch: null when there is none (not watched); the
   * {@link EventLoop} whose {@link FreshCoroutines} holds it while the entry that created it runs
   * and no watch is armed yet; or the armed {@link NeverAwaitedWatch}. Changes only from the loop
   * to a watch (when the loop arms it) or to null (when claimed); see {@link #claim()}. Once
   * claimed, its parent (see {@link #parent()}): the coroutine awaiting it inline, or null for a
   * task's outermost coroutine. A watch matters only until the claim and a parent only after it,
   * so they share a field: a suspended task's outermost coroutine is most of what the task costs.
   */
  private Object link;

  /** A fresh, watched coroutine of the method {@code name}; see {@link io.jasyncio.internal.CoroutineMachine}. */
  protected Coroutine(String name) {
    this(name, true);
  }

  /**
   * A fresh coroutine of the method {@code name}; an unwatched one never warns that it was not
   * awaited (an async generator's body, which its steps await again and again).
   */
  @SuppressWarnings("this-escape")
  protected Coroutine(String name, boolean watched) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    this.name = name;
    if (!watched) {
      return;
    }
    EventLoop loop = EventLoop.current();
    if (loop != null) {
      // Made in a step, as in await(twice(x)) or createTask(boil()): it is almost always claimed
      // before the step ends, so the loop arms a watch only if it is still unclaimed then.
      this.link = loop;
      loop.fresh.add(this);
    } else {
      // Made where no loop runs, as in plain main(): watched at once. The watch holds this
      // coroutine only through a PhantomReference, which can never hand it back, so registering
      // it before a subclass constructor has run exposes nothing.
      this.link = NeverAwaitedWatch.watch(this, name);
    }
  }

  /**
   * Runs from {@link #state} to the next suspension (returning right after a {@code suspendOn}
   * that returned true) or to completion (returning right after {@link #complete}). Any
   * throwable escaping it fails the coroutine with that very throwable.
   */
  protected abstract void resume() throws Throwable;

  /**
   * Awaits {@code awaitable}, continuing at {@code nextState}. Returns false when the outcome is
   * available at once: the awaitable is already done, or it is a coroutine that ran inline in
   * this task and finished without suspending (the caller falls through into
   * {@code case nextState:} and reads {@link #awaited()}). Returns true when the task suspended:
   * the caller returns from {@code resume()}, which is called again, with {@code state ==
   * nextState}, once the outcome is there. Neither path touches the ready queue unless the task
   * really suspends.
   *
   * @throws IllegalStateException if {@code awaitable} is a coroutine already awaited or
   *     scheduled, a future of another loop, or this coroutine's own task
   */
  protected final boolean suspendOn(Awaitable<?> awaitable, int nextState) {
    state = nextState;
    if (awaitable instanceof Sleep sleep) {
      // A sleep needs no frame of its own: this coroutine yields or starts the timer itself.
      // Nothing links to the Sleep then, so in await(sleep(0)) the JIT need not allocate it.
      sleep.claimUnwatched();
      return sleep.suspend(this, nextState);
    }
    if (awaitable instanceof Coroutine<?> child) {
      child.claim();
      awaiting = child;
      child.link = this;
      Task<?> t = task;
      child.task = t;
      EventLoop loop = t.loop;
      if (loop.inlineDepth >= MAX_INLINE_DEPTH) {
        // Too deep to run on this stack (a method awaiting itself 10,000 levels down): the
        // whole chain returns, and the task's trampoline starts the child on a fresh stack,
        // in the same step and without a trip through the ready queue.
        t.leaf = child;
        t.startLeaf = true;
        status = SUSPENDED;
        return true;
      }
      loop.inlineDepth++;
      try {
        child.runStep();
      } finally {
        loop.inlineDepth--;
      }
      if (child.status != SUSPENDED) {
        return false;
      }
      status = SUSPENDED;
      return true;
    }
    AsyncFuture<?> future = (AsyncFuture<?>) awaitable;
    awaiting = future;
    if (future.isDone()) {
      return false;
    }
    waitFor(future);
    return true;
  }

  /**
   * Awaits a {@code CompletionStage}, continuing at {@code nextState}; same contract as
   * {@link #suspendOn(Awaitable, int)}. A stage completed on another thread resumes this
   * coroutine on the loop thread, through the loop's thread-safe inbox.
   */
  protected final boolean suspendOn(CompletionStage<?> stage, int nextState) {
    state = nextState;
    CompletableFuture<?> cf = completableOrNull(stage);
    if (cf != null && cf.isDone()) {
      awaiting = cf;
      return false;
    }
    AsyncFuture<?> bridge = StageFuture.on(task.loop, stage);
    awaiting = bridge;
    waitFor(bridge);
    return true;
  }

  /**
   * The outcome of the last {@code suspendOn}: returns its value or throws its exception unchanged
   * (unwrapped from {@code CompletionException} for a stage; {@code CancelledException} for
   * something cancelled, or when this task was cancelled while suspended).
   */
  @SuppressWarnings("unchecked")
  protected final <R> R awaited() throws Throwable {
    Object a = awaiting;
    if (a instanceof Coroutine<?> child) {
      return (R) child.outcomeOrThrow();
    }
    if (a instanceof AsyncFuture<?> future) {
      return (R) future.outcomeOrThrow();
    }
    if (a == null) {
      return null;
    }
    if (a instanceof Throwable injected) {
      throw injected;
    }
    return (R) join((CompletableFuture<?>) a);
  }

  /** {@link #awaited()} as a {@code boolean}. */
  protected final boolean awaitedBoolean() throws Throwable {
    return Iteration.asBoolean(awaited());
  }

  /** {@link #awaited()} as a {@code byte}. */
  protected final byte awaitedByte() throws Throwable {
    return Iteration.asByte(awaited());
  }

  /** {@link #awaited()} as a {@code short}, widening a {@code Byte}. */
  protected final short awaitedShort() throws Throwable {
    return Iteration.asShort(awaited());
  }

  /** {@link #awaited()} as a {@code char}. */
  protected final char awaitedChar() throws Throwable {
    return Iteration.asChar(awaited());
  }

  /** {@link #awaited()} as an {@code int}, widening as assignment does (a Character gives its code). */
  protected final int awaitedInt() throws Throwable {
    return Iteration.asInt(awaited());
  }

  /** {@link #awaited()} as a {@code long}, widening as assignment does. */
  protected final long awaitedLong() throws Throwable {
    return Iteration.asLong(awaited());
  }

  /** {@link #awaited()} as a {@code float}, widening as assignment does. */
  protected final float awaitedFloat() throws Throwable {
    return Iteration.asFloat(awaited());
  }

  /** {@link #awaited()} as a {@code double}, widening as assignment does. */
  protected final double awaitedDouble() throws Throwable {
    return Iteration.asDouble(awaited());
  }

  /** Finishes the coroutine with {@code value} (null for {@code Coroutine<Void>}). */
  protected final void complete(T value) {
    awaiting = value;
    status = RETURNED;
  }

  /**
   * Lets the next await take this coroutine again after it handed a value to its awaiter with
   * {@link #complete}: an async generator's body, suspended at a yield, resumes from
   * {@link #state} when its next step awaits it.
   */
  protected final void reopen() {
    claimed = false;
    link = null;
  }

  /**
   * Where this coroutine's code is in the source, for async stack traces: a generated machine
   * returns the {@link Origin} the processor wrote for it; the runtime's own coroutines have
   * none. Read only while an exception is being reported.
   */
  protected Origin origin() {
    return null;
  }

  /** {@code <coroutine object numSum at 0x1b2c>}, as Python prints a coroutine object. */
  @Override
  public String toString() {
    return "<coroutine object " + name + " at 0x"
        + Integer.toHexString(System.identityHashCode(this)) + ">";
  }

  // ---- engine, used by Task and the built-in coroutines --------------------------------------

  /** Marks the coroutine used by an await or a task; a coroutine is single-use. */
  final void claim() {
    claimUnwatched();
    Object w = link;
    if (w != null) {
      disarm(w);
    }
  }

  /** Whether it was awaited or scheduled already. */
  final boolean isClaimed() {
    return claimed;
  }

  /**
   * {@link #claim()} for a coroutine made unwatched, such as a sleep: with no watch to drop, a
   * sleep made inside {@code await(...)} stays local to the awaiting machine's code, which the
   * JIT can then compile without allocating it.
   */
  final void claimUnwatched() {
    if (claimed) {
      throw new IllegalStateException("cannot reuse already awaited coroutine " + this);
    }
    claimed = true;
  }

  /**
   * Drops the watch of a coroutine being claimed: consumes an armed one, or takes a fresh one off
   * its loop's hands. Claimed on the thread running that loop (the usual case, as in
   * {@code await(twice(x))}), the loop arms it later on this same thread, so clearing the field is
   * enough; the loop's list then drops it at once if it is the last one made, as in that await.
   * Claimed on another thread, as a coroutine made in a step and handed to
   * {@code toThread(() -> run(coro))}, the loop may be arming it right now: the swap settles who
   * wins, and {@link #armIfFresh} consumes its watch if it lost.
   */
  private void disarm(Object w) {
    if (w instanceof NeverAwaitedWatch armed) {
      link = null;
      armed.consumed();
    } else if (((EventLoop) w).isLoopThread()) {
      link = null;
      ((EventLoop) w).fresh.dropClaimedOnTop();
    } else if (WATCH.getAndSet(this, null) instanceof NeverAwaitedWatch armed) {
      armed.consumed();
    }
  }

  /**
   * Arms the never-awaited watch of a coroutine {@code loop} made and nobody has claimed yet;
   * returns whether it did. Called by the loop, on its thread, once the entry that made it ends.
   */
  final boolean armIfFresh(EventLoop loop) {
    if (!isFreshIn(loop)) {
      return false;
    }
    NeverAwaitedWatch armed = NeverAwaitedWatch.watch(this, name);
    if (WATCH.compareAndSet(this, loop, armed)) {
      return true;
    }
    // Claimed on another thread meanwhile.
    armed.consumed();
    return false;
  }

  /** Whether {@code loop} made it in the entry it is running and nobody has claimed it yet. */
  final boolean isFreshIn(EventLoop loop) {
    return link == loop;
  }

  /** Whether an armed never-awaited watch is attached (armed and not yet consumed); for tests. */
  final boolean isWatchArmed() {
    return link instanceof NeverAwaitedWatch;
  }

  /** Runs one stretch of the body and records how it ended. */
  final void runStep() {
    status = RUNNING;
    try {
      resume();
    } catch (Throwable e) {
      awaiting = e;
      status = THREW;
      if (!(e instanceof VirtualMachineError)) {
        EventLoop loop = task.loop;
        loop.traces.leaving(e, this, loop.getDebug());
      }
      return;
    }
    if (status == RUNNING) {
      awaiting = new IllegalStateException(this + ": resume() returned in state " + state
          + " without complete(...) or a suspension");
      status = THREW;
    }
  }

  /** The result of a finished coroutine, or its exception thrown unchanged. */
  final Object outcomeOrThrow() throws Throwable {
    if (status == RETURNED) {
      return awaiting;
    }
    throw (Throwable) awaiting;
  }

  /**
   * The coroutine awaiting this one inline, or null for a task's outermost coroutine (and for
   * one not claimed yet, whose link holds its watch).
   */
  final Coroutine<?> parent() {
    return link instanceof Coroutine<?> p ? p : null;
  }

  /** What a finished coroutine returned or threw. */
  final Object outcome() {
    return awaiting;
  }

  /** Ends a coroutine that never started with {@code thrown}, as if its first line threw it. */
  final void throwBeforeStart(Throwable thrown) {
    awaiting = thrown;
    status = THREW;
  }

  /** Suspends until the next turn of the loop: asyncio's bare {@code yield}, as in sleep(0). */
  final boolean yieldOnce(int nextState) {
    state = nextState;
    awaiting = null;
    becomeLeaf().yieldOnce();
    return true;
  }

  /** Suspends for {@code delay} seconds of loop time. */
  final boolean sleepFor(double delay, int nextState) {
    state = nextState;
    awaiting = null;
    becomeLeaf().sleepFor(delay);
    return true;
  }

  /** Suspends on a pending future: this coroutine is the one its task resumes when woken. */
  private void waitFor(AsyncFuture<?> future) {
    Task<?> t = task;
    if (future.loop != t.loop) {
      if (future.loop != null) {
        throw new IllegalStateException(t + " got " + future + " attached to a different loop");
      }
      future.attach(t.loop);
    }
    if (future == t) {
      throw new IllegalStateException("Task cannot await on itself: " + t);
    }
    becomeLeaf().waitFor(future);
  }

  private Task<?> becomeLeaf() {
    Task<?> t = task;
    t.leaf = this;
    status = SUSPENDED;
    return t;
  }

  private static CompletableFuture<?> completableOrNull(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  private Object join(CompletableFuture<?> done) throws Throwable {
    try {
      return done.join();
    } catch (CancellationException e) {
      throw new CancelledException(task.loop, e.getMessage());
    } catch (CompletionException e) {
      throw io.jasyncio.internal.Unchecked.unwrap(e);
    }
  }
}
