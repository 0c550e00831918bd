package io.jasyncio.benchmarks;

import static io.jasyncio.benchmarks.Sample.nanosPer;

import io.jasyncio.Asyncio;
import io.jasyncio.ProcessPool;
import io.jasyncio.demo.FuzzyMatch;
import io.jasyncio.demo.FuzzyMatch.Match;
import io.jasyncio.demo.FuzzyMatch.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One run of a workload on a Java peer, timed and counted: what a probe JVM repeats. Pools a run
 * reuses (the single-thread executor, the offload pool) are made once, before the first run.
 */
final class JavaPeers {
  private JavaPeers() {}

  /**
   * The run of {@code workload} of {@code size} on {@code peer}.
   *
   * @throws IllegalArgumentException if the peer has no implementation of the workload
   */
  static Supplier<Sample> run(Workload workload, Peer peer, int size) {
    String metric = workload.metrics.get(0).id();
    switch (workload) {
      case SWITCH:
        return perUnit(metric, switch (peer) {
          case JASYNCIO -> () -> total(Asyncio.run(Asyncio.gather(
              AsyncJasyncioWorkloads.pingPong(size), AsyncJasyncioWorkloads.pingPong(size))));
          case VIRTUAL_THREADS -> () -> VirtualThreadWorkloads.switches(size);
          case FLOOR -> () -> FloorWorkloads.switches(size);
          default -> throw none(workload, peer);
        });
      case SPAWN: {
        int batch = Workload.SPAWN_BATCH;
        ExecutorService loop = peer == Peer.COMPLETABLE_FUTURE
            ? Executors.newSingleThreadExecutor() : null;
        return perUnit(metric, switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.spawn(size, batch));
          case VIRTUAL_THREADS -> () -> VirtualThreadWorkloads.spawn(size, batch);
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.spawn(loop, size, batch);
          case FLOOR -> () -> FloorWorkloads.spawn(size, batch);
          default -> throw none(workload, peer);
        });
      }
      case TASKS:
      case ALL_TASKS: {
        // The peers have no createTask apart from starting the work: theirs is spawn's code.
        int batch = workload == Workload.TASKS ? Workload.SPAWN_BATCH : size;
        ExecutorService loop = peer == Peer.COMPLETABLE_FUTURE
            ? Executors.newSingleThreadExecutor() : null;
        return perUnit(metric, switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.tasks(size, batch));
          case VIRTUAL_THREADS -> () -> VirtualThreadWorkloads.spawn(size, batch);
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.spawn(loop, size, batch);
          case FLOOR -> () -> FloorWorkloads.spawn(size, batch);
          default -> throw none(workload, peer);
        });
      }
      case INLINE:
        return perUnit(metric, switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.inline(size));
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.inline(size);
          case FLOOR -> () -> FloorWorkloads.inline(size);
          default -> throw none(workload, peer);
        });
      case AWAIT:
        return perUnit(metric, switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.awaitDone(size));
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.awaitDone(size);
          case FLOOR -> () -> FloorWorkloads.awaitDone(size);
          default -> throw none(workload, peer);
        });
      case MEMORY:
        return perTask(metric, switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.memory(size));
          case VIRTUAL_THREADS -> () -> VirtualThreadWorkloads.memory(size);
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.memory(size);
          case FLOOR -> () -> FloorWorkloads.memory(size);
          default -> throw none(workload, peer);
        });
      case TIMERS: {
        double[] delays = Inputs.delays(size);
        ExecutorService loop = peer == Peer.COMPLETABLE_FUTURE
            ? Executors.newSingleThreadExecutor() : null;
        return beyondSleep(metric, delays, switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.timers(delays));
          case VIRTUAL_THREADS -> () -> VirtualThreadWorkloads.timers(delays);
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.timers(loop, delays);
          default -> throw none(workload, peer);
        });
      }
      case CANCEL:
        if (peer != Peer.JASYNCIO) {
          throw none(workload, peer);
        }
        return () -> {
          long[] counts = Asyncio.run(AsyncJasyncioWorkloads.cancelSleeping(size));
          double tasks = counts[0];
          return Sample.of(counts[0], "cancel.create", counts[1] / tasks)
              .and("cancel", counts[2] / tasks);
        };
      case OFFLOAD: {
        ExecutorService pool = Executors.newFixedThreadPool(Workload.OFFLOAD_THREADS);
        Callable<Long> call = switch (peer) {
          case JASYNCIO -> () -> Asyncio.run(AsyncJasyncioWorkloads.offload(pool, size));
          case COMPLETABLE_FUTURE -> () -> FutureWorkloads.offload(pool, size);
          default -> throw none(workload, peer);
        };
        return () -> {
          long start = System.nanoTime();
          long count = unchecked(call);
          return Sample.of(count, metric, nanosPer(start, count) / 1e3);
        };
      }
      case PROCESS:
        if (peer != Peer.JASYNCIO) {
          throw none(workload, peer);
        }
        return () -> processPool(size);
      case FUZZY:
        if (peer != Peer.JASYNCIO) {
          throw none(workload, peer);
        }
        List<Pair> pairs = Inputs.pairs(size);
        return () -> fuzzy(pairs);
      default:
        throw none(workload, peer);
    }
  }

  /** Pool start-up, then {@code map} of {@code n} trivial items with chunks of 1 and of 100. */
  private static Sample processPool(int n) {
    List<Integer> inputs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      inputs.add(i);
    }
    List<Integer> firstOfEach = inputs.subList(0, Workload.WORKERS);
    long start = System.nanoTime();
    try (ProcessPool pool = ProcessPool.create(Workload.WORKERS)) {
      pool.map(JasyncioWorkloads::one, firstOfEach, 1); // starts every worker
      double startMs = (System.nanoTime() - start) / 1e6;
      long t1 = System.nanoTime();
      long count = sum(pool.map(JasyncioWorkloads::one, inputs, 1));
      double chunk1 = nanosPer(t1, n) / 1e3;
      long t100 = System.nanoTime();
      long again = sum(pool.map(JasyncioWorkloads::one, inputs, 100));
      double chunk100 = nanosPer(t100, n) / 1e3;
      if (again != count) {
        throw new IllegalStateException("chunks of 100 gave " + again + ", of 1 " + count);
      }
      List<String> m = List.of("process.start", "process.chunk1", "process.chunk100");
      return Sample.of(count, m.get(0), startMs).and(m.get(1), chunk1).and(m.get(2), chunk100);
    }
  }

  /** The fuzzy match of {@code pairs} on this thread, on a thread pool and on a process pool. */
  private static Sample fuzzy(List<Pair> pairs) {
    int n = pairs.size();
    long start = System.nanoTime();
    long sequential = JasyncioWorkloads.scoreSum(pairs);
    double sequentialRate = n / ((System.nanoTime() - start) / 1e9);

    start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(Workload.WORKERS);
    long onThreads;
    try {
      onThreads = Asyncio.run(AsyncJasyncioWorkloads.fuzzyOnThreads(threads, chunks(pairs)));
    } finally {
      threads.shutdown();
    }
    double threadsRate = n / ((System.nanoTime() - start) / 1e9);

    start = System.nanoTime();
    long onProcesses = 0;
    try (ProcessPool pool = ProcessPool.create(Workload.WORKERS)) {
      for (Match m : pool.map(FuzzyMatch::fuzzyMatch, pairs, Workload.FUZZY_CHUNK)) {
        onProcesses += m.score();
      }
    }
    double processesRate = n / ((System.nanoTime() - start) / 1e9);
    if (onThreads != sequential || onProcesses != sequential) {
      throw new IllegalStateException("score sums differ: sequential " + sequential
          + ", threads " + onThreads + ", processes " + onProcesses);
    }
    return Sample.of(sequential, "fuzzy.sequential", sequentialRate)
        .and("fuzzy.threads", threadsRate).and("fuzzy.processes", processesRate);
  }

  private static List<List<Pair>> chunks(List<Pair> pairs) {
    List<List<Pair>> chunks = new ArrayList<>();
    for (int from = 0; from < pairs.size(); from += Workload.FUZZY_CHUNK) {
      chunks.add(new ArrayList<>(
          pairs.subList(from, Math.min(pairs.size(), from + Workload.FUZZY_CHUNK))));
    }
    return chunks;
  }

  /** Times a run that returns its count of units: nanoseconds per unit. */
  private static Supplier<Sample> perUnit(String metric, Callable<Long> run) {
    return () -> {
      long start = System.nanoTime();
      long count = unchecked(run);
      return Sample.of(count, metric, nanosPer(start, count));
    };
  }

  /** A run that returns {count, bytes}: bytes per task. */
  private static Supplier<Sample> perTask(String metric, Callable<long[]> run) {
    return () -> {
      long[] countAndBytes = unchecked(run);
      return Sample.of(countAndBytes[0], metric, countAndBytes[1] / (double) countAndBytes[0]);
    };
  }

  /** Times a run of sleeps: what it took beyond the longest sleep, per timer. */
  private static Supplier<Sample> beyondSleep(String metric, double[] delays, Callable<Long> run) {
    double longest = 0;
    for (double d : delays) {
      longest = Math.max(longest, d);
    }
    double longestNanos = longest * 1e9;
    return () -> {
      long start = System.nanoTime();
      long count = unchecked(run);
      double overhead = System.nanoTime() - start - longestNanos;
      return Sample.of(count, metric, overhead / count);
    };
  }

  private static long total(List<Long> parts) {
    long sum = 0;
    for (long p : parts) {
      sum += p;
    }
    return sum;
  }

  private static long sum(List<Integer> values) {
    long sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }

  private static <T> T unchecked(Callable<T> run) {
    try {
      return run.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static IllegalArgumentException none(Workload workload, Peer peer) {
    return new IllegalArgumentException(peer.id + " has no " + workload.id + " workload");
  }
}
