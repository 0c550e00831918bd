package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaits inside blocks, {@code if}, loops and labeled statements: each body is compiled with the
 * processor, run on a virtual-clock loop, and its trace compared with what Java does when the
 * same body runs synchronously (each await simply yielding its value).
 */
class ControlFlowTest {

  private static Compilation compile(String... body) {
    return FlowSnippet.compile(body);
  }

  private static List<String> trace(Compilation c, String method, Object... args)
      throws Throwable {
    return FlowSnippet.trace(c, method, args);
  }

  @Test
  void ifElseChainsAwaitInConditionsAndBranches() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> pick(List<String> log, int n) {",
        "    int total = 0;",
        "    if (await(check(n > 5))) {",
        "      int big = await(slow(100));",
        "      total += big;",
        "      log.add(\"big\");",
        "    } else if (n > 2) {",
        "      log.add(\"medium\");",
        "      total = await(now(10));",
        "    } else {",
        "      log.add(\"small\");",
        "    }",
        "    log.add(\"after if\");",
        "    return done(total + n);",
        "  }");
    assertThat(trace(c, "pick", 7)).containsExactly("big", "after if", "result 107");
    assertThat(trace(c, "pick", 3)).containsExactly("medium", "after if", "result 13");
    assertThat(trace(c, "pick", 1)).containsExactly("small", "after if", "result 1");
  }

  @Test
  void aSplitStatementThatEndsTheMethodLeavesNoEmptyStateBeforeTheDefaultThrow()
      throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> either(List<String> log, boolean big) {",
        "    if (big) {",
        "      int v = await(slow(100));",
        "      return done(v);",
        "    } else {",
        "      log.add(\"small\");",
        "      return done(1);",
        "    }",
        "  }",
        "",
        "  @Async static Coroutine<Integer> settled(List<String> log, int n) {",
        "    try {",
        "      int v = await(slow(n));",
        "      return done(v);",
        "    } finally {",
        "      log.add(\"finally\");",
        "    }",
        "  }",
        "",
        "  @Async static Coroutine<Integer> forever(List<String> log, int n) {",
        "    while (true) {",
        "      n = await(slow(n + 1));",
        "      if (n > 2) {",
        "        return done(n);",
        "      }",
        "    }",
        "  }");
    assertThat(trace(c, "either", true)).containsExactly("result 100");
    assertThat(trace(c, "either", false)).containsExactly("small", "result 1");
    assertThat(trace(c, "settled", 5)).containsExactly("finally", "result 5");
    assertThat(trace(c, "forever", 0)).containsExactly("result 3");
    String generated = Snippets.generatedSource(c, "demo.AsyncFlow");
    assertThat(generated).doesNotContainPattern("case \\d+: \\{ //[^\\n]*\\n\\s*}\\s*default:");
    assertThat(generated).doesNotContain("!(true)");
  }

  @Test
  void whileLoopsAwaitInBodyAndCondition() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> count(List<String> log, int n) {",
        "    int i = 0;",
        "    int sum = 0;",
        "    while (i < n) {",
        "      int v = await(slow(i));",
        "      sum += v;",
        "      i++;",
        "      if (i == 2) continue;",
        "      log.add(\"i=\" + i);",
        "    }",
        "    while (await(check(sum > 100))) {",
        "      sum -= 1;",
        "    }",
        "    return done(sum);",
        "  }");
    assertThat(trace(c, "count", 4)).containsExactly("i=1", "i=3", "i=4", "result 6");
  }

  @Test
  void doWhileRunsItsBodyFirst() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> atLeastOnce(List<String> log, int n) {",
        "    int rounds = 0;",
        "    do {",
        "      rounds = await(slow(rounds + 1));",
        "      log.add(\"round \" + rounds);",
        "    } while (rounds < n);",
        "    return done(rounds);",
        "  }");
    assertThat(trace(c, "atLeastOnce", 0)).containsExactly("round 1", "result 1");
    assertThat(trace(c, "atLeastOnce", 3))
        .containsExactly("round 1", "round 2", "round 3", "result 3");
  }

  @Test
  void classicForAwaitsInInitConditionUpdateAndBody() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> loop(List<String> log) {",
        "    StringBuilder seen = new StringBuilder();",
        "    for (int i = await(now(1)), j = 10; await(check(i < 4)); i = await(slow(i + 1))) {",
        "      seen.append(i).append(j--).append(' ');",
        "      await(sleep(0));",
        "    }",
        "    for (int k = 0; k < 2; k++) {",
        "      int same = await(now(k));",
        "      log.add(\"k\" + k + \" \" + same);",
        "    }",
        "    return done(seen.toString().trim());",
        "  }");
    assertThat(trace(c, "loop")).containsExactly("k0 0", "k1 1", "result 110 29 38");
  }

  @Test
  void labeledBreakAndContinueLeaveNestedLoopsAndBlocks() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> grid(List<String> log) {",
        "    int found = -1;",
        "    outer:",
        "    for (int r = 0; r < 4; r++) {",
        "      for (int col = 0; col < r; col++) {",
        "        if (col == 1 && r == 2) continue outer;",
        "        if (r * col == 3) { found = r * 10 + col; break outer; }",
        "      }",
        "      int row = await(now(r));",
        "      log.add(\"row \" + row);",
        "    }",
        "    block: {",
        "      await(sleep(1));",
        "      if (found > 0) break block;",
        "      log.add(\"not reached\");",
        "    }",
        "    inner: while (true) {",
        "      await(sleep(0));",
        "      while (true) { if (found > 0) break inner; }",
        "    }",
        "    return done(found);",
        "  }");
    // r=0 and r=1 finish the inner loop; r=2 continues outer at col 1; r=3 finds 3*1 == 3.
    assertThat(trace(c, "grid")).containsExactly("row 0", "row 1", "result 31");
  }

  @Test
  void siblingBlocksMayReuseNamesOnBothSidesOfAnAwait() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> shadow(List<String> log) {",
        "    int sum = 0;",
        "    {",
        "      int x = await(now(1));",
        "      await(sleep(1));",
        "      sum += x;",
        "    }",
        "    {",
        "      int x = 20;",
        "      await(sleep(1));",
        "      sum += x;",
        "    }",
        "    {",
        "      await(sleep(1));",
        "      int i = 300;",
        "      log.add(\"first i \" + i);",
        "    }",
        "    {",
        "      int i = 4000;",
        "      log.add(\"second i \" + i);",
        "      sum += i;",
        "      await(sleep(1));",
        "    }",
        "    return done(sum);",
        "  }");
    assertThat(trace(c, "shadow"))
        .containsExactly("first i 300", "second i 4000", "result 4021");
  }

  @Test
  void returnsFromAnyDepthFinishTheCoroutine() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> first(List<String> log, int limit) {",
        "    for (int i = 0; ; i++) {",
        "      int v = await(slow(i * i));",
        "      if (v > limit) {",
        "        log.add(\"found \" + i);",
        "        return done(v);",
        "      }",
        "      if (i > 100) return slow(-1);",
        "    }",
        "  }");
    assertThat(trace(c, "first", 10)).containsExactly("found 4", "result 16");
  }

  @Test
  void copiedStatementsThatCannotCompleteNormallyNeedNoJumpAfterThem() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> exits(List<String> log, int k) {",
        "    while (k < 100) {",
        "      await(sleep(0));",
        "      if (k == 1) {",
        "        return done(1);",
        "      } else if (k == 2) {",
        "        break;",
        "      }",
        "      switch (k) {",
        "        case 3: return done(3);",
        "        default: k += 10;",
        "      }",
        "      log.add(\"k \" + k);",
        "      while (ALWAYS) {",
        "        if (k > 40) return done(k);",
        "        break;",
        "      }",
        "    }",
        "    return done(-k);",
        "  }");
    assertThat(trace(c, "exits", 1)).containsExactly("result 1");
    assertThat(trace(c, "exits", 2)).containsExactly("result -2");
    assertThat(trace(c, "exits", 3)).containsExactly("result 3");
    assertThat(trace(c, "exits", 25)).containsExactly("k 35", "k 45", "result 45");
  }

  @Test
  void tenThousandIterationsOfSuspendingAndInlineAwaitsKeepTheStackFlat() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Long> many(List<String> log, int n) {",
        "    long sum = 0;",
        "    for (int i = 0; i < n; i++) {",
        "      int v = await(now(i));",
        "      sum += v;",
        "      if (i % 2 == 0) await(sleep(0));",
        "    }",
        "    return done(sum);",
        "  }");
    assertThat(trace(c, "many", 10_000)).containsExactly("result 49995000");
  }

  @Test
  void exceptionsThrownInsideLoopsAfterAResumeReachTheCaller() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> failing(List<String> log) {",
        "    for (int i = 0; i < 5; i++) {",
        "      int v = await(slow(i));",
        "      if (v == 2) throw new IllegalArgumentException(\"two\");",
        "      log.add(\"ok \" + v);",
        "    }",
        "    return done(0);",
        "  }");
    List<String> log = new ArrayList<>();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoopRun.staticCall(c, "demo.AsyncFlow", "failing", log))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two");
    assertThat(log).containsExactly("ok 0", "ok 1");
  }

  @Test
  void enhancedForOverIterablesAndArraysAwaitsInItsBody() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> each(List<String> log) {",
        "    int total = 0;",
        "    for (String word : List.of(\"a\", \"bb\", \"ccc\")) {",
        "      int len = await(slow(word.length()));",
        "      if (len == 2) continue;",
        "      log.add(word + len);",
        "      total += len;",
        "    }",
        "    int[] small = {1, 2, 3};",
        "    for (long wide : small) {",
        "      await(sleep(0));",
        "      total += (int) (wide * 10);",
        "    }",
        "    char[] letters = {'x', 'y'};",
        "    for (int code : letters) {",
        "      int same = await(now(code));",
        "      log.add(\"code \" + same);",
        "      if (code == 'x') break;",
        "    }",
        "    for (var text : await(strings())) {",
        "      await(sleep(0));",
        "      log.add(\"var \" + text.toUpperCase());",
        "    }",
        "    return done(total);",
        "  }",
        "  @Async static Coroutine<List<String>> strings() { return done(List.of(\"p\", \"q\")); }");
    assertThat(trace(c, "each")).containsExactly(
        "a1", "ccc3", "code 120", "var P", "var Q", "result 64");
  }

  @Test
  void enhancedForOverNullThrowsAsJavaDoes() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> none(List<String> log) {",
        "    List<String> missing = null;",
        "    for (String s : missing) {",
        "      await(sleep(0));",
        "    }",
        "    return done(0);",
        "  }");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> trace(c, "none"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void switchStatementsFallThroughBreakAndContinueAsJavaDoes() throws Throwable {
    Compilation c = compile(
        "  enum Dish { SOUP, BREAD, CAKE }",
        "  @SuppressWarnings(\"fallthrough\")",
        "  @Async static Coroutine<Integer> menu(List<String> log) {",
        "    int cost = 0;",
        "    for (int day = 0; day < 4; day++) {",
        "      switch (day) {",
        "        case 0:",
        "          await(sleep(1));",
        "          log.add(\"zero\");",
        "        case 1:",
        "          int extra = await(slow(10));",
        "          cost += extra;",
        "          log.add(\"one \" + cost);",
        "          break;",
        "        case 2:",
        "          if (cost > 15) continue;",
        "          log.add(\"two\");",
        "        default:",
        "          cost = await(now(cost + 1));",
        "          log.add(\"default \" + cost);",
        "      }",
        "      log.add(\"end of day \" + day);",
        "    }",
        "    for (Dish d : Dish.values()) {",
        "      switch (d) {",
        "        case SOUP -> {",
        "          int hot = await(slow(3));",
        "          cost += hot;",
        "        }",
        "        case BREAD -> log.add(\"bread\");",
        "        default -> {",
        "          await(sleep(0));",
        "          log.add(\"dessert \" + d);",
        "        }",
        "      }",
        "    }",
        "    String word = \"b\";",
        "    switch (word) {",
        "      case \"a\": log.add(\"a\"); break;",
        "      case \"b\":",
        "        await(sleep(0));",
        "        log.add(\"b\");",
        "    }",
        "    return done(cost);",
        "  }");
    assertThat(trace(c, "menu")).containsExactly(
        "zero", "one 10", "end of day 0",
        "one 20", "end of day 1",
        "default 21", "end of day 3",
        "bread", "dessert CAKE",
        "b", "result 24");
  }

  @Test
  void tryCatchAroundAwaitsCatchesWhatJavaWouldCatch() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> fail(int v) throws java.io.IOException {",
        "    await(sleep(1));",
        "    if (v == 1) throw new java.io.IOException(\"io \" + v);",
        "    if (v == 2) throw new IllegalArgumentException(\"arg \" + v);",
        "    if (v == 3) throw new IllegalStateException(\"state \" + v);",
        "    return done(v * 10);",
        "  }",
        "  @Async static Coroutine<Integer> handle(List<String> log, int v) {",
        "    int result = -1;",
        "    try {",
        "      log.add(\"try\");",
        "      try {",
        "        result = await(fail(v));",
        "        log.add(\"no exception\");",
        "      } catch (IllegalArgumentException | java.io.IOException e) {",
        "        int delay = await(slow(5));",
        "        log.add(\"inner caught \" + e.getMessage() + \" after \" + delay);",
        "        if (v == 1) throw new UnsupportedOperationException(\"from catch\");",
        "      }",
        "      log.add(\"after inner\");",
        "    } catch (IllegalStateException e) {",
        "      await(sleep(0));",
        "      log.add(\"outer caught \" + e.getMessage());",
        "    } catch (RuntimeException e) {",
        "      log.add(\"outer runtime \" + e.getMessage());",
        "    }",
        "    return done(result);",
        "  }");
    assertThat(trace(c, "handle", 0)).containsExactly(
        "try", "no exception", "after inner", "result 0");
    assertThat(trace(c, "handle", 1)).containsExactly(
        "try", "inner caught io 1 after 5", "outer runtime from catch", "result -1");
    assertThat(trace(c, "handle", 2)).containsExactly(
        "try", "inner caught arg 2 after 5", "after inner", "result -1");
    assertThat(trace(c, "handle", 3)).containsExactly(
        "try", "outer caught state 3", "result -1");
  }

  @Test
  void anExceptionNoCatchMatchesLeavesTheCoroutine() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> boom(List<String> log) {",
        "    try {",
        "      await(sleep(1));",
        "      throw new IllegalStateException(\"boom\");",
        "    } catch (IllegalArgumentException e) {",
        "      log.add(\"wrong handler\");",
        "    }",
        "    return done(0);",
        "  }");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> trace(c, "boom"))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void finallyBlocksRunOnEveryWayOutInJavasOrder() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> exits(List<String> log, int how) {",
        "    int n = 0;",
        "    outer:",
        "    for (int i = 0; i < 3; i++) {",
        "      try {",
        "        try {",
        "          await(sleep(1));",
        "          log.add(\"body \" + i);",
        "          if (how == 1 && i == 1) return done(100);",
        "          if (how == 2 && i == 0) continue;",
        "          if (how == 3 && i == 1) break outer;",
        "          if (how == 4) throw new IllegalStateException(\"thrown \" + i);",
        "          int one = await(now(1));",
        "          n += one;",
        "        } finally {",
        "          int f = await(slow(i));",
        "          log.add(\"inner finally \" + f);",
        "        }",
        "      } catch (IllegalStateException e) {",
        "        log.add(\"caught \" + e.getMessage());",
        "        if (i == 2) return done(-1);",
        "      } finally {",
        "        await(sleep(0));",
        "        log.add(\"outer finally \" + i);",
        "      }",
        "      log.add(\"end \" + i);",
        "    }",
        "    return done(n);",
        "  }");
    assertThat(trace(c, "exits", 0)).containsExactly(
        "body 0", "inner finally 0", "outer finally 0", "end 0",
        "body 1", "inner finally 1", "outer finally 1", "end 1",
        "body 2", "inner finally 2", "outer finally 2", "end 2", "result 3");
    assertThat(trace(c, "exits", 1)).containsExactly(
        "body 0", "inner finally 0", "outer finally 0", "end 0",
        "body 1", "inner finally 1", "outer finally 1", "result 100");
    assertThat(trace(c, "exits", 2)).containsExactly(
        "body 0", "inner finally 0", "outer finally 0",
        "body 1", "inner finally 1", "outer finally 1", "end 1",
        "body 2", "inner finally 2", "outer finally 2", "end 2", "result 2");
    assertThat(trace(c, "exits", 3)).containsExactly(
        "body 0", "inner finally 0", "outer finally 0", "end 0",
        "body 1", "inner finally 1", "outer finally 1", "result 1");
    assertThat(trace(c, "exits", 4)).containsExactly(
        "body 0", "inner finally 0", "caught thrown 0", "outer finally 0", "end 0",
        "body 1", "inner finally 1", "caught thrown 1", "outer finally 1", "end 1",
        "body 2", "inner finally 2", "caught thrown 2", "outer finally 2", "result -1");
  }

  @Test
  void anExceptionLeavesThroughFinallyAndAReturnInFinallyWins() throws Throwable {
    Compilation c = compile(
        "  @SuppressWarnings(\"finally\")",
        "  @Async static Coroutine<Integer> overrides(List<String> log, boolean swallow) {",
        "    try {",
        "      await(sleep(1));",
        "      throw new IllegalStateException(\"lost\");",
        "    } finally {",
        "      log.add(\"finally\");",
        "      if (swallow) return done(7);",
        "    }",
        "  }");
    assertThat(trace(c, "overrides", true)).containsExactly("finally", "result 7");
    List<String> log = new ArrayList<>();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoopRun.staticCall(c, "demo.AsyncFlow", "overrides", log, false))
        .isInstanceOf(IllegalStateException.class).hasMessage("lost");
    assertThat(log).containsExactly("finally");
  }

  @Test
  void tryWithResourcesClosesInReverseOrderAndRecordsSuppressedExceptions() throws Throwable {
    Compilation c = compile(
        "  static final class Res implements AutoCloseable {",
        "    final String name; final List<String> log; final boolean failClose;",
        "    Res(String name, List<String> log, boolean failClose) {",
        "      this.name = name; this.log = log; this.failClose = failClose;",
        "    }",
        "    @Override public void close() {",
        "      log.add(\"close \" + name);",
        "      if (failClose) throw new IllegalStateException(\"close \" + name);",
        "    }",
        "  }",
        "  @SuppressWarnings(\"try\")",
        "  @Async static Coroutine<Integer> use(List<String> log, int how) {",
        "    try (Res a = new Res(\"a\", log, how == 2); var b = new Res(\"b\", log, how >= 2)) {",
        "      await(sleep(1));",
        "      log.add(\"body\");",
        "      if (how >= 1) throw new IllegalArgumentException(\"body\");",
        "      int v = await(now(5));",
        "      return done(v);",
        "    } catch (RuntimeException e) {",
        "      log.add(\"caught \" + e.getMessage() + \" suppressed \" + e.getSuppressed().length);",
        "      for (Throwable s : e.getSuppressed()) log.add(\"  \" + s.getMessage());",
        "      return done(-1);",
        "    }",
        "  }",
        "  @Async static Coroutine<Res> open(String name, List<String> log) {",
        "    await(sleep(1));",
        "    log.add(\"open \" + name);",
        "    return done(new Res(name, log, false));",
        "  }",
        "  @SuppressWarnings(\"try\")",
        "  @Async static Coroutine<Integer> opened(List<String> log) {",
        "    try (Res a = await(open(\"a\", log)); Res b = await(open(\"b\", log))) {",
        "      log.add(\"body\");",
        "    }",
        "    return done(1);",
        "  }",
        "  @SuppressWarnings(\"try\")",
        "  @Async static Coroutine<Integer> closeFails(List<String> log) {",
        "    try (Res a = new Res(\"a\", log, true)) {",
        "      await(sleep(0));",
        "      log.add(\"body\");",
        "    }",
        "    return done(0);",
        "  }");
    assertThat(trace(c, "use", 0)).containsExactly("body", "close b", "close a", "result 5");
    assertThat(trace(c, "use", 1)).containsExactly(
        "body", "close b", "close a", "caught body suppressed 0", "result -1");
    assertThat(trace(c, "use", 2)).containsExactly(
        "body", "close b", "close a", "caught body suppressed 2", "  close b", "  close a",
        "result -1");
    List<String> log = new ArrayList<>();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoopRun.staticCall(c, "demo.AsyncFlow", "closeFails", log))
        .isInstanceOf(IllegalStateException.class).hasMessage("close a");
    assertThat(log).containsExactly("body", "close a");
    assertThat(trace(c, "opened"))
        .containsExactly("open a", "open b", "body", "close b", "close a", "result 1");
  }

  @Test
  void aResourceNamingALocalThatLivesAcrossAnAwaitIsClosed() throws Throwable {
    // Found by the differential fuzzer (seed 6009317): res4 lives across the await, so it is a
    // field of the machine, which Java's try (res4) does not accept; the try is split instead.
    Compilation c = compile(
        "  static final class Res implements AutoCloseable {",
        "    final String name; final List<String> log;",
        "    Res(String name, List<String> log) { this.name = name; this.log = log; }",
        "    void use() { log.add(\"use \" + name); }",
        "    @Override public void close() { log.add(\"close \" + name); }",
        "  }",
        "  @Async static Coroutine<Integer> named(List<String> log) {",
        "    Res res4 = new Res(\"r4\", log);",
        "    Res res5 = new Res(\"r5\", log);",
        "    await(now(1));",
        "    try (res4; res5) {",
        "      res4.use();",
        "      res5.use();",
        "    }",
        "    return done(2);",
        "  }");
    assertThat(trace(c, "named"))
        .containsExactly("use r4", "use r5", "close r5", "close r4", "result 2");
  }

  @Test
  void aPlainBreakInsideALabeledBlockLeavesTheLoop() throws Throwable {
    // Found by the differential fuzzer: the labeled block cannot complete normally, since its
    // break leaves the while loop, so nothing may be written after it in the same state.
    Compilation c = compile(
        "  @Async static Coroutine<Integer> once(List<String> log) {",
        "    int k = 0;",
        "    int b = 5;",
        "    while (k < 3) {",
        "      k++;",
        "      b = await(now(k));",
        "      inner: {",
        "        break;",
        "      }",
        "    }",
        "    return done(b);",
        "  }");
    assertThat(trace(c, "once")).containsExactly("result 1");
  }
}
