package io.jasyncio.processor.diagnostics;

import com.google.testing.compile.Compilation;
import io.jasyncio.processor.Snippets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [jasyncio/Write]}: the generated {@code AsyncFoo} cannot be written. When a class of the
 * user's already has that name, javac's Filer refuses it and the error names that class, on it;
 * any other failure to write is reported on {@code Foo}.
 */
class WriteTest {

  private static final List<String> MAIN = CompiledSnippet.withHeader(
      "public class Main {",
      "  @Async static Coroutine<Integer> answer() {",
      "    await(sleep(1));",
      "    return done(42);",
      "  }",
      "}");

  @Test
  void aClassNamedLikeTheGeneratedOneIsReportedOnThatClass() {
    List<String> clashing = List.of(
        "package demo;",
        "public class AsyncMain {",
        "  static int answer() { return 0; }",
        "}");
    JavaFileObject main = Snippets.source("demo.Main", MAIN.toArray(String[]::new));
    JavaFileObject asyncMain = Snippets.source("demo.AsyncMain", clashing.toArray(String[]::new));
    Compilation c = Snippets.compile(main, asyncMain);
    CompiledSnippet.of(clashing, asyncMain, c)
        .assertOnlyError("Write", "public class AsyncMain", "class AsyncMain");
  }

  @Test
  void aGeneratedSourcesFolderThatCannotTakeTheFileIsReportedOnTheClass(@TempDir Path root)
      throws IOException {
    CommandLineJavac javac = new CommandLineJavac(root);
    // The package's folder is a file, so the generated file's folder cannot be made (whoever runs
    // the test, unlike a folder without write permission, which root may write to anyway).
    Files.createDirectories(javac.generatedSources());
    Files.writeString(javac.generatedSources().resolve("demo"), "not a folder");
    Path main = javac.source("Main", MAIN);

    CommandLineJavac.Result result = javac.compile(List.of(main));

    int line = MAIN.indexOf("public class Main {") + 1;
    CommandLineJavac.assertOnlyError(result, "Write", "Main.java", line,
        "public class Main {".indexOf("class") + 1);
  }
}
