package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/SynchronizedMethod]}: an {@code @Async} method's body runs later, step by step
 * on the event loop, so {@code synchronized} on the method would guard nothing of it; reported on
 * the method, whether or not it awaits. An {@code await} inside a {@code synchronized} block is
 * {@link AwaitInSynchronizedTest}'s.
 */
class SynchronizedMethodTest {

  @Test
  void synchronizedAsyncMethodIsReportedOnTheMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static synchronized Coroutine<Void> boil() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("SynchronizedMethod", "static synchronized Coroutine<Void> boil()",
        "boil()");
  }

  @Test
  void synchronizedAsyncMethodWithoutAwaitIsReportedToo() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  int count;",
        "  @Async synchronized Coroutine<Integer> next() {",
        "    return done(++count);",
        "  }",
        "}");
    s.assertOnlyError("SynchronizedMethod", "synchronized Coroutine<Integer> next()", "next()");
  }
}
