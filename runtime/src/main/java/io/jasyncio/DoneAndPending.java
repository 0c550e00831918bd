package io.jasyncio;

import java.util.Set;

/**
 * What {@link Asyncio#wait(java.util.Collection, ReturnWhen)} returns: asyncio's
 * {@code (done, pending)} pair of sets. Both keep the order of the collection given to
 * {@code wait}.
 *
 * @param <F> the type of the futures or tasks (or of the {@code CompletionStage}s, for
 *     {@link Asyncio#wait(Iterable, ReturnWhen)})
 * @param done those done (finished, failed or cancelled) when {@code wait} returned
 * @param pending the others
 */
public record DoneAndPending<F>(Set<F> done, Set<F> pending) {
  /** Copies both sets, which stay unmodifiable. */
  public DoneAndPending {
    done = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(done));
    pending = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(pending));
  }
}
