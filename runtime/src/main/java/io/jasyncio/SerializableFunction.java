package io.jasyncio;

import java.io.Serializable;

/**
 * A function of one argument that can be sent to another JVM: what
 * {@link Asyncio#runInExecutor(java.util.concurrent.Executor, SerializableFunction, Object)} and
 * {@link ProcessPool#submit(SerializableFunction, Object)} run, Python's plain {@code func} passed
 * with its argument. A lambda or method reference whose target type is this interface is
 * serializable, so the same one can go to a thread pool or to a {@link ProcessPool}:
 *
 * <pre>{@code
 * SerializableFunction<String, Integer> length = String::length;
 * int n = await(runInExecutor(threads, length, "football"));
 * List<Integer> all = pool.map(length, words, 10);
 * }</pre>
 *
 * <p>It may throw any exception; the awaiter (or {@code map}'s caller) gets that very exception.
 * Only a process pool needs what the function captures to be serializable too; a thread pool
 * runs it as it is.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Serializable {
  /** Applies the function to {@code argument}. */
  R apply(T argument) throws Exception;
}
