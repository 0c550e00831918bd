package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pattern's binding read after an await lives in a field, set where the pattern matches: in
 * the branch it guards, after a negated test that leaves, in the rest of an {@code &&}, in a
 * loop, and captured by a lambda. It was lost ({@code cannot find symbol i}).
 */
class PatternBindingTest {

  @Test
  void bindingsSurviveAwaitsWhereverFlowScopingLetsThemBeRead() throws Throwable {
    Compilation c = FlowSnippet.compile(
        "  @Async static Coroutine<String> describe(List<String> log, Object o) {",
        "    if (o instanceof Integer i && i > 0) {",
        "      await(slow(1));",
        "      log.add(\"positive \" + (i + 1));",
        "    }",
        "    if (!(o instanceof String s)) {",
        "      await(slow(1));",
        "      return done(\"not a string: \" + o);",
        "    }",
        "    await(slow(1));",
        "    java.util.function.Supplier<String> later = () -> s.toUpperCase();",
        "    await(slow(1));",
        "    int vowels = 0;",
        "    Object rest = s;",
        "    while (rest instanceof String r && !r.isEmpty()) {",
        "      await(slow(0));",
        "      vowels += \"aeiou\".indexOf(r.charAt(0)) >= 0 ? 1 : 0;",
        "      rest = r.substring(1);",
        "    }",
        "    return done(later.get() + \" \" + vowels + \" \" + s.length());",
        "  }");
    assertThat(c).succeededWithoutWarnings();
    assertThat(FlowSnippet.trace(c, "describe", "banana"))
        .containsExactly("result BANANA 3 6");
    assertThat(FlowSnippet.trace(c, "describe", 41))
        .containsExactly("positive 42", "result not a string: 41");
    assertThat(FlowSnippet.trace(c, "describe", -1))
        .containsExactly("result not a string: -1");
  }

  @Test
  void aBindingUsedOnlyBeforeTheAwaitStaysAsWritten() throws Throwable {
    Compilation c = FlowSnippet.compile(
        "  @Async static Coroutine<Integer> length(List<String> log, Object o) {",
        "    int n = o instanceof String s ? s.length() : -1;",
        "    await(slow(1));",
        "    return done(n);",
        "  }");
    assertThat(c).succeededWithoutWarnings();
    assertThat(FlowSnippet.trace(c, "length", "abc")).containsExactly("result 3");
    assertThat(Snippets.generatedSource(c, "demo.AsyncFlow")).doesNotContain("bound1");
  }
}
