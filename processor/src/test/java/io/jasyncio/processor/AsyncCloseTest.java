package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Try-with-resources over {@code AsyncCloseable} resources in {@code @Async} bodies (Python's
 * {@code async with}): each close is awaited, in reverse order, with Java's suppressed
 * exceptions; traced on a virtual-clock loop.
 */
class AsyncCloseTest {

  private static final String RESOURCE = String.join("\n",
      "  static final class Res implements AsyncCloseable {",
      "    final String name;",
      "    final List<String> log;",
      "    final boolean failing;",
      "    Res(String name, List<String> log, boolean failing) {",
      "      this.name = name;",
      "      this.log = log;",
      "      this.failing = failing;",
      "      log.add(\"open \" + name);",
      "    }",
      "    @Override public Coroutine<Void> aclose() { return AsyncFlow.shut(this); }",
      "  }",
      "  @Async static Coroutine<Void> shut(Res r) {",
      "    await(sleep(1));",
      "    r.log.add(\"closed \" + r.name + \" at \" + getRunningLoop().time());",
      "    if (r.failing) throw new IllegalStateException(\"close \" + r.name);",
      "    return done();",
      "  }",
      "  static final class Plain implements AutoCloseable {",
      "    final List<String> log;",
      "    Plain(List<String> log) { this.log = log; }",
      "    @Override public void close() { log.add(\"plain closed\"); }",
      "  }");

  private static Compilation compile(String... body) {
    List<String> all = new ArrayList<>(List.of(RESOURCE));
    all.addAll(List.of(body));
    return FlowSnippet.compile(all.toArray(String[]::new));
  }

  @Test
  void closesAreAwaitedInReverseOrderEvenWhenTheBlockAwaitsNothing() throws Throwable {
    Compilation c = compile(
        "  @SuppressWarnings(\"try\")",
        "  @Async static Coroutine<Integer> use(List<String> log) {",
        "    try (Res a = new Res(\"a\", log, false); Plain p = new Plain(log);",
        "        var b = new Res(\"b\", log, false)) {",
        "      log.add(\"body\");",
        "    }",
        "    log.add(\"after at \" + getRunningLoop().time());",
        "    return done(1);",
        "  }");
    assertThat(FlowSnippet.trace(c, "use")).containsExactly("open a", "open b", "body",
        "closed b at 1.0", "plain closed", "closed a at 2.0", "after at 2.0", "result 1");
  }

  @Test
  void aFailedCloseIsSuppressedIntoTheBodysExceptionOrThrownItself() throws Throwable {
    Compilation c = compile(
        "  @SuppressWarnings(\"try\")",
        "  @Async static Coroutine<String> fail(List<String> log, boolean bodyThrows) {",
        "    try {",
        "      try (Res a = new Res(\"a\", log, true)) {",
        "        await(sleep(5));",
        "        if (bodyThrows) throw new IllegalArgumentException(\"body\");",
        "      }",
        "    } catch (RuntimeException e) {",
        "      for (Throwable s : e.getSuppressed()) log.add(\"suppressed \" + s.getMessage());",
        "      return done(e.getMessage());",
        "    }",
        "    return done(\"no exception\");",
        "  }");
    assertThat(FlowSnippet.trace(c, "fail", true)).containsExactly("open a",
        "closed a at 6.0", "suppressed close a", "result body");
    assertThat(FlowSnippet.trace(c, "fail", false)).containsExactly("open a",
        "closed a at 6.0", "result close a");
  }

  @Test
  void aNullResourceIsNotClosedAndAReturnWaitsForTheClose() throws Throwable {
    Compilation c = compile(
        "  @SuppressWarnings(\"try\")",
        "  @Async static Coroutine<String> early(List<String> log) {",
        "    try (Res none = null; Res a = new Res(\"a\", log, false)) {",
        "      return done(\"from body\");",
        "    } finally {",
        "      log.add(\"finally at \" + getRunningLoop().time());",
        "    }",
        "  }");
    assertThat(FlowSnippet.trace(c, "early")).containsExactly("open a", "closed a at 1.0",
        "finally at 1.0", "result from body");
  }

  @Test
  void taskGroupAndTimeoutScopesBehaveAsPythonsAsyncWith() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> child(List<String> log, String name, double t,",
        "      boolean fail) {",
        "    try {",
        "      await(sleep(t));",
        "    } catch (CancelledException e) {",
        "      log.add(name + \" cancelled at \" + getRunningLoop().time());",
        "      throw e;",
        "    }",
        "    if (fail) throw new IllegalStateException(name + \" failed\");",
        "    log.add(name + \" done at \" + getRunningLoop().time());",
        "    return done(1);",
        "  }",
        "  @Async static Coroutine<String> group(List<String> log, boolean fail) {",
        "    try {",
        "      try (TaskGroup tg = new TaskGroup()) {",
        "        tg.createTask(child(log, \"a\", 1, fail));",
        "        tg.createTask(child(log, \"b\", 3, false));",
        "      }",
        "    } catch (ExceptionGroup g) {",
        "      return done(\"group: \" + g.exceptions().get(0).getMessage());",
        "    }",
        "    return done(\"all done at \" + getRunningLoop().time());",
        "  }",
        "  @SuppressWarnings(\"try\") // the scope is held, not named, as Python's async with",
        "  @Async static Coroutine<String> limited(List<String> log, double limit) {",
        "    try {",
        "      try (var scope = timeout(java.time.Duration.ofMillis((long) (limit * 1000)))) {",
        "        await(sleep(2));",
        "        log.add(\"slept\");",
        "      }",
        "    } catch (java.util.concurrent.TimeoutException e) {",
        "      return done(\"timed out at \" + getRunningLoop().time());",
        "    }",
        "    return done(\"in time\");",
        "  }");
    assertThat(FlowSnippet.trace(c, "group", false))
        .containsExactly("a done at 1.0", "b done at 3.0", "result all done at 3.0");
    assertThat(FlowSnippet.trace(c, "group", true))
        .containsExactly("b cancelled at 1.0", "result group: a failed");
    assertThat(FlowSnippet.trace(c, "limited", 5.0)).containsExactly("slept", "result in time");
    assertThat(FlowSnippet.trace(c, "limited", 0.5)).containsExactly("result timed out at 0.5");
  }

  @Test
  void aHeldLockIsReleasedWhenItsBlockEndsSoTheNextTaskGetsIt() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Void> worker(List<String> log, Lock lock, String name) {",
        "    try (var held = await(lock.hold())) {",
        "      log.add(name + \" in at \" + getRunningLoop().time());",
        "      await(sleep(1));",
        "      log.add(name + \" out, held \" + held.isHeld());",
        "    }",
        "    return done();",
        "  }",
        "  @Async static Coroutine<Boolean> both(List<String> log) {",
        "    Lock lock = new Lock();",
        "    await(gather(worker(log, lock, \"a\"), worker(log, lock, \"b\")));",
        "    return done(lock.locked());",
        "  }");
    assertThat(FlowSnippet.trace(c, "both")).containsExactly("a in at 0.0", "a out, held true",
        "b in at 1.0", "b out, held true", "result false");
  }
}
