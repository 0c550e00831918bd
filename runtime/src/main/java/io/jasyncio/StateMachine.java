package io.jasyncio;

import io.jasyncio.internal.Iteration;
import java.util.Iterator;

/**
 * The common base of {@link Coroutine} and {@link Generator}, so of every state machine the
 * processor generates: the helpers that generated code of every kind calls unqualified, kept
 * here once. They are static, so a call costs what a call to {@link Iteration} costs.
 *
 * <p>Package-private: its members show only as protected members of {@code Coroutine} and
 * {@code Generator}, part of the protocol between generated code and the runtime.
 */
abstract class StateMachine {
  StateMachine() {}

  // ---- enhanced for loops whose body suspends keep their position in an iterator field

  /** Starts an enhanced {@code for} over an {@code Iterable} or any array. */
  protected static Iterator<?> iterate(Object iterable) {
    return Iteration.of(iterable);
  }

  /** The next element, for a loop variable of a reference type. */
  protected static <E> E nextElement(Iterator<?> it) {
    return Iteration.next(it);
  }

  /** The next element, for a {@code boolean} loop variable. */
  protected static boolean nextBoolean(Iterator<?> it) {
    return Iteration.asBoolean(it.next());
  }

  /** The next element, for a {@code byte} loop variable. */
  protected static byte nextByte(Iterator<?> it) {
    return Iteration.asByte(it.next());
  }

  /** The next element, for a {@code short} loop variable. */
  protected static short nextShort(Iterator<?> it) {
    return Iteration.asShort(it.next());
  }

  /** The next element, for a {@code char} loop variable. */
  protected static char nextChar(Iterator<?> it) {
    return Iteration.asChar(it.next());
  }

  /** The next element, for an {@code int} loop variable (widening as assignment does). */
  protected static int nextInt(Iterator<?> it) {
    return Iteration.asInt(it.next());
  }

  /** The next element, for a {@code long} loop variable (widening as assignment does). */
  protected static long nextLong(Iterator<?> it) {
    return Iteration.asLong(it.next());
  }

  /** The next element, for a {@code float} loop variable (widening as assignment does). */
  protected static float nextFloat(Iterator<?> it) {
    return Iteration.asFloat(it.next());
  }

  /** The next element, for a {@code double} loop variable (widening as assignment does). */
  protected static double nextDouble(Iterator<?> it) {
    return Iteration.asDouble(it.next());
  }
}
