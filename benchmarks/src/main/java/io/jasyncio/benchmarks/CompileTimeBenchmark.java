package io.jasyncio.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How compile time grows with the number of awaits in one method (issue 16): javac in this JVM
 * on {@link ManyAwaitsSource} with 100, 1,000 and 5,000 awaits. Linear growth is the goal: 10
 * times the awaits, about 10 times the time.
 *
 * <ul>
 *   <li>{@code process}: parse the template, run the processor, write the machine's source
 *       ({@code -proc:only}): the processor's own share.
 *   <li>{@code check}: that, then attribute and flow-check the template and the machine, as a
 *       build does, without writing class files.
 *   <li>{@code checkWithoutProcessor}: the template alone, attributed and flow-checked: javac's
 *       own cost for the same file, the reference.
 * </ul>
 *
 * <p>These write no class files, so they run at 5,000 awaits, where the template's own method
 * passes the JVM's 64 KB limit on a method's code (javac: {@code code too large}); the template
 * of this mix compiles up to {@value #LARGEST} awaits. {@link ClassFiles#compile} compiles to
 * class files up to that size: the machine runs its states in several methods, one range each,
 * where one {@code resume()} holding them all would pass the limit from about 700 awaits.
 *
 * <pre>java -cp jasyncio-benchmarks.jar org.openjdk.jmh.Main CompileTimeBenchmark</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class CompileTimeBenchmark {
  /**
   * The most awaits of {@link ManyAwaitsSource}'s mix whose template javac still compiles to a
   * class file: at 2,341 its method passes 64 KB ({@code code too large for try statement}).
   */
  public static final String LARGEST = "2340";

  /** Awaits in the one {@code @Async} method. */
  @Param({"100", "1000", "5000"})
  public int awaits;

  private final InProcessJavac javac = new InProcessJavac();
  private String text;
  private Path out;

  /** Writes the source once per size. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    text = new ManyAwaitsSource(awaits).text();
    out = Files.createTempDirectory("jasyncio-compile-time");
  }

  /** Deletes what javac wrote. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    delete(out);
  }

  /** javac with the processor: parse, run the processor, write the machine's source. */
  @Benchmark
  public void process() {
    javac.compile(ManyAwaitsSource.className(), text, out, InProcessJavac.Mode.PROCESS_ONLY);
  }

  /** javac with the processor, then javac's checks of the template and the machine. */
  @Benchmark
  public void check() {
    javac.compile(ManyAwaitsSource.className(), text, out, InProcessJavac.Mode.CHECK);
  }

  /** javac's checks of the template alone: the reference. */
  @Benchmark
  public void checkWithoutProcessor() {
    javac.compile(ManyAwaitsSource.className(), text, out,
        InProcessJavac.Mode.CHECK_WITHOUT_PROCESSOR);
  }

  /**
   * The full build: javac with the processor, then class files of the template and the machine,
   * at sizes whose template fits in a method (the machine's states are split to fit). A nested
   * class inherits none of its outer class's settings: they are repeated.
   */
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @State(Scope.Benchmark)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public static class ClassFiles {
    /** Awaits in the one {@code @Async} method. */
    @Param({"100", "1000", LARGEST})
    public int awaits;

    private final InProcessJavac javac = new InProcessJavac();
    private String text;
    private Path out;

    /** Writes the source once per size. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      text = new ManyAwaitsSource(awaits).text();
      out = Files.createTempDirectory("jasyncio-compile-time");
    }

    /** Deletes what javac wrote. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      delete(out);
    }

    /** javac with the processor, writing the class files of the template and the machine. */
    @Benchmark
    public void compile() {
      javac.compile(ManyAwaitsSource.className(), text, out, InProcessJavac.Mode.FULL);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
