package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.jasyncio.processor.AsyncProcessor;
import io.jasyncio.processor.Snippets;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/Internal]}: an unexpected exception while rewriting a method becomes one error
 * on that method, never a crash of javac, and nothing is generated for its class.
 *
 * <p>No known input reaches this net any more (the last ones, {@code await()} and an unqualified
 * {@code yield(1);}, are {@code SuspensionArgument} and {@code YieldStatement} now), so the
 * failure is asked for with the processor's test option {@code -Ajasyncio.failWhileRewriting}.
 */
class InternalTest {

  @Test
  void aFailureWhileRewritingIsOneErrorOnTheMethodAndNothingIsGenerated() {
    List<String> lines = CompiledSnippet.withHeader(
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(1);",
        "  }",
        "  @Async static Coroutine<Integer> stir() {",
        "    return done(await(boil()));",
        "  }",
        "}");
    compileWith("-Ajasyncio.failWhileRewriting=boil", lines)
        .assertOnlyError("Internal", "Coroutine<Integer> boil()", "boil()");
  }

  /**
   * A method withheld as javac would reject its body (see {@code UndefinedNames}) while javac
   * accepts it is the processor's mistake: one Internal error on the method, never a class
   * whose method throws when run.
   */
  @Test
  void aBodyWithheldWronglyIsOneErrorOnTheMethod() {
    List<String> lines = CompiledSnippet.withHeader(
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(1);",
        "  }",
        "}");
    CompiledSnippet s = compileWith("-Ajasyncio.withholdWrongly=boil", lines);
    assertThat(s.compilation()).hadErrorContaining("[jasyncio/Internal]")
        .inFile(s.file()).onLineContaining("Coroutine<Integer> boil()");
    assertThat(s.compilation()).hadErrorContaining("javac accepted it");
    assertThat(s.compilation()).hadErrorCount(1);
  }

  /** {@code demo.Kitchen} of {@code lines}, compiled with the processor's test option. */
  private static CompiledSnippet compileWith(String option, List<String> lines) {
    JavaFileObject file = Snippets.source("demo.Kitchen", lines.toArray(String[]::new));
    Compilation c = javac().withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:all,-processing", option)
        .compile(file);
    return CompiledSnippet.of(lines, file, c);
  }
}
