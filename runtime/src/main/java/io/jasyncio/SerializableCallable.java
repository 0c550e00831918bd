package io.jasyncio;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@code Callable} that can be sent to another JVM: what
 * {@link Asyncio#runInExecutor(java.util.concurrent.Executor, SerializableCallable)} and
 * {@link Asyncio#toThread(SerializableCallable)} run, Python's {@code func} called without
 * arguments. A lambda whose target type is this interface is serializable, so it can go to a
 * thread pool or, through {@link ProcessPool#submit(Callable)}, to a worker process:
 *
 * <pre>{@code
 * String body = await(toThread(() -> Files.readString(path)));
 * }</pre>
 *
 * <p>Only a process pool needs what the lambda captures to be serializable too; a thread pool
 * runs it as it is.
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface SerializableCallable<V> extends Callable<V>, Serializable {}
