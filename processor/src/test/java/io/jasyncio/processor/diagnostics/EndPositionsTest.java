package io.jasyncio.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [jasyncio/EndPositions]}: jasyncio copies the user's statements by their start and end
 * positions, so a body whose trees have no end position gets one error on the method being
 * rewritten, and nothing is generated.
 *
 * <p>javac keeps end positions whenever it runs annotation processors (with or without
 * {@code -Xjcov}, from a shell or through the Compiler API), so the test makes javac forget them
 * with {@link ForgetEndPositions}, a processor run before jasyncio's.
 */
class EndPositionsTest {

  private static final List<String> KITCHEN = CompiledSnippet.withHeader(
      "public class Kitchen {",
      "  @Async static Coroutine<Integer> boil(int n) {",
      "    int doubled = n * 2;",
      "    await(sleep(1));",
      "    return done(doubled);",
      "  }",
      "}");

  @Test
  void aBodyWithoutEndPositionsGetsOneErrorOnTheMethod(@TempDir Path root) {
    CommandLineJavac javac = new CommandLineJavac(root);

    CommandLineJavac.Result result = javac.compileInNewJvm(
        List.of(ForgetEndPositions.class.getName()), List.of(javac.source("Kitchen", KITCHEN)),
        "-J--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED");

    String declaration = "  @Async static Coroutine<Integer> boil(int n) {";
    CommandLineJavac.assertOnlyError(result, "EndPositions", "Kitchen.java",
        KITCHEN.indexOf(declaration) + 1, declaration.indexOf("boil") + 1);
  }

  @Test
  void javacFromAShellWithoutXjcovKeepsEndPositionsForProcessors(@TempDir Path root) {
    CommandLineJavac javac = new CommandLineJavac(root);

    CommandLineJavac.Result result = javac.compile(List.of(javac.source("Kitchen", KITCHEN)));

    assertThat(result.errors()).as(result.output()).isEmpty();
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.generated()).extracting(p -> p.getFileName().toString())
        .containsExactly("AsyncKitchen.java");
  }
}
