package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code await} inside expressions, in Java's evaluation order: each body traces its operands as
 * they are evaluated ({@code t(log, "a", 1)} logs "a" and yields 1; the awaited helpers log what
 * they run), and the trace must be the one Java gives when each await simply yields its value.
 */
class ExpressionAwaitTest {

  private static final String TRACERS = String.join("\n",
      "  static int counter;",
      "  static int[] slots = new int[4];",
      "  static <T> T t(List<String> log, String label, T value) {",
      "    log.add(label);",
      "    return value;",
      "  }",
      "  static int f(int a, int b, int c) { return a * 100 + b * 10 + c; }",
      "  @Async static Coroutine<Integer> traced(List<String> log, String label, int v) {",
      "    log.add(label);",
      "    await(sleep(1));",
      "    return done(v);",
      "  }",
      "  @Async static Coroutine<Integer> bump(int by) {",
      "    await(sleep(0));",
      "    counter += by;",
      "    return done(1);",
      "  }",
      "  @Async static Coroutine<Boolean> yes(List<String> log) {",
      "    log.add(\"asked\");",
      "    return done(true);",
      "  }",
      "  @Async static Coroutine<Integer> fails(List<String> log) {",
      "    log.add(\"failing\");",
      "    await(sleep(0));",
      "    throw new IllegalStateException(\"boom\");",
      "  }",
      "  static final class Box {",
      "    final List<String> log;",
      "    Box(List<String> log) { this.log = log; }",
      "    int m(int a, int b) { log.add(\"m\"); return a + b; }",
      "  }");

  private static Compilation compile(String... body) {
    List<String> all = new ArrayList<>(List.of(TRACERS));
    all.addAll(List.of(body));
    return FlowSnippet.compile(all.toArray(String[]::new));
  }

  @Test
  void argumentsReceiverAndOperandsAreEvaluatedLeftToRight() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> order(List<String> log) {",
        "    int a = f(t(log, \"a\", 1), await(traced(log, \"b\", 2)), t(log, \"c\", 3));",
        "    int b = t(log, \"d\", new Box(log)).m(t(log, \"e\", 4), await(traced(log, \"g\", 5)));",
        "    int s = t(log, \"h\", 1) + await(traced(log, \"i\", 2)) * t(log, \"j\", 3);",
        "    log.add(a + \" \" + b + \" \" + s);",
        "    return done(a + await(traced(log, \"k\", 1)));",
        "  }");
    assertThat(FlowSnippet.trace(c, "order")).containsExactly("a", "b", "c", "d", "e", "g",
        "m", "h", "i", "j", "123 9 7", "k", "result 124");
  }

  @Test
  void aNullLeftOperandIsUnboxedBeforeTheRightOperandRuns() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> none(List<String> log) {",
        "    log.add(\"none\");",
        "    await(sleep(0));",
        "    return done(null);",
        "  }",
        "  @Async static Coroutine<Character> noChar(List<String> log) {",
        "    log.add(\"no char\");",
        "    return done(null);",
        "  }",
        "  @Async static Coroutine<String> noText(List<String> log) {",
        "    log.add(\"no text\");",
        "    return done(null);",
        "  }",
        "  @Async static Coroutine<String> sums(List<String> log) {",
        "    try {",
        "      int s = await(none(log)) + await(traced(log, \"plus\", 1));",
        "    } catch (NullPointerException e) {",
        "      log.add(\"NPE +\");",
        "    }",
        "    try {",
        "      boolean b = await(none(log)) < await(traced(log, \"less\", 1));",
        "    } catch (NullPointerException e) {",
        "      log.add(\"NPE <\");",
        "    }",
        "    String t = await(noText(log)) + await(traced(log, \"concat\", 1));",
        "    String u = await(noChar(log)) + await(noText(log));",
        "    return done(t + \" \" + u);",
        "  }");
    assertThat(FlowSnippet.trace(c, "sums")).containsExactly("none", "NPE +", "none", "NPE <",
        "no text", "concat", "no char", "no text", "result null1 nullnull");
  }

  @Test
  void aClassQualifiedStaticFieldIsUpdatedByACompoundAssignmentThatAwaits() throws Throwable {
    Compilation c = compile(
        "  static int total = 5;",
        "  @Async static Coroutine<Integer> add(List<String> log) {",
        "    Flow.total += await(traced(log, \"three\", 3));",
        "    Flow.total *= t(log, \"two\", 2) + await(traced(log, \"zero\", 0));",
        "    return done(Flow.total);",
        "  }");
    assertThat(FlowSnippet.trace(c, "add")).containsExactly("three", "two", "zero",
        "result 16");
  }

  @Test
  void arrayInitializersHoldingAwaitsKeepJavasOrder() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> arrays(List<String> log) {",
        "    int c[] = {t(log, \"a\", 1), await(traced(log, \"b\", 2))};",
        "    int[][] d = {{t(log, \"c\", 3)}, {t(log, \"d\", 4), await(traced(log, \"e\", 5))}};",
        "    int[] e = new int[] {await(traced(log, \"f\", 6)), t(log, \"g\", 7)};",
        "    return done(Arrays.toString(c) + Arrays.deepToString(d) + Arrays.toString(e));",
        "  }");
    assertThat(FlowSnippet.trace(c, "arrays")).containsExactly("a", "b", "c", "d", "e", "f",
        "g", "result [1, 2][[3], [4, 5]][6, 7]");
  }

  @Test
  void anAwaitOfAnAwaitAsAStatementDropsItsValue() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> nested(List<String> log) {",
        "    await(traced(log, \"outer\", await(traced(log, \"inner\", 2))));",
        "    return done(log.size());",
        "  }");
    assertThat(FlowSnippet.trace(c, "nested")).containsExactly("inner", "outer", "result 2");
  }

  @Test
  void aHeldGenericCallOrDiamondIsTypedByTheParameterItIsPassedTo() throws Throwable {
    Compilation c = compile(
        "  static String join(List<String> parts, int last) { return parts + \" \" + last; }",
        "  static final class Tally {",
        "    final String shown;",
        "    Tally(java.util.Map<String, Integer> counts, int n) {",
        "      counts.put(\"n\", n);",
        "      shown = counts.toString();",
        "    }",
        "  }",
        "  @Async static Coroutine<String> typed(List<String> log) {",
        "    String a = join(java.util.Collections.emptyList(), await(traced(log, \"x\", 1)));",
        "    Tally b = new Tally(new java.util.HashMap<>(), await(traced(log, \"y\", 2)));",
        "    String c = join(t(log, \"z\", List.of(\"q\")), await(traced(log, \"w\", 3)));",
        "    return done(a + \"|\" + b.shown + \"|\" + c);",
        "  }");
    assertThat(FlowSnippet.trace(c, "typed")).containsExactly("x", "y", "z", "w",
        "result [] 1|{n=2}|[q] 3");
  }

  @Test
  void shortCircuitAndConditionalOperatorsEvaluateOnlyTheSideJavaWould() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> sides(List<String> log, boolean p) {",
        "    boolean and = t(log, \"p\", p) && await(yes(log));",
        "    boolean or = t(log, \"q\", p) || await(yes(log));",
        "    String pick = t(log, \"r\", p) ? await(traced(log, \"then\", 1)) + \"!\"",
        "        : t(log, \"else\", \"no\");",
        "    long widened = p ? await(traced(log, \"int side\", 7)) : 8L;",
        "    return done(and + \" \" + or + \" \" + pick + \" \" + widened);",
        "  }");
    assertThat(FlowSnippet.trace(c, "sides", true)).containsExactly("p", "asked", "q", "r",
        "then", "int side", "result true true 1! 7");
    assertThat(FlowSnippet.trace(c, "sides", false)).containsExactly("p", "q", "asked", "r",
        "else", "result false true no 8");
  }

  @Test
  void compoundAssignmentReadsItsTargetBeforeTheAwait() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> compound(List<String> log) {",
        "    counter = 0;",
        "    counter += await(bump(100));",
        "    int before = counter;",
        "    counter = 0;",
        "    int sum = counter + await(bump(50));",
        "    byte small = 120;",
        "    small += await(traced(log, \"add\", 10));",
        "    String text = \"a\";",
        "    text += await(traced(log, \"more\", 2)) + \"c\";",
        "    return done(before + \" \" + sum + \" \" + counter + \" \" + small + \" \" + text);",
        "  }");
    // Java: counter is read (0) before bump adds 100, so += stores 0 + 1; byte wraps.
    assertThat(FlowSnippet.trace(c, "compound"))
        .containsExactly("add", "more", "result 1 1 50 -126 a2c");
  }

  @Test
  void arrayStoresIncrementsNestedAwaitsAndConditions() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> mixed(List<String> log) {",
        "    slots = new int[4];",
        "    slots[t(log, \"index\", 1)] = await(traced(log, \"value\", 9));",
        "    int i = 1;",
        "    int pair = i++ * 10 + await(traced(log, \"after i++ \" + i, i));",
        "    int nested = await(traced(log, \"outer\", await(traced(log, \"inner\", 3)) + 1));",
        "    int rounds = 0;",
        "    while (await(traced(log, \"test\", rounds)) + 1 < 3) {",
        "      rounds++;",
        "    }",
        "    if (await(traced(log, \"if\", 1)) == 1 && slots[1] == 9) {",
        "      log.add(\"taken\");",
        "    }",
        "    return done(slots[1] + \" \" + pair + \" \" + nested + \" \" + rounds);",
        "  }");
    assertThat(FlowSnippet.trace(c, "mixed")).containsExactly("index", "value", "after i++ 2",
        "inner", "outer", "test", "test", "test", "if", "taken", "result 9 12 4 2");
  }

  @Test
  void anExceptionFromAnAwaitStopsTheRestOfTheExpression() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> stops(List<String> log) {",
        "    try {",
        "      log.add(\"never \" + f(t(log, \"a\", 1), await(fails(log)), t(log, \"c\", 3)));",
        "    } catch (IllegalStateException e) {",
        "      return done(\"caught \" + e.getMessage());",
        "    }",
        "    return done(\"no exception\");",
        "  }");
    assertThat(FlowSnippet.trace(c, "stops"))
        .containsExactly("a", "failing", "result caught boom");
  }

  @Test
  void temporariesOfWildcardIntersectionAnonymousAndGenericTypesAreTypedByJavac()
      throws Throwable {
    Compilation c = compile(
        "  static <T> T first(List<T> list) { return list.get(0); }",
        "  static String join(Object a, int b, Object c) { return a + \"/\" + b + \"/\" + c; }",
        "  @Async static Coroutine<String> types(List<String> log, boolean flag) {",
        "    List<? extends Number> numbers = List.of(1, 2.5);",
        "    String wild = join(numbers.get(1), await(traced(log, \"w\", 7)), numbers.get(0));",
        "    var anon = new Object() { int twice(int v) { return 2 * v; } };",
        "    int doubled = anon.twice(await(traced(log, \"a\", 4)));",
        "    var mixed = flag ? Integer.valueOf(1) : \"one\";",
        "    String both = join(mixed, await(traced(log, \"m\", 2)), mixed.hashCode() > 0);",
        "    String generic = join(first(List.of(\"g\")), await(traced(log, \"g\", 5)), 0);",
        "    return done(wild + \" \" + doubled + \" \" + both + \" \" + generic);",
        "  }");
    assertThat(FlowSnippet.trace(c, "types", true)).containsExactly("w", "a", "m", "g",
        "result 2.5/7/1 8 1/2/true g/5/0");
  }
}
