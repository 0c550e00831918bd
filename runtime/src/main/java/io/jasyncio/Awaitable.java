package io.jasyncio;

/**
 * Something an {@code @Async} method can {@code await(...)}: a {@link Coroutine}, a {@link Task}
 * or an {@link AsyncFuture}. Python's awaitable objects.
 *
 * <p>Awaiting one that has already finished does not suspend. Awaiting a coroutine runs it inline
 * in the awaiting task. Awaiting a pending future or task suspends the awaiting task until it is
 * done. Either way the result is returned, or the very exception it failed with is thrown.
 *
 * <p>Differs from asyncio: the set of awaitables is closed (a sealed interface); a
 * {@code java.util.concurrent.CompletionStage} is awaited through its own {@code await} overload.
 *
 * <p>Cancellation: if the awaiting task is cancelled meanwhile, {@code CancelledException} is
 * thrown at that {@code await}.
 *
 * @param <T> the result type
 */
public sealed interface Awaitable<T> permits Coroutine, AsyncFuture {}
