package io.jasyncio.benchmarks;

/** What a workload runs on: jasyncio, or what a user would pick instead. */
enum Peer {
  ASYNCIO("asyncio", "Python asyncio"),
  JASYNCIO("jasyncio", "jasyncio"),
  VIRTUAL_THREADS("virtual-threads", "virtual threads"),
  COMPLETABLE_FUTURE("completable-future", "CompletableFuture"),
  FLOOR("floor", "hand-written floor");

  /** The id used on the command line of a probe and in the JSON. */
  final String id;
  /** The name in the table. */
  final String label;

  Peer(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The peer of this id. */
  static Peer byId(String id) {
    for (Peer p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no peer " + id);
  }
}
