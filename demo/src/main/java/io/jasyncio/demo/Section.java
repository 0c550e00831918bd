package io.jasyncio.demo;

import io.jasyncio.Runner;
import java.io.PrintStream;

/** One section of the tutorial: prints what the tutorial prints for it. */
interface Section {
  /** The name a user types to run this section alone. */
  String name();

  /** Runs the section, printing to {@code out}; coroutines run on {@code runner}'s loop. */
  void run(Runner runner, PrintStream out);
}
