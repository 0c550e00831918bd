package io.jasyncio.internal;

import java.util.Iterator;

/**
 * The steps of an enhanced {@code for} loop whose body suspends, which keeps its position in an
 * iterator field of the machine: {@code iterate(x)} once, then {@code nextInt(it)},
 * {@code nextElement(it)} etc. for each element, converted as assignment converts it. Shared by
 * every kind of machine ({@link CoroutineMachine}, so {@link AsyncGeneratorMachine} too, and
 * {@link GeneratorMachine}); generated code calls them unqualified.
 *
 * <p>An interface of default methods, not a superclass, because the machines extend the public
 * {@code Coroutine} and {@code Generator}, which share no superclass that could carry them
 * without showing them in the public API.
 *
 * <p>Internal API: it changes with the processor.
 */
public interface ForEachSteps {
  /** Starts an enhanced {@code for} over an {@code Iterable} or any array. */
  default Iterator<?> iterate(Object iterable) {
    return Iteration.of(iterable);
  }

  /** The next element, for a loop variable of a reference type. */
  default <E> E nextElement(Iterator<?> it) {
    return Iteration.next(it);
  }

  /** The next element, for a {@code boolean} loop variable. */
  default boolean nextBoolean(Iterator<?> it) {
    return Iteration.asBoolean(it.next());
  }

  /** The next element, for a {@code byte} loop variable. */
  default byte nextByte(Iterator<?> it) {
    return Iteration.asByte(it.next());
  }

  /** The next element, for a {@code short} loop variable. */
  default short nextShort(Iterator<?> it) {
    return Iteration.asShort(it.next());
  }

  /** The next element, for a {@code char} loop variable. */
  default char nextChar(Iterator<?> it) {
    return Iteration.asChar(it.next());
  }

  /** The next element, for an {@code int} loop variable (widening as assignment does). */
  default int nextInt(Iterator<?> it) {
    return Iteration.asInt(it.next());
  }

  /** The next element, for a {@code long} loop variable (widening as assignment does). */
  default long nextLong(Iterator<?> it) {
    return Iteration.asLong(it.next());
  }

  /** The next element, for a {@code float} loop variable (widening as assignment does). */
  default float nextFloat(Iterator<?> it) {
    return Iteration.asFloat(it.next());
  }

  /** The next element, for a {@code double} loop variable (widening as assignment does). */
  default double nextDouble(Iterator<?> it) {
    return Iteration.asDouble(it.next());
  }
}
