package io.jasyncio.internal;

import io.jasyncio.Coroutine;

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
 * <p>Internal API: it changes with the processor, and only generated code should extend it.
 *
 * @param <T> the coroutine's result type
 */
public abstract class CoroutineMachine<T> extends Coroutine<T> {
  /**
   * A fresh coroutine of the {@code @Async} method {@code name} (its simple name, used by
   * {@code toString()} and the never-awaited warning). Runs nothing.
   */
  protected CoroutineMachine(String name) {
    super(name);
  }
}
