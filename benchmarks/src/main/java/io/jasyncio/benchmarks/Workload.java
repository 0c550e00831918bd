package io.jasyncio.benchmarks;

import static io.jasyncio.benchmarks.Peer.ASYNCIO;
import static io.jasyncio.benchmarks.Peer.COMPLETABLE_FUTURE;
import static io.jasyncio.benchmarks.Peer.FLOOR;
import static io.jasyncio.benchmarks.Peer.JASYNCIO;
import static io.jasyncio.benchmarks.Peer.VIRTUAL_THREADS;

import java.util.List;
import java.util.Set;

/**
 * The workloads of issues 6 and 18, each implemented equivalently for every peer it lists, with its size
 * for a full run and for {@code --quick}, and the metrics it reports.
 */
enum Workload {
  SWITCH("switch", "two tasks alternately suspending (sleep(0)), N each", 500_000, 20_000,
      false, List.of(new Metric("switch", "ns/switch", true)),
      Set.of(ASYNCIO, JASYNCIO, VIRTUAL_THREADS, FLOOR)),
  SPAWN("spawn", "create, run and finish N trivial tasks, gathered 1,000 at a time", 1_000_000,
      100_000, false, List.of(new Metric("spawn", "ns/task", true)),
      Set.of(ASYNCIO, JASYNCIO, VIRTUAL_THREADS, COMPLETABLE_FUTURE, FLOOR)),
  TASKS("tasks", "createTask(coro) in a loop, then await(gather(tasks)), 1,000 at a time",
      1_000_000, 100_000, false, List.of(new Metric("tasks", "ns/task", true)),
      Set.of(ASYNCIO, JASYNCIO, VIRTUAL_THREADS, COMPLETABLE_FUTURE, FLOOR)),
  ALL_TASKS("alltasks", "createTask(coro) N times, then await(gather(tasks)) of all at once",
      1_000_000, 100_000, false, List.of(new Metric("alltasks", "ns/task", true)),
      Set.of(ASYNCIO, JASYNCIO, VIRTUAL_THREADS, COMPLETABLE_FUTURE, FLOOR)),
  INLINE("inline", "N times a chain of 10 coroutines each awaiting the next", 200_000, 20_000,
      false, List.of(new Metric("inline", "ns/await", true)),
      Set.of(ASYNCIO, JASYNCIO, COMPLETABLE_FUTURE, FLOOR)),
  AWAIT("await", "N awaits of one finished future", 10_000_000, 1_000_000, false,
      List.of(new Metric("await", "ns/await", true)),
      Set.of(ASYNCIO, JASYNCIO, COMPLETABLE_FUTURE, FLOOR)),
  MEMORY("memory", "N tasks suspended at once on one future, heap after GC", 1_000_000,
      100_000, true, List.of(new Metric("memory", "B/task", true)),
      Set.of(ASYNCIO, JASYNCIO, VIRTUAL_THREADS, COMPLETABLE_FUTURE, FLOOR)),
  TIMERS("timers", "N tasks each sleeping a random 0-100 ms, gathered", 200_000, 20_000, false,
      List.of(new Metric("timers", "ns/timer", true)),
      Set.of(ASYNCIO, JASYNCIO, VIRTUAL_THREADS, COMPLETABLE_FUTURE)),
  CANCEL("cancel", "N tasks each sleeping an hour, then every one cancelled", 1_000_000,
      100_000, false, List.of(new Metric("cancel.create", "ns/task", true),
          new Metric("cancel", "ns/task", true)),
      Set.of(ASYNCIO, JASYNCIO)),
  OFFLOAD("offload", "N runInExecutor calls on a 4-thread pool, gathered", 20_000, 2_000, false,
      List.of(new Metric("offload", "us/call", true)),
      Set.of(ASYNCIO, JASYNCIO, COMPLETABLE_FUTURE)),
  PROCESS("process", "ProcessPool.map of N trivial items on 2 workers", 20_000, 2_000, false,
      List.of(new Metric("process.start", "ms/pool", true),
          new Metric("process.chunk1", "us/item", true),
          new Metric("process.chunk100", "us/item", true)),
      Set.of(ASYNCIO, JASYNCIO)),
  FUZZY("fuzzy", "the demo's fuzzy match on N pairs of 2,000 x 2,000 phrases, 2 workers",
      100_000, 10_000, false,
      List.of(new Metric("fuzzy.sequential", "pairs/s", false),
          new Metric("fuzzy.threads", "pairs/s", false),
          new Metric("fuzzy.processes", "pairs/s", false)),
      Set.of(ASYNCIO, JASYNCIO));

  /**
   * One figure a workload reports.
   *
   * @param id the row of the table, e.g. {@code process.chunk1}
   * @param unit e.g. {@code ns/switch}
   * @param lowerIsBetter true for a cost, false for a rate
   */
  record Metric(String id, String unit, boolean lowerIsBetter) {}

  /** The batch of the spawn workload: tasks gathered at a time. */
  static final int SPAWN_BATCH = 1_000;
  /** The threads of the offload workload's pool. */
  static final int OFFLOAD_THREADS = 4;
  /** The workers of the process and fuzzy workloads' pools (the cores of CI's machine). */
  static final int WORKERS = 2;
  /** Pairs per call or chunk in the fuzzy workload. */
  static final int FUZZY_CHUNK = 1_000;

  final String id;
  final String description;
  final int fullSize;
  final int quickSize;
  /** Measures a one-off state (a heap), so it runs once even in a full run. */
  final boolean once;
  final List<Metric> metrics;
  final Set<Peer> peers;

  Workload(String id, String description, int fullSize, int quickSize, boolean once,
      List<Metric> metrics, Set<Peer> peers) {
    this.id = id;
    this.description = description;
    this.fullSize = fullSize;
    this.quickSize = quickSize;
    this.once = once;
    this.metrics = metrics;
    this.peers = peers;
  }

  /** The workload of this id. */
  static Workload byId(String id) {
    for (Workload w : values()) {
      if (w.id.equals(id)) {
        return w;
      }
    }
    throw new IllegalArgumentException("no workload " + id);
  }

  /** The metric of this id, of any workload. */
  static Metric metric(String id) {
    for (Workload w : values()) {
      for (Metric m : w.metrics) {
        if (m.id().equals(id)) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("no metric " + id);
  }
}
