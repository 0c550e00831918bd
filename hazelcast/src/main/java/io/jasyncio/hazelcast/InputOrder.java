package io.jasyncio.hazelcast;

import io.jasyncio.internal.Unchecked;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The future of {@link ClusterPool#mapAsync}: the chunks' results concatenated in input order
 * once all are done, or the exception of the first failing chunk in input order, as
 * {@code ProcessPool.mapAsync} gives them (Python's {@code Executor.map} raises the first failure
 * its iteration meets). Cancelling it cancels the chunks.
 */
final class InputOrder {
  private InputOrder() {}

  /** The combined future of {@code chunks}, in their order. */
  static <R> CompletableFuture<List<R>> of(List<CompletableFuture<List<R>>> chunks) {
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
