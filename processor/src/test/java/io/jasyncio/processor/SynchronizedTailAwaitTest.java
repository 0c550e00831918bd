package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code return other;} inside a {@code synchronized} block: the coroutine is created inside
 * the block, as Java evaluates the return's expression there, and awaited once the block (and
 * any finally block in it) has been left, so no monitor is held while it runs. A lock that
 * awaits is awaited before the monitor is taken.
 */
class SynchronizedTailAwaitTest {

  private static final Compilation FLOW = FlowSnippet.compile(
      "  @Async static Coroutine<String> later(List<String> log, Object lock, int n) {",
      "    log.add(\"later holds the lock: \" + Thread.holdsLock(lock));",
      "    await(sleep(1));",
      "    return done(\"later \" + n);",
      "  }",
      "  static <T> T t(List<String> log, String label, T value) {",
      "    log.add(label);",
      "    return value;",
      "  }",
      "  @Async static Coroutine<String> locked(List<String> log, int n) {",
      "    Object lock = new Object();",
      "    for (int i = 0; i < 3; i++) {",
      "      synchronized (lock) {",
      "        log.add(\"in \" + i + \" \" + Thread.holdsLock(lock));",
      "        if (i == n) {",
      "          try {",
      "            return t(log, \"created\", later(log, lock, n));",
      "          } finally {",
      "            log.add(\"finally\");",
      "          }",
      "        }",
      "        if (i == 1) {",
      "          continue;",
      "        }",
      "      }",
      "      log.add(\"after \" + i + \" \" + Thread.holdsLock(lock));",
      "    }",
      "    return done(\"none\");",
      "  }");

  @Test
  void theReturnedCoroutineRunsOnceTheMonitorIsReleased() throws Throwable {
    assertThat(FlowSnippet.trace(FLOW, "locked", 1)).containsExactly("in 0 true",
        "after 0 false", "in 1 true", "created", "finally", "later holds the lock: false",
        "result later 1");
  }

  private static final TwinSnippet LOCKS = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  @Async static Coroutine<String> lockedOn(List<String> log) {",
      "    Object lock = new Object();",
      "    synchronized (t(log, \"before\", 1) > 0 ? await(got(log, \"lock\", lock)) : null) {",
      "      log.add(\"holds \" + Thread.holdsLock(lock));",
      "    }",
      "    log.add(\"released \" + Thread.holdsLock(lock));",
      "    try {",
      "      synchronized (await(got(log, \"none\", (Object) null))) {",
      "        log.add(\"never\");",
      "      }",
      "    } catch (NullPointerException e) {",
      "      log.add(\"NPE\");",
      "    }",
      "    return done(\"end\");",
      "  }");

  @Test
  void aLockThatAwaitsIsAwaitedBeforeTheMonitorIsTaken() throws Throwable {
    assertThat(LOCKS.run("lockedOn")).containsExactly("before", "lock", "holds true",
        "released false", "none", "NPE", "result end");
  }

  @Test
  void jumpsOutOfTheSynchronizedBlockStillWork() throws Throwable {
    assertThat(FlowSnippet.trace(FLOW, "locked", 5)).containsExactly("in 0 true",
        "after 0 false", "in 1 true", "in 2 true", "after 2 false", "result none");
  }
}
