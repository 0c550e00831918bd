package io.jasyncio.processor.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [jasyncio/Write]}: the generated {@code AsyncFoo} cannot be written (a class of the
 * user's with that name is {@code NameClash}, {@link NameClashTest}); reported on {@code Foo}.
 */
class WriteTest {

  static final List<String> MAIN = CompiledSnippet.withHeader(
      "public class Main {",
      "  @Async static Coroutine<Integer> answer() {",
      "    await(sleep(1));",
      "    return done(42);",
      "  }",
      "}");

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
