package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/AwaitInSynchronized]}: an {@code await} inside {@code synchronized} would keep
 * the monitor held while other tasks run, reported on the {@code await} call. A synchronized
 * {@code @Async} method is {@link SynchronizedMethodTest}'s.
 */
class AwaitInSynchronizedTest {

  @Test
  void inASynchronizedBlock() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static final Object LOCK = new Object();",
        "  @Async static Coroutine<Void> boil() {",
        "    synchronized (LOCK) {",
        "      await(sleep(1));",
        "    }",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInSynchronized", "await(sleep(1))", "await(");
  }

  @Test
  void inAnIfInsideASynchronizedBlockOfAnInstanceMethod() {
    // Reported once, as synchronized, not also as an unsupported position.
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  int count;",
        "  @Async Coroutine<Void> boil() {",
        "    synchronized (this) {",
        "      if (count > 0) {",
        "        int n = await(more());",
        "        count += n;",
        "      }",
        "    }",
        "    return done();",
        "  }",
        "  @Async Coroutine<Integer> more() { return done(count); }",
        "}");
    s.assertOnlyErrorAtCall("AwaitInSynchronized", "int n = await", "await(");
  }

  @Test
  void synchronizedWithoutAwaitIsAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static final Object LOCK = new Object();",
        "  static int count;",
        "  @Async static Coroutine<Integer> boil() {",
        "    synchronized (LOCK) {",
        "      count++;",
        "    }",
        "    await(sleep(1));",
        "    synchronized (LOCK) {",
        "      return done(count);",
        "    }",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
