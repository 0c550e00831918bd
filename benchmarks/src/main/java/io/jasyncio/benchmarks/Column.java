package io.jasyncio.benchmarks;

/**
 * A column of the table: a peer on a runtime, such as jasyncio on JDK 25.
 *
 * @param peer what runs the workloads
 * @param runtime what it runs on, as in {@link Measurement#runtime()}
 */
record Column(Peer peer, String runtime) {
  /** The header: {@code jasyncio JDK 25}, {@code asyncio} (its version is in the notes). */
  String label() {
    return peer == Peer.ASYNCIO ? peer.label : peer.label + " " + runtime;
  }

  /** Whether {@code m} belongs in this column. */
  boolean holds(Measurement m) {
    return m.peer() == peer && m.runtime().equals(runtime);
  }
}
