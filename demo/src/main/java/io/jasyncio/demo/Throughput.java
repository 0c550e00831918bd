package io.jasyncio.demo;

import io.jasyncio.ProcessPool;
import io.jasyncio.demo.FuzzyMatch.Match;
import io.jasyncio.demo.FuzzyMatch.Pair;
import io.jasyncio.hazelcast.ClusterPool;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The larger run after tutorial section 3.2: the fuzzy match over many pairs of made-up phrases,
 * with a progress bar, on a process pool of one worker, of all workers, and on a plain thread
 * pool of as many threads, each timed from pool creation (worker JVMs' start-up included) to the
 * last result; or, with {@code --cluster}, on a process pool beside a Hazelcast cluster.
 *
 * <p>What it shows: Java has no GIL, so for pure-Java CPU work a thread pool scales like a process
 * pool without paying for JVM start-up, warm-up and serialization; a process pool pays off for
 * isolation (a crash or a leak stays in its worker), for native code that is not thread-safe, or
 * for work too long for start-up to matter.
 */
final class Throughput {
  /** Pairs per chunk: each chunk is one round trip to a worker. */
  static final int CHUNKSIZE = 1000;
  private static final List<String> WORDS = List.of("football", "is", "famous", "tajmahal", "in",
      "india", "messi", "plays", "aisa", "the", "of", "cricket", "agra", "goal", "a", "match");

  private final int workers;
  private final int pairs;
  private final PrintStream progress;

  Throughput(int workers, int pairs, PrintStream progress) {
    this.workers = workers;
    this.pairs = pairs;
    this.progress = progress;
  }

  /** Runs the three measurements and prints one line each, then what they mean. */
  void run(PrintStream out) {
    List<Pair> inputs = phrases(pairs);
    out.printf(Locale.ROOT, "%,d pairs of phrases, chunks of %,d:%n", inputs.size(), CHUNKSIZE);
    report(out, "process pool, 1 worker", inputs, this::onProcesses, 1);
    String n = workers == 1 ? "1 " : workers + " ";
    report(out, "process pool, " + n + (workers == 1 ? "worker" : "workers"), inputs,
        this::onProcesses, workers);
    report(out, "thread pool, " + n + (workers == 1 ? "thread" : "threads"), inputs,
        this::onThreads, workers);
    out.println("(Java has no GIL: a thread pool suits CPU work; a process pool buys isolation.)");
  }

  /**
   * The large run on a process pool of all workers and on {@code cluster}, a pool on
   * {@code members} member JVMs that were started (in {@code startUp} seconds) before its clock
   * starts, and one line each, then what they mean.
   */
  void runBesideCluster(PrintStream out, ClusterPool cluster, int members, double startUp) {
    List<Pair> inputs = phrases(pairs);
    out.printf(Locale.ROOT, "%,d pairs of phrases, chunks of %,d:%n", inputs.size(), CHUNKSIZE);
    report(out, "process pool, " + workers + (workers == 1 ? " worker" : " workers"), inputs,
        this::onProcesses, workers);
    report(out, "cluster, " + members + (members == 1 ? " member" : " members"), inputs,
        (chunk, size, bar) -> inChunks(chunk, bar,
            c -> cluster.mapAsync(FuzzyMatch::fuzzyMatch, c, c.size())), members);
    out.printf(Locale.ROOT, "(the members' JVMs started in %.1f s, before the cluster's clock;"
        + " a process pool's start-up is in its time.)%n", startUp);
  }

  /** A run: the inputs and a pool size in, the results out. */
  private interface Run {
    List<Match> apply(List<Pair> inputs, int size, ProgressBar bar);
  }

  private void report(PrintStream out, String label, List<Pair> inputs, Run run, int size) {
    long start = System.nanoTime();
    List<Match> results;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName(label)
        .setInitialMax(inputs.size()).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(progress)).build()) {
      results = run.apply(inputs, size, bar);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (results.size() != inputs.size()) {
      throw new IllegalStateException(label + " returned " + results.size() + " results");
    }
    out.printf(Locale.ROOT, "  %-26s %6.2f s, %,10.0f pairs/s%n", label + ":", seconds,
        inputs.size() / seconds);
  }

  private List<Match> onProcesses(List<Pair> inputs, int size, ProgressBar bar) {
    try (ProcessPool pool = ProcessPool.create(size)) {
      return inChunks(inputs, bar,
          chunk -> pool.mapAsync(FuzzyMatch::fuzzyMatch, chunk, chunk.size()));
    }
  }

  private List<Match> onThreads(List<Pair> inputs, int size, ProgressBar bar) {
    ExecutorService threads = Executors.newFixedThreadPool(size);
    try {
      return inChunks(inputs, bar, chunk -> CompletableFuture.supplyAsync(() -> {
        List<Match> matches = new ArrayList<>(chunk.size());
        for (Pair p : chunk) {
          matches.add(FuzzyMatch.fuzzyMatch(p));
        }
        return matches;
      }, threads));
    } finally {
      threads.shutdown();
    }
  }

  /** Sends every chunk at once, steps the bar as each finishes, and joins them in order. */
  private static List<Match> inChunks(List<Pair> inputs, ProgressBar bar,
      Function<List<Pair>, CompletableFuture<List<Match>>> send) {
    List<CompletableFuture<List<Match>>> chunks = new ArrayList<>();
    for (int from = 0; from < inputs.size(); from += CHUNKSIZE) {
      List<Pair> chunk = inputs.subList(from, Math.min(inputs.size(), from + CHUNKSIZE));
      int n = chunk.size();
      chunks.add(send.apply(new ArrayList<>(chunk)).whenComplete((v, e) -> bar.stepBy(n)));
    }
    List<Match> all = new ArrayList<>(inputs.size());
    for (CompletableFuture<List<Match>> c : chunks) {
      all.addAll(c.join());
    }
    return all;
  }

  /** {@code n} pairs of made-up phrases of the tutorial's words, the same on every run. */
  static List<Pair> phrases(int n) {
    Random random = new Random(20200503);
    List<Pair> pairs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pairs.add(new Pair(phrase(random), phrase(random)));
    }
    return pairs;
  }

  private static String phrase(Random random) {
    int words = 2 + random.nextInt(4);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return s.toString();
  }
}
