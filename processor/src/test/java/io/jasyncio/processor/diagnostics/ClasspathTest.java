package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.processor.AsyncProcessor;
import io.jasyncio.processor.Snippets;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/Classpath]}: without jasyncio-runtime on the class path the generated code
 * could not compile, so each {@code @Async} method gets one error naming the missing dependency.
 */
class ClasspathTest {
  private static final String MACHINE = "io/jasyncio/internal/CoroutineMachine.class";

  /** This test's class path without the entry that holds the runtime. */
  private static List<File> classPathWithoutRuntime() {
    List<File> all = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(File::new)
        .collect(Collectors.toList());
    List<File> kept = all.stream().filter(f -> !holdsMachine(f)).collect(Collectors.toList());
    assertThat(kept).as("the runtime is on the test class path").hasSizeLessThan(all.size());
    return kept;
  }

  private static boolean holdsMachine(File entry) {
    if (entry.isDirectory()) {
      return new File(entry, MACHINE).isFile();
    }
    if (!entry.isFile()) {
      return false;
    }
    try (JarFile jar = new JarFile(entry)) {
      return jar.getEntry(MACHINE) != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void missingRuntimeIsReportedOnTheMethod() {
    List<String> lines = List.of(
        "package demo;",
        "import io.jasyncio.annotations.Async;",
        "public class Kitchen {",
        "  @Async static Object boil() { return null; }",
        "}");
    JavaFileObject file = Snippets.source("demo.Kitchen", lines.toArray(String[]::new));
    Compilation c = javac()
        .withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:all,-processing")
        .withClasspath(classPathWithoutRuntime())
        .compile(file);
    CompiledSnippet.of(lines, file, c).assertOnlyError("Classpath", "Object boil()", "boil");
  }
}
