package io.jasyncio.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.processor.AsyncProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * javac as a shell runs it, on files in a folder, with the processor.
 *
 * <p>Unlike compile-testing, which keeps generated files in memory, this writes them into a real
 * folder ({@code -s}), and can run javac in a JVM of its own, with options for that JVM. Errors
 * are read from {@code -XDrawDiagnostics} output, one a line:
 * {@code Kitchen.java:9:33: compiler.err.proc.messager: [jasyncio/...]}.
 */
final class CommandLineJavac {
  private static final Pattern ERROR =
      Pattern.compile("^(\\S+?)(?::(\\d+):(\\d+))?: compiler\\.err\\.[\\w.]+: (.*)$");

  /** One error: the file's simple name, 1-based line and column, and the text. */
  record Error(String file, long line, long column, String text) {}

  /** What one run printed and wrote. */
  record Result(int exitCode, String output, List<Error> errors, List<Path> generated) {}

  private final Path root;

  /** Compiles in {@code root}: sources in {@code src}, classes into {@code classes}. */
  CommandLineJavac(Path root) {
    this.root = root;
  }

  /** The folder generated sources go to ({@code -s}); it exists before {@link #compile}. */
  Path generatedSources() {
    return root.resolve("generated");
  }

  /** Writes {@code demo/<className>.java} with {@code lines} and returns its path. */
  Path source(String className, List<String> lines) {
    Path file = root.resolve("src/demo/" + className + ".java");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Runs javac, in this JVM, with the processor on {@code sources}, adding {@code options}. */
  Result compile(List<Path> sources, String... options) {
    List<String> args = arguments(List.of(AsyncProcessor.class.getName()), sources, options);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      exit = javac.run(null, print, print, args.toArray(String[]::new));
    }
    return result(exit, out.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs the JDK's {@code javac} command in a JVM of its own, with {@code processors} before
   * jasyncio's on {@code sources}, adding {@code options} ({@code -J...} ones go to that JVM).
   */
  Result compileInNewJvm(List<String> processors, List<Path> sources, String... options) {
    List<String> all = new ArrayList<>(processors);
    all.add(AsyncProcessor.class.getName());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(arguments(all, sources, options));
    try {
      Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return result(javac.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> arguments(List<String> processors, List<Path> sources, String... options) {
    try {
      Files.createDirectories(root.resolve("classes"));
      Files.createDirectories(generatedSources());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of(
        "-classpath", System.getProperty("java.class.path"),
        "-processor", String.join(",", processors),
        "-Xlint:all,-processing",
        "-XDrawDiagnostics",
        "-d", root.resolve("classes").toString(),
        "-s", generatedSources().toString()));
    args.addAll(List.of(options));
    sources.forEach(s -> args.add(s.toString()));
    return args;
  }

  private Result result(int exit, String output) {
    List<Error> errors = new ArrayList<>();
    for (String line : output.split("\\R")) {
      Matcher m = ERROR.matcher(line);
      if (m.matches()) {
        errors.add(new Error(m.group(1),
            m.group(2) == null ? -1 : Long.parseLong(m.group(2)),
            m.group(3) == null ? -1 : Long.parseLong(m.group(3)),
            m.group(4)));
      }
    }
    return new Result(exit, output, errors, javaFilesIn(generatedSources()));
  }

  private static List<Path> javaFilesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The only error is {@code [jasyncio/<tag>]}, in {@code file} at {@code line} and
   * {@code column} (1-based), and no source was generated.
   */
  static void assertOnlyError(Result result, String tag, String file, long line, long column) {
    assertThat(result.errors()).as("errors in%n%s", result.output()).hasSize(1);
    Error error = result.errors().get(0);
    assertThat(error.text()).as(result.output()).startsWith("[jasyncio/" + tag + "] ");
    assertThat(error.file()).as(result.output()).isEqualTo(file);
    assertThat(error.line()).as(result.output()).isEqualTo(line);
    assertThat(error.column()).as(result.output()).isEqualTo(column);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.generated()).as("generated sources").isEmpty();
  }
}
