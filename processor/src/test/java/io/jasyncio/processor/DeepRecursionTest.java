package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** An @Async method awaiting itself 10,000 levels deep neither overflows nor misbehaves. */
class DeepRecursionTest {
  private static final Compilation COMPILED = Snippets.compile(Snippets.source("demo.Deep",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import static io.jasyncio.Asyncio.*;",
      "public class Deep {",
      "  @Async static Coroutine<Long> sum(int n, boolean yielding) {",
      "    if (n == 0) return done(0L);",
      "    if (yielding) await(sleep(0));",
      "    long below = await(sum(n - 1, yielding));",
      "    return done(below + n);",
      "  }",
      "  @Async static Coroutine<Long> failAtBottom(int n) {",
      "    if (n == 0) throw new IllegalStateException(\"bottom\");",
      "    long below = await(failAtBottom(n - 1));",
      "    return done(below + n);",
      "  }",
      "}"));

  @Test
  void tenThousandLevelsFinishingSynchronously() throws Throwable {
    assertThat(COMPILED).succeededWithoutWarnings();
    assertThat(LoopRun.staticCall(COMPILED, "demo.AsyncDeep", "sum", 10_000, false).result())
        .isEqualTo(50_005_000L);
  }

  @Test
  void tenThousandLevelsEachSuspendingOnce() throws Throwable {
    assertThat(LoopRun.staticCall(COMPILED, "demo.AsyncDeep", "sum", 10_000, true).result())
        .isEqualTo(50_005_000L);
  }

  @Test
  void anExceptionTenThousandLevelsDownReachesTheTop() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoopRun.staticCall(COMPILED, "demo.AsyncDeep", "failAtBottom", 10_000))
        .isInstanceOf(IllegalStateException.class).hasMessage("bottom");
  }
}
