package io.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The workloads on {@code CompletableFuture}, with a single-thread executor where work is
 * scheduled (the closest thing to one event loop), and the offload workload's baseline: raw
 * {@code supplyAsync} on the same pool as jasyncio's {@code runInExecutor}.
 */
final class FutureWorkloads {
  private static final Function<Integer, Integer> PLUS_ONE = v -> v + 1;

  private FutureWorkloads() {}

  /** {@code n} trivial {@code supplyAsync} calls on {@code loop}, joined {@code batch} at a time. */
  static long spawn(ExecutorService loop, int n, int batch) {
    long finished = 0;
    List<CompletableFuture<Integer>> tasks = new ArrayList<>(batch);
    for (int from = 0; from < n; from += batch) {
      int size = Math.min(batch, n - from);
      tasks.clear();
      for (int i = 0; i < size; i++) {
        tasks.add(CompletableFuture.supplyAsync(() -> 1, loop));
      }
      for (CompletableFuture<Integer> t : tasks) {
        finished += t.join();
      }
    }
    return finished;
  }

  /** A chain of {@code depth} stages, each applied to the finished one below it. */
  static CompletableFuture<Integer> chain(int depth) {
    if (depth == 1) {
      return CompletableFuture.completedFuture(1);
    }
    return chain(depth - 1).thenApply(PLUS_ONE);
  }

  /** Joins a chain of 10 stages {@code n} times: 10 awaits each; returns the awaits. */
  static long inline(int n) {
    long awaits = 0;
    for (int i = 0; i < n; i++) {
      awaits += chain(10).join();
    }
    return awaits;
  }

  /** {@code thenApply} on one finished future {@code n} times; returns the sum of what it got. */
  static long awaitDone(int n) {
    CompletableFuture<Integer> finished = CompletableFuture.completedFuture(0);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += finished.thenApply(PLUS_ONE).join();
    }
    return sum;
  }

  /** {@code n} dependent actions waiting on one future: returns {count, live bytes}. */
  static long[] memory(int n) {
    CompletableFuture<Integer> gate = new CompletableFuture<>();
    long[] finished = {0};
    long before = Heap.usedAfterGc();
    for (int i = 0; i < n; i++) {
      gate.thenAccept(v -> finished[0] += v);
    }
    long bytes = Heap.usedAfterGc() - before;
    gate.complete(1);
    return new long[] {finished[0], bytes};
  }

  /** One delayed {@code supplyAsync} on {@code loop} per delay, all joined; returns how many. */
  static long timers(ExecutorService loop, double[] delays) {
    List<CompletableFuture<Integer>> tasks = new ArrayList<>(delays.length);
    for (double d : delays) {
      long nanos = Math.round(d * 1e9);
      tasks.add(CompletableFuture.supplyAsync(() -> 1,
          CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, loop)));
    }
    long woke = 0;
    for (CompletableFuture<Integer> t : tasks) {
      woke += t.join();
    }
    return woke;
  }

  /** {@code n} calls on {@code pool} with raw {@code supplyAsync}, then joined in order. */
  static long offload(ExecutorService pool, int n) {
    List<CompletableFuture<Integer>> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Integer argument = i;
      calls.add(CompletableFuture.supplyAsync(() -> JasyncioWorkloads.one(argument), pool));
    }
    long sum = 0;
    for (CompletableFuture<Integer> c : calls) {
      sum += c.join();
    }
    return sum;
  }
}
