package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Overloaded {@code @Async} methods: each gets a machine of its own ({@code DescribeMachine},
 * {@code DescribeMachine2}), and a call picks the overload Java picks. They did not compile
 * ({@code class DescribeMachine is already defined}).
 */
class OverloadsTest {

  @Test
  void overloadsAreRewrittenAndCalledAsJavaResolvesThem() throws Throwable {
    Compilation c = Snippets.compile(Snippets.source("demo.Shapes",
        "package demo;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Shapes {",
        "  @Async static Coroutine<String> describe(int x) {",
        "    await(sleep(1));",
        "    return done(\"int \" + x);",
        "  }",
        "  @Async static Coroutine<String> describe(long x) {",
        "    await(sleep(1));",
        "    return done(\"long \" + x);",
        "  }",
        "  @Async static Coroutine<String> describe(String s) {",
        "    String inner = await(describe(s.length()));",
        "    String wide = await(describe((long) s.length()));",
        "    return done(\"string \" + s + \", \" + inner + \", \" + wide);",
        "  }",
        "  @Async Coroutine<String> describe(String s, int times) {",
        "    await(sleep(1));",
        "    return done(s.repeat(times));",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(LoopRun.staticCall(c, "demo.AsyncShapes", "describe", "abc").result())
        .isEqualTo("string abc, int 3, long 3");
    assertThat(Snippets.generatedSource(c, "demo.AsyncShapes"))
        .contains("class DescribeMachine ", "class DescribeMachine2 ", "class DescribeMachine3 ",
            "class DescribeMachine4 ");
  }
}
