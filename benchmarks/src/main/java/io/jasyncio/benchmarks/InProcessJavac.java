package io.jasyncio.benchmarks;

import io.jasyncio.processor.AsyncProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac in this JVM ({@link ToolProvider#getSystemJavaCompiler()}), compiling one source text
 * against this JVM's class path with jasyncio's processor, into a directory: classes and the
 * generated {@code AsyncFoo} source side by side.
 */
final class InProcessJavac {
  /** What javac does with the source. */
  enum Mode {
    /** Runs the processor and writes the machine's source, compiling nothing. */
    PROCESS_ONLY(true, "-proc:only"),
    /**
     * Runs the processor, then attributes and flow-checks the template and the machine as a
     * compilation does, but writes no class files: the code generation javac skips is what
     * fails past the JVM's 64 KB limit on a method ("code too large"), which the template of
     * {@link ManyAwaitsSource}'s mix passes above 2,340 awaits.
     */
    CHECK(true, SHOULD_STOP_AFTER_FLOW),
    /** The same for the template alone, without the processor: what javac itself costs. */
    CHECK_WITHOUT_PROCESSOR(false, "-proc:none", SHOULD_STOP_AFTER_FLOW),
    /** Runs the processor and compiles everything to class files. */
    FULL(true);

    private final boolean processor;
    private final List<String> options;

    Mode(boolean processor, String... options) {
      this.processor = processor;
      this.options = List.of(options);
    }
  }

  /** javac's option to end a compilation that has no errors after flow analysis. */
  private static final String SHOULD_STOP_AFTER_FLOW = "-XDshould-stop.ifNoError=FLOW";

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

  InProcessJavac() {
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
  }

  /**
   * Compiles {@code text}, the compilation unit of class {@code binaryName}, into {@code out};
   * throws with javac's errors if it fails.
   */
  void compile(String binaryName, String text, Path out, Mode mode) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        null)) {
      Files.createDirectories(out);
      List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(),
          "-classpath", System.getProperty("java.class.path"), "-nowarn"));
      options.addAll(mode.options);
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          List.of(new Source(binaryName, text)));
      if (mode.processor) {
        task.setProcessors(List.of(new AsyncProcessor()));
      }
      if (!task.call()) {
        StringBuilder errors = new StringBuilder("javac failed on " + binaryName + ":");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            errors.append('\n').append(d);
          }
        }
        throw new IllegalStateException(errors.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A compilation unit held in memory. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String binaryName, String text) {
      super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
