package io.jasyncio.internal;

import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import java.util.concurrent.CompletionStage;
import java.util.function.ToIntFunction;

/**
 * The base class of every state machine the jasyncio processor generates for an {@code @Async}
 * method: one instance is one coroutine object, and while suspended it is the only object the
 * coroutine costs. The protocol generated code relies on is inherited from {@link Coroutine}:
 *
 * <ul>
 *   <li>{@code protected int state}: the state {@code resume()} runs next, 0 before the first step.
 *   <li>{@code protected abstract void resume() throws Throwable}: runs from {@code state} to the
 *       next suspension or to completion; any throwable escaping it fails the coroutine.
 *   <li>{@code suspendOn(awaitable, nextState)} / {@code suspendOn(stage, nextState)}: set
 *       {@code state = nextState}; return false when the outcome is available at once (then fall
 *       through into {@code case nextState:}), true when the task suspended (then return).
 *   <li>{@code awaited()} and {@code awaitedInt()} etc.: the outcome of the last
 *       {@code suspendOn}, its value returned or its exception thrown unchanged.
 *   <li>{@code complete(value)}: finishes the coroutine; {@code resume()} returns right after.
 *   <li>{@code iterate(x)}, then {@code nextInt(it)}, {@code nextElement(it)} etc.: an enhanced
 *       {@code for} whose body awaits keeps its position in an iterator field (shared with
 *       generators' machines).
 *   <li>{@code cases(selector, chooser)}: types the case chooser of {@code switch (await(x))},
 *       which maps the awaited value to the state of its case once the value is there.
 *   <li>{@code EXIT_NORMAL}, {@code EXIT_THROW}, {@code EXIT_RETURN}, {@code EXIT_JUMP}
 *       ({@link PendingExit}): how a try block was left, while its finally block runs.
 * </ul>
 *
 * <pre>{@code
 * static final class BoilingWaterMachine extends CoroutineMachine<Void> {
 *   BoilingWaterMachine() { super("boilingWater"); }
 *   @Override protected void resume() throws Throwable {
 *     switch (state) {
 *       case 0:
 *         System.out.println("boiling for 1 sec");
 *         if (suspendOn(Asyncio.sleep(2), 1)) return;
 *       case 1:
 *         awaited();
 *         complete(null);
 *         return;
 *       default:
 *         throw new IllegalStateException("bad state " + state);
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>The machine of an {@code AsyncGenerator<T>} method extends it too, through
 * {@link AsyncGeneratorMachine}: its body is a coroutine that may await in all the same ways.
 *
 * <p>Internal API: it changes with the processor, and only generated code should extend it.
 *
 * @param <T> the coroutine's result type
 */
public abstract class CoroutineMachine<T> extends Coroutine<T>
    implements PendingExit, ForEachSteps {
  /**
   * A fresh coroutine of the {@code @Async} method {@code name} (its simple name, used by
   * {@code toString()} and the never-awaited warning). Runs nothing.
   */
  protected CoroutineMachine(String name) {
    super(name);
  }

  /**
   * The same, unwatched if not {@code watched}: the body of an {@link AsyncGeneratorMachine},
   * which its steps await again and again, never warns that it was not awaited.
   */
  protected CoroutineMachine(String name, boolean watched) {
    super(name, watched);
  }

  // ---- a switch whose selector awaits: the case is chosen once the awaited value is there

  /**
   * The case chooser of a switch whose selector is {@code await(selector)}: {@code chooser} maps
   * the selector's value to the state of the matching case. Its type is checked against what
   * {@code selector} yields here, where that type is known; the machine keeps it as a chooser of
   * any value until the awaited value arrives.
   */
  @SuppressWarnings("unchecked")
  protected static <V> ToIntFunction<Object> cases(Awaitable<V> selector,
      ToIntFunction<? super V> chooser) {
    return (ToIntFunction<Object>) chooser;
  }

  /** The same for a selector that awaits a {@code CompletionStage}. */
  @SuppressWarnings("unchecked")
  protected static <V> ToIntFunction<Object> cases(CompletionStage<V> selector,
      ToIntFunction<? super V> chooser) {
    return (ToIntFunction<Object>) chooser;
  }

  // ---- awaits inside expressions: the rest of the expression as a continuation (see Step)

  /** Awaits {@code awaitable}, then runs the rest of the expression with its value. */
  protected static <T, R> Coroutine<R> awaitThen(io.jasyncio.Awaitable<T> awaitable,
      Step.Then<? super T, R> then) {
    return Step.await(awaitable, then);
  }

  /** Awaits {@code stage}, then runs the rest of the expression with its value. */
  protected static <T, R> Coroutine<R> awaitThen(java.util.concurrent.CompletionStage<T> stage,
      Step.Then<? super T, R> then) {
    return Step.await(stage, then);
  }

  /** The end of a chain: the value of the whole expression. */
  protected static <R> Coroutine<R> resultOf(R value) {
    return Step.done(value);
  }

  /** A {@code ?:}, {@code &&} or {@code ||} whose branch awaits; see {@link Step#either}. */
  protected static <A, B, R> Coroutine<R> either(boolean condition, Step.Branch<A> ifTrue,
      Step.Branch<B> ifFalse, Step.ThenEither<? super A, ? super B, R> then) {
    return Step.either(condition, ifTrue, ifFalse, then);
  }

  // ---- try-with-resources over an AsyncCloseable awaits its close

  /**
   * What closing {@code resource} awaits: its {@code aclose()} coroutine, or one that fails with
   * what {@code aclose()} threw at once, so the rewritten try-with-resources treats both alike.
   */
  protected static Awaitable<Void> closeAsync(io.jasyncio.AsyncCloseable resource) {
    try {
      return resource.aclose();
    } catch (Throwable thrown) {
      return new Failed(thrown);
    }
  }

  /**
   * What closing {@code resource} awaits when {@code failure} (null: none) leaves the block:
   * {@code aclose(failure)}, Python's {@code __aexit__}, or one that fails with what it threw at
   * once. What the await throws then replaces {@code failure} (the resource applies Java's
   * suppression rule itself unless it means to replace it, as {@code TaskGroup} and
   * {@code Timeout} do); see {@link io.jasyncio.AsyncCloseable#aclose(Throwable)}.
   */
  protected static Awaitable<Void> closeAsync(io.jasyncio.AsyncCloseable resource,
      Throwable failure) {
    try {
      return resource.aclose(failure);
    } catch (Throwable thrown) {
      return new Failed(thrown);
    }
  }

  /** A coroutine that fails with a given throwable when it runs. */
  private static final class Failed extends CoroutineMachine<Void> {
    private final Throwable thrown;

    Failed(Throwable thrown) {
      super("close");
      this.thrown = thrown;
    }

    @Override
    protected void resume() throws Throwable {
      throw thrown;
    }
  }

  // ---- async iteration: for (T v : aiter(gen)) awaits one step of gen per turn

  /** The next step of {@code for (T v : aiter(gen))}: its value, or the end mark. */
  protected static Coroutine<Object> anext(io.jasyncio.AsyncGenerator<?> generator) {
    return AsyncGeneratorMachine.iterationStep(generator);
  }

  /** Whether the step just awaited found the generator finished. */
  protected final boolean exhausted() throws Throwable {
    return AsyncGeneratorMachine.isEnd(awaited());
  }
}
