package io.jasyncio.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one command of the benchmarks: runs every workload on jasyncio and on its peers, each in a
 * fresh process, checks they did the same work, measures allocation per await with JMH's GC
 * profiler, and prints the figures, the ratios and the targets as Markdown tables; optionally
 * writes JSON and draws the chart.
 *
 * <pre>
 * java -jar benchmarks/target/jasyncio-benchmarks.jar [--quick] [--out FILE.json]
 *     [--chart FILE.png] [--jdk JDK21_HOME] [--python python3] [--only switch,spawn]
 *     [--no-jmh]
 * </pre>
 *
 * <p>Exit status: 0, or 1 if a peer failed or did different work, 2 for a bad option.
 */
public final class Compare {
  /** Timing of a JVM probe in a full run: the JIT needs a warm-up, the figure a few runs. */
  static final Timing JVM_TIMING = new Timing(1, 2, 15);
  /** Timing of the Python probe in a full run: no JIT to warm up; its runs are long. */
  static final Timing PYTHON_TIMING = new Timing(0, 2, 3);

  private final Settings settings;
  private final PrintStream out;

  private Compare(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Parsed options.
   *
   * @param quick each workload once, at its quick size
   * @param json where to write the JSON, or null
   * @param chart where to draw the chart, or null
   * @param jdk the home of a JDK 21+ given with --jdk, or null to look in /usr/lib/jvm
   * @param python the Python interpreter
   * @param workloads the workloads to run
   * @param jmh whether to run the JMH allocation benchmarks
   */
  record Settings(boolean quick, Path json, Path chart, Path jdk, String python,
      List<Workload> workloads, boolean jmh) {
    /** Parses the command line. */
    static Settings parse(String... args) {
      boolean quick = false;
      boolean jmh = true;
      Path json = null;
      Path chart = Path.of("jasyncio-benchmarks.png");
      Path jdk = null;
      String python = "python3";
      List<Workload> workloads = Arrays.asList(Workload.values());
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick" -> quick = true;
          case "--no-jmh" -> jmh = false;
          case "--out" -> json = Path.of(value(args, ++i, a));
          case "--chart" -> chart = Path.of(value(args, ++i, a));
          case "--jdk" -> jdk = Path.of(value(args, ++i, a));
          case "--python" -> python = value(args, ++i, a);
          case "--only" -> {
            workloads = new ArrayList<>();
            for (String id : value(args, ++i, a).split(",")) {
              workloads.add(Workload.byId(id.strip()));
            }
          }
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      return new Settings(quick, json, chart, jdk, python, workloads, jmh);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  /**
   * Runs the comparison; see the class comment for the options.
   *
   * @param args the options
   */
  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: java -jar jasyncio-benchmarks.jar [--quick] [--out FILE.json]"
          + " [--chart FILE.png] [--jdk JDK21_HOME] [--python CMD] [--only w1,w2] [--no-jmh]");
      System.exit(2);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(new Compare(settings, out).run());
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    JvmLauncher harness = JvmLauncher.current();
    Optional<JvmLauncher> newer = newerJdk(harness);
    Optional<PythonLauncher> python = PythonLauncher.find(settings.python());
    String date = LocalDate.now().toString();
    out.printf(Locale.ROOT, "jasyncio benchmarks, %s, %s run, %d cores, %s %s%n", date,
        settings.quick() ? "quick" : "full", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"));
    double loadBefore = loadAverage();
    out.printf(Locale.ROOT, "load average before: %.2f%s%n", loadBefore, loadBefore > 0.5
        ? " (other processes are busy: the figures will be noisy)" : "");
    out.println("harness: " + harness.label() + " (" + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version") + ")");
    out.println("JDK 21+: " + newer.map(j -> j.label() + " at " + j.home())
        .orElse(harness.feature() >= 21 ? "the harness's" : "none found: virtual threads not run"));
    out.println("python:  " + python.map(p -> p.version() + " (" + p.python() + ")")
        .orElse("not found: asyncio not run"));
    out.println();

    JvmLauncher vtJdk = newer.orElse(harness.feature() >= 21 ? harness : null);
    List<Column> columns = new ArrayList<>();
    python.ifPresent(p -> columns.add(new Column(Peer.ASYNCIO, p.version())));
    columns.add(new Column(Peer.JASYNCIO, harness.label()));
    newer.ifPresent(j -> columns.add(new Column(Peer.JASYNCIO, j.label())));
    if (vtJdk != null) {
      columns.add(new Column(Peer.VIRTUAL_THREADS, vtJdk.label()));
    }
    columns.add(new Column(Peer.COMPLETABLE_FUTURE, harness.label()));
    columns.add(new Column(Peer.FLOOR, harness.label()));
    newer.ifPresent(j -> columns.add(new Column(Peer.FLOOR, j.label())));

    List<Measurement> measurements = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Workload w : settings.workloads()) {
      int size = settings.quick() ? w.quickSize : w.fullSize;
      out.printf(Locale.ROOT, "%s: %s, N = %,d%n", w.id, w.description, size);
      for (Column c : columns) {
        if (!w.peers.contains(c.peer())) {
          continue;
        }
        List<String> command;
        if (c.peer() == Peer.ASYNCIO) {
          command = python.orElseThrow().command(w, size, timing(w, PYTHON_TIMING));
        } else {
          JvmLauncher jvm = c.runtime().equals(harness.label()) ? harness : newer.orElse(vtJdk);
          command = jvm.command(w, c.peer(), size, timing(w, JVM_TIMING));
        }
        out.printf(Locale.ROOT, "  %-32s", c.label());
        try {
          List<String> parts = new ArrayList<>();
          Timing.Median last = null;
          for (Timing.Median m : ChildProcess.run(command)) {
            String unit = Workload.metric(m.metric()).unit();
            measurements.add(new Measurement(m.metric(), unit, c.peer(), c.runtime(),
                m.figure(), m.count(), m.runs()));
            parts.add(String.format(Locale.ROOT, "%s %s %s", m.metric(),
                Table.format(m.figure()), unit));
            last = m;
          }
          out.printf(Locale.ROOT, "%s; count %,d, %d runs%n", String.join(", ", parts),
              last.count(), last.runs());
        } catch (IllegalStateException e) {
          out.println("FAILED: " + e.getMessage());
          failures.add(w.id + " on " + c.label() + ": " + e.getMessage());
        }
      }
    }

    List<Allocation.Row> allocation = new ArrayList<>();
    if (settings.jmh()) {
      out.println();
      out.println("JMH -prof gc: AwaitBenchmark on " + harness.label() + " ...");
      allocation = Allocation.measure(harness, settings.quick());
    }
    Map<String, Long> sizes = Layouts.sizes();

    Table table = new Table(columns, measurements, harness.label());
    List<Targets.Check> checks = new Targets(table, allocation, Layouts.chainMachine(sizes),
        harness.label()).check();
    out.println();
    out.println("## Figures (median; N and the count of work per run as above)");
    out.println();
    out.print(table.figures());
    out.println();
    out.println("## jasyncio against each peer (above 1: jasyncio is better by that factor)");
    out.println();
    out.print(table.ratios());
    if (!allocation.isEmpty()) {
      out.println();
      out.println("## JMH, " + harness.label() + ", -prof gc (per operation)");
      out.println();
      out.println("| benchmark | ns/op | B/op |\n|---|---:|---:|");
      for (Allocation.Row r : allocation) {
        out.printf(Locale.ROOT, "| %s | %s | %s |%n", r.benchmark(), Table.format(r.nanos()),
            Table.format(r.bytes()));
      }
    }
    out.println();
    out.println("Object sizes (JOL, " + harness.label() + "): " + sizes);
    out.println();
    out.println("## Targets (issue 6)");
    out.println();
    out.print(Targets.markdown(checks));
    if (vtJdk == null) {
      out.println();
      out.println("virtual threads: not run (no JDK 21 or newer; give one with --jdk HOME)");
    }
    for (String f : failures) {
      out.println("FAILED: " + f);
    }
    double loadAfter = loadAverage();
    out.printf(Locale.ROOT, "load average after: %.2f%n", loadAfter);
    boolean countsMatch = table.countsMatch();
    if (!countsMatch) {
      out.println("The peers did not do the same work: see the count column.");
    }

    if (settings.json() != null) {
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("date", date);
      meta.put("quick", settings.quick());
      meta.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
          "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
      meta.put("harnessJdk", harness.feature());
      meta.put("loadAverage", Map.of("before", loadBefore, "after", loadAfter));
      meta.put("objectSizes", sizes);
      JsonReport.write(settings.json(), JsonReport.render(meta, measurements, allocation,
          harness.label(), checks, countsMatch));
      out.println("wrote " + settings.json());
    }
    if (settings.chart() != null) {
      ChartWriter.write(settings.chart(), table, columns,
          date + ", " + Runtime.getRuntime().availableProcessors() + " cores");
      out.println("drew " + settings.chart());
    }
    out.printf(Locale.ROOT, "took %.0f s%n", (System.nanoTime() - started) / 1e9);
    return failures.isEmpty() && countsMatch ? 0 : 1;
  }

  /** The JDK given with --jdk, or the newest 21+ in /usr/lib/jvm other than the harness's. */
  private Optional<JvmLauncher> newerJdk(JvmLauncher harness) {
    if (settings.jdk() != null) {
      Optional<JvmLauncher> given = JvmLauncher.at(settings.jdk());
      if (given.isEmpty()) {
        System.err.println("--jdk " + settings.jdk() + " is not a JDK home; ignored");
      }
      return given.filter(j -> j.feature() != harness.feature());
    }
    return JvmLauncher.newest21Plus(Path.of("/usr/lib/jvm"))
        .filter(j -> j.feature() != harness.feature());
  }

  /** The system's load average over the last minute; other work on the machine skews figures. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private Timing timing(Workload w, Timing full) {
    return settings.quick() || w.once ? Timing.ONCE : full;
  }
}
