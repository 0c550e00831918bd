package io.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets of issues 6 and 18, checked against one run: each says what was asked, what was measured,
 * and whether it was met (or that it could not be checked, when a peer did not run).
 */
final class Targets {
  /**
   * One target.
   *
   * @param target what was asked
   * @param measured what this run measured
   * @param met true or false; null if it could not be checked
   */
  record Check(String target, String measured, Boolean met) {
    /** {@code met}, {@code MISSED} or {@code not checked}. */
    String verdict() {
      return met == null ? "not checked" : met ? "met" : "MISSED";
    }
  }

  private final Table table;
  private final List<Allocation.Row> allocation;
  private final long chainMachineBytes;
  private final String harness;
  private final List<Check> checks = new ArrayList<>();

  /**
   * Targets on {@code table}, the JMH {@code allocation} rows (may be empty), and the size of
   * one generated state machine of the inline chain ({@code chainMachineBytes}, 0 if unknown).
   */
  Targets(Table table, List<Allocation.Row> allocation, long chainMachineBytes, String harness) {
    this.table = table;
    this.allocation = allocation;
    this.chainMachineBytes = chainMachineBytes;
    this.harness = harness;
  }

  /** Every target, checked. */
  List<Check> check() {
    checks.clear();
    Optional<Double> switchNs = table.figure("switch", Peer.JASYNCIO, harness);
    atMost("switch: at most 20 ns per switch", switchNs, 20, "%.1f ns");
    atLeast("switch: at least 100x asyncio", table.advantage("switch", Peer.ASYNCIO), 100);
    atLeast("switch: at least 8x virtual threads", table.advantage("switch",
        Peer.VIRTUAL_THREADS), 8);
    Optional<Double> spawnRate = table.figure("spawn", Peer.JASYNCIO, harness)
        .map(ns -> 1e3 / ns);
    atLeastValue("spawn: at least 20 M tasks per second", spawnRate, 20, "%.1f M/s");
    atLeast("spawn: at least 2.5x CompletableFuture.supplyAsync",
        table.advantage("spawn", Peer.COMPLETABLE_FUTURE), 2.5);
    atMost("memory: at most 80 bytes per suspended task",
        table.figure("memory", Peer.JASYNCIO, harness), 80, "%.0f B");
    atLeast("memory: at least 10x smaller than a parked virtual thread",
        table.advantage("memory", Peer.VIRTUAL_THREADS), 10);
    Optional<Allocation.Row> done = row("jasyncioAwaitDone");
    atMost("await of a finished future: under 5 ns (JMH)",
        done.map(Allocation.Row::nanos), 5, "%.2f ns");
    atMost("await of a finished future: zero allocation (JMH -prof gc, < 1 B/await)",
        done.map(Allocation.Row::bytes), 0.999, "%.3f B/await");
    Optional<Allocation.Row> inline = row("jasyncioAwaitInline");
    atMost("await of a coroutine finishing at once: under 15 ns (JMH)",
        inline.map(Allocation.Row::nanos), 15, "%.2f ns");
    if (chainMachineBytes > 0) {
      // One allocation: what an await allocates is the one machine of the awaited coroutine.
      atMost(String.format(Locale.ROOT, "await of a coroutine finishing at once: one allocation,"
              + " its state machine (%d B)", chainMachineBytes),
          inline.map(Allocation.Row::bytes), chainMachineBytes + 0.999, "%.1f B/await");
    }
    atMost("offload: within 1.3x of raw CompletableFuture.supplyAsync + join",
        table.advantage("offload", Peer.COMPLETABLE_FUTURE).map(a -> 1 / a), 1.3,
        "%.2fx its time");
    // Issue 18: the patterns users write.
    atMost("switch: at most 7 ns per switch", switchNs, 7, "%.1f ns");
    atMost("tasks (createTask + gather, 1,000 at a time): at most 50 ns per task",
        table.figure("tasks", Peer.JASYNCIO, harness), 50, "%.1f ns");
    atLeast("tasks: at least 100x asyncio", table.advantage("tasks", Peer.ASYNCIO), 100);
    atLeast("alltasks (1,000,000 at once): at least 4x virtual threads",
        table.advantage("alltasks", Peer.VIRTUAL_THREADS), 4);
    atMost("memory: at most 64 bytes per suspended task",
        table.figure("memory", Peer.JASYNCIO, harness), 64, "%.0f B");
    atMost("await of a finished future: at most 2 ns (JMH)",
        done.map(Allocation.Row::nanos), 2, "%.2f ns");
    atLeast("inline: at least on par with CompletableFuture",
        table.advantage("inline", Peer.COMPLETABLE_FUTURE), 1);
    atLeast("offload: at least on par with CompletableFuture",
        table.advantage("offload", Peer.COMPLETABLE_FUTURE), 1);
    atLeast("cancel: at least 20x asyncio per task", table.advantage("cancel", Peer.ASYNCIO),
        20);
    atLeast("fuzzy.processes: at least 2x Python's ProcessPoolExecutor",
        table.advantage("fuzzy.processes", Peer.ASYNCIO), 2);
    atLeast("process.chunk1: at least 2x Python's ProcessPoolExecutor",
        table.advantage("process.chunk1", Peer.ASYNCIO), 2);
    atLeast("process.chunk100: at least 2x Python's ProcessPoolExecutor",
        table.advantage("process.chunk100", Peer.ASYNCIO), 2);
    atMost("process.start: a pool ready in at most 150 ms",
        table.figure("process.start", Peer.JASYNCIO, harness), 150, "%.0f ms");
    return checks;
  }

  private Optional<Allocation.Row> row(String benchmark) {
    return allocation.stream().filter(r -> r.benchmark().equals(benchmark)).findFirst();
  }

  private void atMost(String target, Optional<Double> value, double limit, String format) {
    checks.add(new Check(target, value.map(v -> String.format(Locale.ROOT, format, v))
        .orElse("not measured"), value.map(v -> v <= limit).orElse(null)));
  }

  private void atLeastValue(String target, Optional<Double> value, double limit,
      String format) {
    checks.add(new Check(target, value.map(v -> String.format(Locale.ROOT, format, v))
        .orElse("not measured"), value.map(v -> v >= limit).orElse(null)));
  }

  private void atLeast(String target, Optional<Double> ratio, double limit) {
    checks.add(new Check(target, ratio.map(Table::times).orElse("not measured"),
        ratio.map(r -> r >= limit).orElse(null)));
  }

  /** The checks as a Markdown table. */
  static String markdown(List<Check> checks) {
    StringBuilder out = new StringBuilder("| target | measured | |\n|---|---:|---|\n");
    for (Check c : checks) {
      out.append("| ").append(c.target()).append(" | ").append(c.measured()).append(" | ")
          .append(c.verdict()).append(" |\n");
    }
    return out.toString();
  }
}
