package io.jasyncio.processor.diagnostics;

import com.google.testing.compile.Compilation;
import io.jasyncio.processor.Snippets;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/NameClash]}: a class of the user's already has the name of the generated
 * {@code AsyncFoo}; reported on that class, which is what to rename (it was reported as a
 * failure to write the file).
 */
class NameClashTest {

  @Test
  void aClassNamedLikeTheGeneratedOneIsReportedOnThatClass() {
    List<String> clashing = List.of(
        "package demo;",
        "public class AsyncMain {",
        "  static int answer() { return 0; }",
        "}");
    JavaFileObject main = Snippets.source("demo.Main", WriteTest.MAIN.toArray(String[]::new));
    JavaFileObject asyncMain = Snippets.source("demo.AsyncMain", clashing.toArray(String[]::new));
    Compilation c = Snippets.compile(main, asyncMain);
    CompiledSnippet.of(clashing, asyncMain, c)
        .assertOnlyError("NameClash", "public class AsyncMain", "class AsyncMain");
  }
}
