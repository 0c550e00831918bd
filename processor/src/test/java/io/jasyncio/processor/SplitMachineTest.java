package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.Generator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A machine whose states pass the split threshold runs its states in several methods, one range
 * each, and behaves as one {@code resume()} would: jumps and fall-through between ranges, a
 * loop whose body spans ranges, try/catch/finally around awaits in several ranges, generators,
 * the fast path of an awaitable already done, and async stack traces of a failure in a late
 * range. The threshold is lowered for the test ({@code -Ajasyncio.splitLines=40}) so methods of
 * a few dozen awaits are split; the real-size case (1,000 awaits) is {@code ManyAwaitsSourceTest}
 * in the benchmarks.
 */
class SplitMachineTest {
  private static final List<String> SPLIT = List.of("-A" + AsyncProcessor.SPLIT_LINES + "=40");

  private static final String[] BODY = body();
  private static Compilation split;

  /** The members of demo.Flow: each method has some 30 awaits, on lines of its own. */
  private static String[] body() {
    List<String> out = new ArrayList<>();
    out.add("  @Async static Coroutine<Integer> sum(List<String> log, int n) {");
    out.add("    int total = 0;");
    for (int i = 1; i <= 15; i++) {
      out.add("    total += await(slow(" + i + "));");
      out.add("    int x" + i + " = await(now(" + i + "));");
      out.add("    total += x" + i + ";");
    }
    out.add("    return done(total);");
    out.add("  }");

    out.add("  @Async static Coroutine<Integer> fastSum(List<String> log) {");
    out.add("    int total = 0;");
    for (int i = 1; i <= 30; i++) {
      out.add("    total += await(now(" + i + "));");
    }
    out.add("    return done(total);");
    out.add("  }");

    out.add("  @Async static Coroutine<Integer> loop(List<String> log, int turns) {");
    out.add("    int total = 0;");
    out.add("    for (int t = 0; t < turns; t++) {");
    out.add("      log.add(\"turn \" + t);");
    for (int i = 1; i <= 12; i++) {
      out.add("      total += await(slow(" + i + "));");
      out.add("      if (total > 1000) {");
      out.add("        break;");
      out.add("      }");
    }
    out.add("    }");
    out.add("    return done(total);");
    out.add("  }");

    out.add("  @Async static Coroutine<Integer> guarded(List<String> log, int failAt) {");
    out.add("    int total = 0;");
    out.add("    try {");
    for (int i = 1; i <= 14; i++) {
      out.add("      total += await(slow(" + i + "));");
      out.add("      if (failAt == " + i + ") {");
      out.add("        throw new IllegalStateException(\"at " + i + "\");");
      out.add("      }");
    }
    out.add("      if (failAt < 0) {");
    out.add("        return done(-total);");
    out.add("      }");
    out.add("      log.add(\"try done\");");
    out.add("    } catch (IllegalStateException e) {");
    out.add("      log.add(\"caught \" + e.getMessage());");
    out.add("      total += await(slow(100));");
    out.add("    } finally {");
    out.add("      log.add(\"finally\");");
    out.add("      total += await(now(1000));");
    out.add("      log.add(\"finally done\");");
    out.add("    }");
    out.add("    return done(total);");
    out.add("  }");

    out.add("  @Async static Generator<Integer> counting(int turns) {");
    out.add("    for (int t = 0; t < turns; t++) {");
    for (int i = 1; i <= 15; i++) {
      out.add("      Generator.yield(t * 100 + " + i + ");");
    }
    out.add("    }");
    out.add("    return null;");
    out.add("  }");

    out.add("  @Async static AsyncGenerator<Integer> pages(int turns) {");
    out.add("    for (int t = 0; t < turns; t++) {");
    for (int i = 1; i <= 10; i++) {
      out.add("      int p" + i + " = await(slow(t * 100 + " + i + "));");
      out.add("      Generator.yield(p" + i + ");");
    }
    out.add("    }");
    out.add("    return null;");
    out.add("  }");
    out.add("  @Async static Coroutine<Integer> readPages(List<String> log, int turns) {");
    out.add("    int total = 0;");
    out.add("    for (Integer p : aiter(AsyncFlow.pages(turns))) {");
    out.add("      total += p;");
    out.add("    }");
    out.add("    return done(total);");
    out.add("  }");

    out.add("  @Async static <T> Coroutine<List<T>> repeat(List<String> log, T value) {");
    out.add("    List<T> out = new ArrayList<>();");
    for (int i = 1; i <= 30; i++) {
      out.add("    out.add(await(now(" + i + ")) > 0 ? value : null);");
    }
    out.add("    return done(out);");
    out.add("  }");

    out.add("  static int fail(String why) {");
    out.add("    throw new IllegalStateException(why);");
    out.add("  }");
    out.add("  @Async static Coroutine<Integer> late(List<String> log) {");
    out.add("    int total = 0;");
    for (int i = 1; i <= 30; i++) {
      out.add("    total += await(slow(" + i + "));");
    }
    out.add("    total += fail(\"late\"); // late failure");
    out.add("    return done(total);");
    out.add("  }");
    return out.toArray(String[]::new);
  }

  @BeforeAll
  static void compile() {
    split = FlowSnippet.compile(SPLIT, BODY);
  }

  @Test
  void aSplitMachineRunsItsStatesInSeveralMethodsWithTheSameResult() throws Throwable {
    assertThat(rangeMethods(split, "SumMachine")).hasSizeGreaterThan(2);
    LoopRun run = LoopRun.staticCall(split, "demo.AsyncFlow", "sum", new ArrayList<>(), 3);

    assertThat(run.result()).isEqualTo(2 * (15 * 16 / 2));
    assertThat(run.time()).isEqualTo(15.0); // one tick per slow(i), none for now(i)
  }

  @Test
  void belowTheThresholdTheMachineKeepsItsOneResume() throws Throwable {
    Compilation whole = FlowSnippet.compile(BODY);

    assertThat(rangeMethods(whole, "SumMachine")).isEmpty();
    assertThat(LoopRun.staticCall(whole, "demo.AsyncFlow", "sum", new ArrayList<>(), 3).result())
        .isEqualTo(2 * (15 * 16 / 2));
  }

  @Test
  void awaitablesAlreadyDoneRunAcrossRangesWithoutSuspending() throws Throwable {
    assertThat(rangeMethods(split, "FastSumMachine")).hasSizeGreaterThan(2);
    LoopRun run = LoopRun.staticCall(split, "demo.AsyncFlow", "fastSum", new ArrayList<>());

    assertThat(run.result()).isEqualTo(30 * 31 / 2);
    assertThat(run.time()).isEqualTo(0.0);
  }

  @Test
  void aLoopWhoseBodySpansRangesTurnsAndBreaks() throws Throwable {
    assertThat(rangeMethods(split, "LoopMachine")).hasSizeGreaterThan(2);

    assertThat(FlowSnippet.trace(split, "loop", 3))
        .containsExactly("turn 0", "turn 1", "turn 2", "result " + 3 * 78);
    // 78 a turn: the 13th turn passes 1,000 at its 11th await and breaks out.
    assertThat(FlowSnippet.trace(split, "loop", 20)).last().isEqualTo("result " + (12 * 78 + 66));
  }

  @Test
  void anExceptionInALateRangeIsCaughtByItsTryAndTheFinallyRuns() throws Throwable {
    assertThat(rangeMethods(split, "GuardedMachine")).hasSizeGreaterThan(2);

    assertThat(FlowSnippet.trace(split, "guarded", 0))
        .containsExactly("try done", "finally", "finally done", "result " + (105 + 1000));
    assertThat(FlowSnippet.trace(split, "guarded", 13)).containsExactly(
        "caught at 13", "finally", "finally done", "result " + (91 + 100 + 1000));
    assertThat(FlowSnippet.trace(split, "guarded", 1)).containsExactly(
        "caught at 1", "finally", "finally done", "result " + (1 + 100 + 1000));
  }

  @Test
  void aReturnLateInTheTryRunsTheFinallyFirst() throws Throwable {
    assertThat(FlowSnippet.trace(split, "guarded", -1))
        .containsExactly("finally", "finally done", "result -105");
  }

  @SuppressWarnings("unchecked")
  @Test
  void aGeneratorSplitIntoRangesYieldsEveryValueInOrder() throws Throwable {
    assertThat(rangeMethods(split, "CountingMachine")).hasSizeGreaterThan(1);
    Generator<Integer> g = (Generator<Integer>) Snippets.callStatic(Snippets.load(split),
        "demo.AsyncFlow", "counting", 2);
    List<Integer> values = new ArrayList<>();
    g.forEachRemaining(values::add);

    List<Integer> expected = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      for (int i = 1; i <= 15; i++) {
        expected.add(t * 100 + i);
      }
    }
    assertThat(values).isEqualTo(expected);
  }

  @Test
  void anAsyncGeneratorSplitIntoRangesAwaitsAndYieldsEveryValue() throws Throwable {
    assertThat(rangeMethods(split, "PagesMachine")).hasSizeGreaterThan(1);
    LoopRun run = LoopRun.staticCall(split, "demo.AsyncFlow", "readPages", new ArrayList<>(), 2);

    assertThat(run.result()).isEqualTo(2 * 55 + 100 * 10);
    assertThat(run.time()).isEqualTo(20.0);
  }

  /** The range methods are instance methods of the machine, in the scope of its type variables. */
  @Test
  void aGenericMethodsRangesUseItsTypeVariable() throws Throwable {
    assertThat(rangeMethods(split, "RepeatMachine")).hasSizeGreaterThan(2);

    assertThat(LoopRun.staticCall(split, "demo.AsyncFlow", "repeat", new ArrayList<>(), "x")
        .result()).isEqualTo(java.util.Collections.nCopies(30, "x"));
  }

  @Test
  void aFailureInALateRangeShowsItsTemplateLineAndNoMachineFrame() throws Throwable {
    assertThat(rangeMethods(split, "LateMachine")).hasSizeGreaterThan(2);
    Throwable thrown = null;
    try {
      LoopRun.staticCall(split, "demo.AsyncFlow", "late", new ArrayList<>());
    } catch (IllegalStateException e) {
      thrown = e;
    }
    assertThat(thrown).hasMessage("late");

    StringWriter printed = new StringWriter();
    thrown.printStackTrace(new PrintWriter(printed));
    List<String> trace = Arrays.asList(printed.toString().split("\\R"));
    int line = FlowSnippet.lineOf(BODY, Arrays.asList(BODY).indexOf(
        "    total += fail(\"late\"); // late failure"));
    assertThat(trace.get(2)).isEqualTo("\tat demo.Flow.late(Flow.java:" + line + ")");
    assertThat(trace).filteredOn(f -> f.contains("demo."))
        .containsExactly(trace.get(1), trace.get(2));
    assertThat(printed.toString()).doesNotContain("AsyncFlow", "resumeStates");
  }

  /** The methods of machine {@code machine} of demo.AsyncFlow that run a range of its states. */
  private static List<String> rangeMethods(Compilation c, String machine) throws Exception {
    Class<?> type = Snippets.load(c).loadClass("demo.AsyncFlow$" + machine);
    List<String> out = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().startsWith("resumeStates")) {
        out.add(m.getName());
      }
    }
    return out;
  }
}
