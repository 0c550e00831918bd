package io.jasyncio.benchmarks;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.runInExecutor;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.AsyncFuture;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.annotations.Async;
import io.jasyncio.demo.FuzzyMatch;
import io.jasyncio.demo.FuzzyMatch.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The workloads on jasyncio, written as a user would write them; the processor turns them into
 * {@code AsyncJasyncioWorkloads}. Each returns the count of work it did.
 */
class JasyncioWorkloads {
  /** Suspends {@code n} times with {@code await(sleep(0))}; returns how often it resumed. */
  @Async
  static Coroutine<Long> pingPong(int n) {
    long resumes = 0;
    for (int i = 0; i < n; i++) {
      await(sleep(0));
      resumes++;
    }
    return done(resumes);
  }

  /** A trivial task: finishes at once with 1. */
  @Async
  static Coroutine<Integer> trivial() {
    return done(1);
  }

  /** Creates, runs and finishes {@code n} trivial tasks, gathered {@code batch} at a time. */
  @Async
  static Coroutine<Long> spawn(int n, int batch) {
    long finished = 0;
    for (int from = 0; from < n; from += batch) {
      List<Coroutine<Integer>> tasks = new ArrayList<>(batch);
      for (int i = from; i < Math.min(n, from + batch); i++) {
        tasks.add(trivial());
      }
      List<Integer> results = await(gather(tasks));
      for (int r : results) {
        finished += r;
      }
    }
    return done(finished);
  }

  /**
   * Creates {@code n} tasks of trivial coroutines with {@code createTask} in a loop, then awaits
   * {@code gather} of the list of tasks, {@code batch} at a time: the pattern users write, on
   * the loop's default task factory (each task's first step queued, not run eagerly).
   */
  @Async
  static Coroutine<Long> tasks(int n, int batch) {
    long finished = 0;
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      List<Task<Integer>> tasks = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        tasks.add(createTask(trivial()));
      }
      List<Integer> results = await(gather(tasks));
      for (int r : results) {
        finished += r;
      }
    }
    return done(finished);
  }

  /** A chain of {@code depth} coroutines, each awaiting the next; the last finishes at once. */
  @Async
  static Coroutine<Integer> chain(int depth) {
    if (depth == 1) {
      return done(1);
    }
    int below = await(chain(depth - 1));
    return done(below + 1);
  }

  /** Awaits a chain of 10 coroutines {@code n} times: 10 awaits each; returns the awaits. */
  @Async
  static Coroutine<Long> inline(int n) {
    long awaits = 0;
    for (int i = 0; i < n; i++) {
      int depth = await(chain(10));
      awaits += depth;
    }
    return done(awaits);
  }

  /** Awaits one finished future {@code n} times; returns the sum of what it got. */
  @Async
  static Coroutine<Long> awaitDone(int n) {
    AsyncFuture<Integer> finished = getRunningLoop().createFuture();
    finished.setResult(1);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      int one = await(finished);
      sum += one;
    }
    return done(sum);
  }

  /** A task that waits for {@code gate} and counts itself when it opens. */
  @Async
  static Coroutine<Void> waiter(AsyncFuture<Integer> gate, long[] finished) {
    int one = await(gate);
    finished[0] += one;
    return done();
  }

  /**
   * Suspends {@code n} tasks at once on one future and returns {count, live bytes they hold}:
   * the heap after GC with all of them suspended, less the heap before.
   */
  @Async
  static Coroutine<long[]> memory(int n) {
    AsyncFuture<Integer> gate = getRunningLoop().createFuture();
    long[] finished = {0};
    long before = Heap.usedAfterGc();
    for (int i = 0; i < n; i++) {
      createTask(waiter(gate, finished));
    }
    await(sleep(0)); // every task takes its first step and suspends on the gate
    long bytes = Heap.usedAfterGc() - before;
    gate.setResult(1);
    await(sleep(0)); // the woken tasks were queued before this one: all have finished now
    return done(new long[] {finished[0], bytes});
  }

  /** Sleeps {@code delay} seconds, then finishes with 1. */
  @Async
  static Coroutine<Integer> sleeper(double delay) {
    await(sleep(delay));
    return done(1);
  }

  /** One task per delay, each sleeping it, gathered; returns how many woke. */
  @Async
  static Coroutine<Long> timers(double[] delays) {
    List<Coroutine<Integer>> tasks = new ArrayList<>(delays.length);
    for (double d : delays) {
      tasks.add(sleeper(d));
    }
    List<Integer> results = await(gather(tasks));
    long woke = 0;
    for (int r : results) {
      woke += r;
    }
    return done(woke);
  }

  /** Sleeps an hour: a task of the cancel workload, which never wakes. */
  @Async
  static Coroutine<Void> sleepAnHour() {
    await(sleep(3600));
    return done();
  }

  /**
   * Creates {@code n} tasks sleeping an hour, then cancels every one; returns {tasks that ended
   * cancelled, nanoseconds creating and starting them, nanoseconds cancelling them until each
   * has ended}.
   */
  @Async
  static Coroutine<long[]> cancelSleeping(int n) {
    long start = System.nanoTime();
    List<Task<Void>> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tasks.add(createTask(sleepAnHour()));
    }
    await(sleep(0)); // every task takes its first step and sleeps
    long started = System.nanoTime();
    for (Task<Void> t : tasks) {
      t.cancel();
    }
    await(sleep(0)); // the cancelled tasks were woken before this one: all have ended now
    long ended = System.nanoTime();
    long cancelled = 0;
    for (Task<Void> t : tasks) {
      if (t.isCancelled()) {
        cancelled++;
      }
    }
    return done(new long[] {cancelled, started - start, ended - started});
  }

  /** {@code n} calls of {@link #one} on {@code pool}, gathered; returns the sum of results. */
  @Async
  static Coroutine<Long> offload(ExecutorService pool, int n) {
    List<AsyncFuture<Integer>> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      calls.add(runInExecutor(pool, JasyncioWorkloads::one, i));
    }
    List<Integer> results = await(gather(calls));
    long sum = 0;
    for (int r : results) {
      sum += r;
    }
    return done(sum);
  }

  /** The fuzzy match on {@code pool}, one call per chunk, gathered; returns the sum of scores. */
  @Async
  static Coroutine<Long> fuzzyOnThreads(ExecutorService pool, List<List<Pair>> chunks) {
    List<AsyncFuture<Long>> calls = new ArrayList<>(chunks.size());
    for (List<Pair> chunk : chunks) {
      calls.add(runInExecutor(pool, JasyncioWorkloads::scoreSum, chunk));
    }
    List<Long> sums = await(gather(calls));
    long total = 0;
    for (long s : sums) {
      total += s;
    }
    return done(total);
  }

  /** The trivial call of the offload and process workloads. */
  static Integer one(Integer ignored) {
    return 1;
  }

  /** The sum of the fuzzy-match scores of {@code pairs}, the checksum of the fuzzy workload. */
  static Long scoreSum(List<Pair> pairs) {
    long sum = 0;
    for (Pair p : pairs) {
      sum += FuzzyMatch.fuzzyMatch(p).score();
    }
    return sum;
  }
}
