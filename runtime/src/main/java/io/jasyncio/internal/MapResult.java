package io.jasyncio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The future of a remote executor's {@code mapAsync} ({@code ProcessPool}, {@code ClusterPool}):
 * the chunks' results concatenated in input order once all are done, or the exception of the first failing chunk in input order (Python's
 * {@code Executor.map} raises the first failure its iteration meets). Cancelling it cancels the
 * chunks.
 *
 * <p>Internal API, shared by the pools of the runtime and of {@code jasyncio-hazelcast}.
 */
public final class MapResult {
  private MapResult() {}

  /**
   * Cuts {@code inputs} into chunks of {@code chunksize} inputs, hands each to {@code send} (which
   * starts it and returns the future of its results), and returns their combined future.
   *
   * @throws IllegalArgumentException if {@code chunksize} is less than 1
   */
  public static <R> CompletableFuture<List<R>> ofChunks(Iterable<?> inputs, int chunksize,
      Function<List<Object>, CompletableFuture<List<R>>> send) {
    if (chunksize < 1) {
      throw new IllegalArgumentException("chunksize must be >= 1, not " + chunksize);
    }
    List<CompletableFuture<List<R>>> chunks = new ArrayList<>();
    List<Object> chunk = new ArrayList<>(chunksize);
    for (Object input : inputs) {
      chunk.add(input);
      if (chunk.size() == chunksize) {
        chunks.add(send.apply(chunk));
        chunk = new ArrayList<>(chunksize);
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(send.apply(chunk));
    }
    return of(chunks);
  }

  /** The combined future of {@code chunks}, in their order. */
  public static <R> CompletableFuture<List<R>> of(List<CompletableFuture<List<R>>> chunks) {
    CompletableFuture<List<R>> all = new CompletableFuture<>();
    if (chunks.isEmpty()) {
      all.complete(new ArrayList<>());
      return all;
    }
    AtomicInteger left = new AtomicInteger(chunks.size());
    for (CompletableFuture<List<R>> chunk : chunks) {
      chunk.whenComplete((v, e) -> {
        if (left.decrementAndGet() == 0) {
          settle(all, chunks);
        }
      });
    }
    all.whenComplete((v, e) -> {
      if (all.isCancelled()) {
        chunks.forEach(c -> c.cancel(false));
      }
    });
    return all;
  }

  /** Once every chunk is done: the concatenation, or the first failure in input order. */
  private static <R> void settle(CompletableFuture<List<R>> all,
      List<CompletableFuture<List<R>>> chunks) {
    List<R> results = new ArrayList<>();
    for (CompletableFuture<List<R>> chunk : chunks) {
      if (chunk.isCompletedExceptionally()) {
        all.completeExceptionally(chunk.handle((v, e) -> Unchecked.unwrap(e)).join());
        return;
      }
      results.addAll(chunk.join());
    }
    all.complete(results);
  }
}
