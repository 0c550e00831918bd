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
 * <p>No class files are written: one {@code @Async} method becomes one {@code resume()} with all
 * its states, which passes the JVM's 64 KB limit on a method's code at about 700 awaits of this
 * mix ("code too large"); the template itself passes it somewhere below 5,000.
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
    try (Stream<Path> files = Files.walk(out)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
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
}
