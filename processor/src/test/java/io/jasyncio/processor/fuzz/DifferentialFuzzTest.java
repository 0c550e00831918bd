package io.jasyncio.processor.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.jasyncio.processor.fuzz.Ast.Body;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential fuzzing of the processor's lowering, with Java itself as the oracle: random
 * bodies ({@link BodyGenerator}) are printed once as {@code @Async} methods that really await
 * and once as plain methods where each await is replaced by its value ({@link Printer}); both
 * must log the same trace and end the same way (the same result, or an exception of the same
 * class and message), and the batch must compile without warnings ({@link Differential}). A
 * generator body's twin adds each yielded value to a list: iterating the generator (or taking
 * a few values and closing it) must log the same values, trace and end.
 *
 * <p>Body {@code i} comes from seed {@code jasyncio.fuzz.seed + i}; CI runs 300 bodies from a
 * fixed seed. A longer run, and one failing body again:
 *
 * <pre>
 * mvn -pl processor test -Dtest=DifferentialFuzzTest -Djasyncio.fuzz.bodies=10000
 * mvn -pl processor test -Dtest=DifferentialFuzzTest -Djasyncio.fuzz.bodies=1 \
 *     -Djasyncio.fuzz.seed=SEED
 * </pre>
 *
 * <p>({@code -Dtest} takes a simple class name or a path pattern such as
 * {@code 'io/jasyncio/processor/fuzz/*'}; a dotted pattern matches nothing.)
 *
 * <p>A failing body is shrunk ({@link Shrinker}) and reported with its seed and the smallest
 * body that still fails the same way. Other system properties:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><td>{@code jasyncio.fuzz.seed}</td><td>the first seed (20250601)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.batch}</td><td>bodies per compilation (40)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.threads}</td><td>batches compiled at once (2)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.shrink}</td><td>failures shrunk per run, the others are
 *       reported as generated (3)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.shrinkSeconds}</td><td>time for shrinking one (120)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.print}</td><td>print each batch's class (false)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.knownBugs}</td><td>which shapes of the bugs in
 *       {@link KnownBugsTest} to generate ({@code all}, names from there, or empty; all but the
 *       shapes of open bugs)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.generators}</td><td>how many bodies in a hundred are
 *       generator bodies, {@code Generator<Integer>} methods that yield where the others await,
 *       checked against the same body adding each value to a list (25)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.nestedAwaits}</td><td>awaits nested in expressions: operands,
 *       call arguments, string concatenations, either side of {@code &&}, {@code ||} and
 *       {@code ?:}, compound assignments, array stores, awaits in awaited arguments
 *       (true)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.awaitsInTryAndSwitch}</td><td>awaits inside switch and try
 *       statements (cases, try, catch and finally blocks, resource initializers) too
 *       (true)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.typedConditionals}</td><td>log lines of conditionals whose
 *       operands mix boxed, primitive and null values, awaited or not, where what is logged
 *       tells Java's typing of the conditional apart (true)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.weight.<shape>}</td><td>how often a shape beyond int locals
 *       is generated ({@link ShapeOptions}): {@code instance} (bodies in a hundred that are
 *       instance methods, 35), {@code fields} (12), {@code calls} (25), {@code patterns} (3),
 *       {@code arrays} (3), {@code typed} (8); 0 for none</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.private}</td><td>the fields and plain helpers the shapes use
 *       are private (true; false for package-private ones)</td></tr>
 *   <tr><td>{@code jasyncio.fuzz.positions}</td><td>awaits in compound assignments to array
 *       elements and other objects' fields, {@code throw await(...)}, an enhanced {@code for}
 *       over an expression that awaits (true)</td></tr>
 * </table>
 *
 * <p>The summary ends with how many bodies exercised each shape ({@link Census}).
 */
class DifferentialFuzzTest {
  private static final int BODIES = Integer.getInteger("jasyncio.fuzz.bodies", 300);
  private static final long SEED = Long.getLong("jasyncio.fuzz.seed", 20_250_601L);
  private static final int BATCH = Integer.getInteger("jasyncio.fuzz.batch", 40);
  private static final int SHRINK = Integer.getInteger("jasyncio.fuzz.shrink", 3);
  private static final Duration SHRINK_TIME =
      Duration.ofSeconds(Integer.getInteger("jasyncio.fuzz.shrinkSeconds", 120));
  private static final boolean PRINT = Boolean.getBoolean("jasyncio.fuzz.print");
  private static final int THREADS = Integer.getInteger("jasyncio.fuzz.threads",
      Math.min(2, Runtime.getRuntime().availableProcessors()));

  private final AtomicInteger shrinksLeft = new AtomicInteger(SHRINK);
  private final Stats stats = new Stats();

  @TestFactory
  Stream<DynamicTest> asyncBodiesLogAndEndLikeTheirSynchronousTwins() {
    int batches = (BODIES + BATCH - 1) / BATCH;
    long start = System.nanoTime();
    // Batches compile on THREADS threads, in order, ahead of the tests that report them.
    ExecutorService compilers = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "fuzz-compiler");
      t.setDaemon(true);
      return t;
    });
    List<DynamicTest> runs = new ArrayList<>();
    for (int batch = 0; batch < batches; batch++) {
      long first = SEED + (long) batch * BATCH;
      int count = Math.min(BATCH, BODIES - batch * BATCH);
      List<Body> bodies = LongStream.range(first, first + count)
          .mapToObj(BodyGenerator::generate)
          .toList();
      CompletableFuture<List<Differential.Verdict>> verdicts =
          CompletableFuture.supplyAsync(() -> Differential.check(bodies), compilers);
      runs.add(DynamicTest.dynamicTest("seeds " + first + " to " + (first + count - 1),
          () -> checkBatch(bodies, verdicts.join())));
    }
    DynamicTest summary = DynamicTest.dynamicTest("summary", () -> {
      compilers.shutdown();
      System.out.printf(Locale.ROOT,
          "DifferentialFuzzTest: %s; %.1f s (compiling %.1f s, running %.1f s, on %d threads)%n",
          stats, (System.nanoTime() - start) / 1e9, Differential.COMPILE_NANOS.sum() / 1e9,
          Differential.RUN_NANOS.sum() / 1e9, THREADS);
      System.out.println("DifferentialFuzzTest: bodies per shape " + stats.shapes());
    });
    return Stream.concat(runs.stream(), Stream.of(summary));
  }

  private void checkBatch(List<Body> bodies, List<Differential.Verdict> verdicts) {
    if (PRINT) {
      System.out.println(Differential.source(bodies));
    }
    int count = bodies.size();
    verdicts.forEach(stats::add);
    bodies.forEach(stats::addShapes);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      Differential.Verdict verdict = verdicts.get(i);
      if (verdict.kind() != Differential.Kind.SAME) {
        failures.add(report(bodies.get(i), verdict));
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + count + " bodies failed\n\n"
          + String.join("\n\n", failures));
    }
  }

  /** What the bodies did, to see what the generator exercises. */
  private static final class Stats {
    private long bodies;
    private long returned;
    private long traceLines;
    private double virtualSeconds;
    private long closing;
    private long suppressing;
    /** Lines logged by conditionals of mixed operand types ({@link Ast.Typed}). */
    private long typed;
    private final Map<String, Long> ends = new TreeMap<>();
    /** How many bodies exercised each shape beyond the int language ({@link Census}). */
    private final Map<String, Long> shapes = new TreeMap<>();

    synchronized void addShapes(Body body) {
      Census.of(body).forEach(shape -> shapes.merge(shape, 1L, Long::sum));
    }

    synchronized String shapes() {
      return shapes.toString();
    }

    synchronized void add(Differential.Verdict verdict) {
      bodies++;
      if (verdict.sync() == null) {
        ends.merge("did not compile", 1L, Long::sum);
        return;
      }
      traceLines += verdict.sync().trace().size();
      typed += verdict.sync().trace().stream().filter(l -> l.startsWith("typed")).count();
      if (verdict.sync().trace().stream().anyMatch(l -> l.startsWith("close "))) {
        closing++;
      }
      if (verdict.sync().toString().contains("suppressed")) {
        suppressing++;
      }
      virtualSeconds += verdict.asyncTime();
      String end = verdict.sync().end();
      if (end.startsWith("returned")) {
        returned++;
      } else {
        ends.merge(end.replaceAll(":.*", "").replace("threw java.lang.", ""), 1L, Long::sum);
      }
    }

    @Override
    public synchronized String toString() {
      return String.format(Locale.ROOT, "%d bodies: %d returned, others %s; on average %.1f"
              + " trace lines and %.1f s of loop time; %d closed a resource, %d saw a suppressed"
              + " exception; %d lines logged by typed conditionals",
          bodies, returned, ends, traceLines / (double) Math.max(1, bodies),
          virtualSeconds / Math.max(1, bodies), closing, suppressing, typed);
    }
  }

  private String report(Body body, Differential.Verdict verdict) {
    StringBuilder s = new StringBuilder("seed " + body.seed() + " (again: -Djasyncio.fuzz.seed="
        + body.seed() + " -Djasyncio.fuzz.bodies=1)\n");
    if (shrinksLeft.getAndDecrement() <= 0) {
      return s.append(verdict.describe()).append("\nbody (not shrunk):\n")
          .append(Printer.statements(body, true)).toString();
    }
    Shrinker.Shrunk shrunk = Shrinker.shrink(body, verdict, SHRINK_TIME);
    return s.append("shrunk from ").append(Shrinker.weight(body)).append(" to ")
        .append(Shrinker.weight(shrunk.body())).append(" (weight)\n")
        .append(shrunk.verdict().describe())
        .append("\n@Async body:\n").append(Printer.statements(shrunk.body(), true))
        .append("plain body:\n").append(Printer.statements(shrunk.body(), false))
        .toString();
  }
}
