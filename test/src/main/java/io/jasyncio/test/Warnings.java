package io.jasyncio.test;

import io.jasyncio.internal.NeverAwaitedWatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's warnings reported while a test runs: coroutines never awaited and exceptions
 * never retrieved. Both are found when the garbage collector frees the object (as in asyncio),
 * so {@link #start()} first flushes what earlier code left behind and {@link #stop()} runs the
 * collector before it returns what was reported in between.
 *
 * <p>The runtime reports to one listener for the whole JVM: tests that run in parallel threads
 * may see each other's warnings.
 */
final class Warnings implements NeverAwaitedWatch.Listener {
  private final List<String> neverAwaited = new ArrayList<>();
  private final List<Unretrieved> neverRetrieved = new ArrayList<>();

  /** A failed future nobody asked for its exception: its description and the exception. */
  record Unretrieved(String future, Throwable exception) {}

  private Warnings() {}

  /** Starts listening, after reporting (to standard error only) what was already garbage. */
  static Warnings start() {
    NeverAwaitedWatch.collect();
    Warnings warnings = new Warnings();
    NeverAwaitedWatch.listen(warnings);
    return warnings;
  }

  /** Collects garbage, stops listening and returns this, holding what was reported. */
  Warnings stop() {
    try {
      NeverAwaitedWatch.collect();
    } finally {
      NeverAwaitedWatch.listen(null);
    }
    return this;
  }

  /** The names of the coroutines reported never awaited, in report order. */
  synchronized List<String> neverAwaited() {
    return List.copyOf(neverAwaited);
  }

  /** The futures reported with an exception never retrieved, in report order. */
  synchronized List<Unretrieved> neverRetrieved() {
    return List.copyOf(neverRetrieved);
  }

  @Override
  public synchronized void neverAwaited(String name) {
    neverAwaited.add(name);
  }

  @Override
  public synchronized void neverRetrieved(String future, Throwable exception) {
    neverRetrieved.add(new Unretrieved(future, exception));
  }
}
