package io.jasyncio.processor.fuzz;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.processor.Snippets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bodies the differential fuzzer ({@link DifferentialFuzzTest}) found where the {@code @Async}
 * version does not do what the same body does as plain Java, shrunk by hand a little further.
 * Each test expects what the plain-Java twin logs and returns.
 *
 * <p>All are fixed, and the fuzzer generates their shapes again. A new bug found this way gets a
 * disabled test here, and {@link BodyGenerator} can avoid its shape meanwhile
 * ({@code -Djasyncio.fuzz.knownBugs} lists the shapes it may generate; by default, all).
 */
class KnownBugsTest {

  private static final String HELPERS = String.join("\n",
      "  @Async static Coroutine<Integer> now(int v) { return done(v); }",
      "  @Async static Coroutine<Boolean> check(boolean b) { await(sleep(0)); return done(b); }");

  private static Compilation compile(String... body) {
    String source = String.join("\n",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Found {",
        HELPERS,
        String.join("\n", body),
        "}");
    Compilation c = Snippets.compile(Snippets.source("demo.Found", source));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  /** What {@code AsyncFound.method(log)} logs, then {@code "result R"}. */
  private static List<String> trace(Compilation c, String method) throws Throwable {
    List<String> log = new ArrayList<>();
    Method m = Differential.load(c).loadClass("demo.AsyncFound")
        .getDeclaredMethod(method, List.class);
    m.setAccessible(true);
    Coroutine<?> coroutine;
    try {
      coroutine = (Coroutine<?>) m.invoke(null, log);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      log.add("result " + loop.runUntilComplete(coroutine));
    } finally {
      loop.close();
    }
    return log;
  }

  // knownBugs=multiDeclarator (seed 969 of the run from seed 777)
  @Test
  void writesToOneOfSeveralLocalsDeclaredTogetherSurviveAnAwait() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> partlyLive(List<String> log) {",
        "    int a = 4, b = 3, c = 1;",
        "    b = 4;",
        "    {",
        "      await(sleep(0));",
        "      log.add(\"b=\" + b);",
        "    }",
        "    return done(a);",
        "  }");
    assertThat(trace(c, "partlyLive")).containsExactly("b=4", "result 4");
  }

  // knownBugs=multiDeclarator: the same copy, where the machine needs no dispatch loop
  @Test
  void severalLocalsDeclaredTogetherAndPartlyLiveAcrossAnAwaitCompile() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> partlyLive(List<String> log) {",
        "    int a = 4, b = 3, c = 1;",
        "    b = 4;",
        "    await(sleep(0));",
        "    log.add(\"b=\" + b);",
        "    return done(a);",
        "  }");
    assertThat(trace(c, "partlyLive")).containsExactly("b=4", "result 4");
  }

  // knownBugs=redeclaredAfterAwait (seed 20251547)
  @Test
  void siblingBlocksMayReuseTheNameOfALocalInitializedByAnAwait() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> siblings(List<String> log) {",
        "    {",
        "      int y = await(now(1));",
        "      log.add(\"first y=\" + y);",
        "    }",
        "    {",
        "      int y = 2;",
        "      log.add(\"second y=\" + y);",
        "    }",
        "    return done(0);",
        "  }");
    assertThat(trace(c, "siblings")).containsExactly("first y=1", "second y=2", "result 0");
  }

  // knownBugs=redeclaredAfterAwait (seed 1000403 of the run from seed 1000000)
  @Test
  void aLocalDeclaredAfterAnAwaitStaysInsideItsBlock() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> tally(List<String> log) {",
        "    {",
        "      int first = await(now(1));",
        "      int count = first + 1;",
        "      log.add(\"block count=\" + count);",
        "    }",
        "    switch (log.size()) {",
        "      case 1: {",
        "        int count = 10;",
        "        log.add(\"case count=\" + count);",
        "        break;",
        "      }",
        "      default:",
        "        log.add(\"default\");",
        "    }",
        "    return done(log.size());",
        "  }");
    assertThat(trace(c, "tally")).containsExactly("block count=2", "case count=10", "result 2");
  }

  // knownBugs=breakInLabeled (seed 1001765 of the run from seed 1000000)
  @Test
  void aPlainBreakInsideALabeledBlockLeavesTheSplitLoop() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> firstRound(List<String> log) {",
        "    int rounds = 0;",
        "    while (await(check(rounds < 3))) {",
        "      rounds++;",
        "      found: {",
        "        log.add(\"round \" + rounds);",
        "        break;",
        "      }",
        "    }",
        "    return done(rounds);",
        "  }");
    assertThat(trace(c, "firstRound")).containsExactly("round 1", "result 1");
  }

  // knownBugs=dispatchLabel (seeds 20250611, 20250631, 20250642 and many more)
  @Test
  void aLoopLabeledDispatchCanBeCopiedIntoASplitLoop() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> search(List<String> log) {",
        "    int found = -1;",
        "    for (int round = 0; round < 2; round++) {",
        "      await(sleep(0));",
        "      dispatch:",
        "      for (int i = 0; i < 3; i++) {",
        "        if (i == round + 1) {",
        "          found = i;",
        "          break dispatch;",
        "        }",
        "      }",
        "      log.add(\"round \" + round + \" found \" + found);",
        "    }",
        "    return done(found);",
        "  }");
    assertThat(trace(c, "search"))
        .containsExactly("round 0 found 1", "round 1 found 2", "result 2");
  }
}
