package io.jasyncio.internal;

import io.jasyncio.Generator;

/**
 * The base class of every state machine the jasyncio processor generates for an {@code @Async}
 * method returning {@code Generator<T>}: one instance is one generator object. The protocol
 * generated code relies on is inherited from {@link Generator}:
 *
 * <ul>
 *   <li>{@code protected int state}: the state {@code resume()} runs next, 0 before the first step.
 *   <li>{@code protected abstract void resume() throws Throwable}: runs from {@code state} to the
 *       next yield or to the end of the body; any throwable escaping it reaches the caller of
 *       {@code next()}.
 *   <li>{@code produce(value, nextState)}: yields; {@code resume()} returns right after.
 *   <li>{@code received()} (and {@code receivedInt()} etc. here): what the yield returns once the
 *       body resumes, the value sent or null; throws {@code GeneratorExit} when closing.
 *   <li>{@code complete(other)}: finishes the body ({@code return null;} or
 *       {@code return other;}); {@code resume()} returns right after.
 *   <li>{@code iterate(x)}, then {@code nextInt(it)}, {@code nextElement(it)} etc.: an enhanced
 *       {@code for} whose body yields keeps its position in an iterator field (shared with
 *       coroutines' machines).
 * </ul>
 *
 * <p>Internal API: it changes with the processor, and only generated code should extend it.
 *
 * @param <T> the type of the values the generator yields
 */
public abstract class GeneratorMachine<T> extends Generator<T>
    implements PendingExit, ForEachSteps {
  /** A fresh generator of the {@code @Async} method {@code name}. Runs nothing. */
  protected GeneratorMachine(String name) {
    super(name);
  }

  /** What the yield returns, for a {@code boolean} target. */
  protected final boolean receivedBoolean() {
    return Iteration.asBoolean(received());
  }

  /** What the yield returns, for a {@code byte} target. */
  protected final byte receivedByte() {
    return Iteration.asByte(received());
  }

  /** What the yield returns, for a {@code short} target. */
  protected final short receivedShort() {
    return Iteration.asShort(received());
  }

  /** What the yield returns, for a {@code char} target. */
  protected final char receivedChar() {
    return Iteration.asChar(received());
  }

  /** What the yield returns, for an {@code int} target (widening as assignment does). */
  protected final int receivedInt() {
    return Iteration.asInt(received());
  }

  /** What the yield returns, for a {@code long} target (widening as assignment does). */
  protected final long receivedLong() {
    return Iteration.asLong(received());
  }

  /** What the yield returns, for a {@code float} target (widening as assignment does). */
  protected final float receivedFloat() {
    return Iteration.asFloat(received());
  }

  /** What the yield returns, for a {@code double} target (widening as assignment does). */
  protected final double receivedDouble() {
    return Iteration.asDouble(received());
  }
}
