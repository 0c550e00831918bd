package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A type the user's own code gets wrong (ambiguous between two on-demand imports, or missing)
 * is javac's error, reported once where the user wrote it: jasyncio adds none of its own and
 * generates nothing, so no error can appear inside generated code. A local of such a type
 * that lives across an await ended in {@code [jasyncio/Internal]}, then in a misleading
 * {@code [jasyncio/NonDenotableType]}.
 */
class UserErrorsTest {

  @Test
  void aTypeAmbiguousBetweenTwoOnDemandImportsIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count() {",
        "    Queue<Integer> q = new ArrayDeque<>();",
        "    await(sleep(0));",
        "    return done(q.size());",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("reference to Queue is ambiguous")
        .inFile(s.compilation().sourceFiles().get(0)).onLine(8);
    assertThat(s.compilation()).hadErrorCount(1);
    s.assertNothingGenerated();
  }

  @Test
  void aMissingTypeIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count() {",
        "    var q = new Pantry();",
        "    await(sleep(0));",
        "    return done(q.hashCode());",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("cannot find symbol");
    assertThat(s.compilation()).hadErrorCount(1);
    s.assertNothingGenerated();
  }

  @Test
  void aTypeAmbiguousInTheSignatureIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> consume(Queue<Integer> q) {",
        "    return done(await(q.get()));",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("reference to Queue is ambiguous")
        .inFile(s.compilation().sourceFiles().get(0)).onLine(7);
    assertThat(s.compilation()).hadErrorCount(1);
    s.assertNothingGenerated();
  }

  @Test
  void returningANumberFromACoroutineIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> twice(int x) {",
        "    await(sleep(1));",
        "    return 2 * x;",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("incompatible types")
        .inFile(s.compilation().sourceFiles().get(0)).onLine(s.lineOf("return 2 * x;"));
    assertThat(s.compilation()).hadErrorCount(1);
    s.assertNothingGenerated();
  }

  @Test
  void awaitingANumberIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> five() {",
        "    int v = await(5);",
        "    return done(v);",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("no suitable method found for await(int)")
        .inFile(s.compilation().sourceFiles().get(0)).onLine(s.lineOf("await(5)"));
    assertThat(s.compilation()).hadErrorCount(1);
    s.assertNothingGenerated();
  }
}
