package io.jasyncio;

import io.jasyncio.internal.Unchecked;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code invokeAll} and {@code invokeAny} of a {@link RemoteExecutor}, on its {@code submit}, with
 * the contracts {@code ExecutorService} gives them. A time limit of {@code Long.MAX_VALUE}
 * nanoseconds means none.
 */
final class Invocations {
  private Invocations() {}

  /** Runs every task; returns their futures once all are done, or cancels the rest at the limit. */
  static <T> List<Future<T>> all(RemoteExecutor pool, Collection<? extends Callable<T>> tasks,
      long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      for (Future<T> f : futures) {
        if (f.isDone()) {
          continue;
        }
        try {
          if (nanos == Long.MAX_VALUE) {
            f.get();
          } else {
            f.get(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
          }
        } catch (ExecutionException | CancellationException e) {
          // Its outcome is in its future.
        } catch (TimeoutException e) {
          break;
        }
      }
      return futures;
    } finally {
      for (Future<T> f : futures) {
        f.cancel(true);
      }
    }
  }

  /** The result of the first task that succeeds; the others are cancelled. */
  static <T> T any(RemoteExecutor pool, Collection<? extends Callable<T>> tasks, long nanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("invokeAny needs at least one task");
    }
    CompletableFuture<T> first = new CompletableFuture<>();
    AtomicInteger failures = new AtomicInteger();
    List<CompletableFuture<T>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<T> task : tasks) {
        CompletableFuture<T> f = pool.submit(task);
        futures.add(f);
        f.whenComplete((v, e) -> {
          if (e == null) {
            first.complete(v);
          } else if (failures.incrementAndGet() == tasks.size()) {
            first.completeExceptionally(Unchecked.unwrap(e));
          }
        });
      }
      return nanos == Long.MAX_VALUE ? first.get()
          : first.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    } finally {
      for (CompletableFuture<T> f : futures) {
        f.cancel(true);
      }
    }
  }
}
