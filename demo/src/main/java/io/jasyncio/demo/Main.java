package io.jasyncio.demo;

import io.jasyncio.Runner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the asyncio tutorial in Java: every section in the tutorial's order, or the one named on
 * the command line.
 *
 * <pre>
 * java -jar demo/target/jasyncio-demo.jar            # every section
 * java -jar demo/target/jasyncio-demo.jar boiling    # one section
 * </pre>
 */
public final class Main {
  /** Exit status for an unknown section name, as for a usage error. */
  static final int USAGE = 2;
  /** Exit status for a section that a later version brings. */
  static final int NOT_BUILT = 3;

  /** The tutorial's sections in its order; null marks one that comes with a later issue. */
  private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("coroutine", new CoroutineSection());
    SECTIONS.put("sequential", new SequentialSection());
    SECTIONS.put("generators", new GeneratorsSection());
    SECTIONS.put("gather", new GatherSection());
    SECTIONS.put("boiling", new BoilingSection());
    SECTIONS.put("threads", null);
    SECTIONS.put("processes", null);
  }

  private Main() {}

  /** Runs the demo; exits with the status of {@link #run}. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err, Runner::new);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the sections {@code args} name (all when none) and returns the exit status: 0, or
   * {@link #USAGE} for an unknown name, or {@link #NOT_BUILT} for a section not built yet.
   */
  static int run(String[] args, PrintStream out, PrintStream err, Supplier<Runner> runners) {
    List<String> names = args.length == 0 ? new ArrayList<>(SECTIONS.keySet()) : List.of(args);
    for (String name : names) {
      if (!SECTIONS.containsKey(name)) {
        err.println("unknown section '" + name + "'; the sections are: "
            + String.join(", ", SECTIONS.keySet()));
        return USAGE;
      }
    }
    for (String name : names) {
      Section section = SECTIONS.get(name);
      if (section == null) {
        err.println("section '" + name + "' comes with a later version of jasyncio");
        if (args.length > 0) {
          return NOT_BUILT;
        }
        continue;
      }
      if (names.size() > 1) {
        out.println("== " + name);
      }
      try (Runner runner = runners.get()) {
        section.run(runner, out);
      }
      out.flush();
    }
    return 0;
  }
}
