package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Locals of every kind that live across an await are hoisted and keep their values. */
class LocalsAcrossAwaitTest {

  private static final Probe LOCALS = Probe.compile("Locals",
      "public class Locals {",
      "  @Async static Coroutine<Byte> b() { await(sleep(0)); return done((byte) -7); }",
      "  @Async static Coroutine<Short> s() { await(sleep(0)); return done((short) 300); }",
      "  @Async static Coroutine<Character> c() { await(sleep(0)); return done('x'); }",
      "  @Async static Coroutine<Integer> i() { await(sleep(0)); return done(70000); }",
      "  @Async static Coroutine<Long> l() { await(sleep(0)); return done(5_000_000_000L); }",
      "  @Async static Coroutine<Float> f() { await(sleep(0)); return done(1.5f); }",
      "  @Async static Coroutine<Double> d() { await(sleep(0)); return done(2.25); }",
      "  @Async static Coroutine<Boolean> z() { await(sleep(0)); return done(true); }",
      "  @Async static Coroutine<String> awaitedPrimitives() {",
      "    byte vb = await(b());",
      "    short vs = await(s());",
      "    short fromByte = await(b());",
      "    char vc = await(c());",
      "    int vi = await(i());",
      "    int fromChar = await(c());",
      "    int fromShort = await(s());",
      "    long vl = await(l());",
      "    long fromInt = await(i());",
      "    long fromChar2 = await(c());",
      "    float vf = await(f());",
      "    float fromLong = await(l());",
      "    double vd = await(d());",
      "    double fromFloat = await(f());",
      "    double fromInt2 = await(i());",
      "    boolean vz = await(z());",
      "    await(sleep(1));",
      "    return done(vb + \" \" + vs + \" \" + fromByte + \" \" + vc + \" \" + vi + \" \"",
      "        + fromChar + \" \" + fromShort + \" \" + vl + \" \" + fromInt + \" \" + fromChar2",
      "        + \" \" + vf + \" \" + fromLong + \" \" + vd + \" \" + fromFloat + \" \" + fromInt2",
      "        + \" \" + vz);",
      "  }",
      "  @Async static Coroutine<String> plainPrimitives() {",
      "    byte vb = 1; short vs = 2; char vc = 'c'; int vi = 4;",
      "    long vl = 5L; float vf = 6.5f; double vd = 7.25; boolean vz = false;",
      "    await(sleep(1));",
      "    vb++; vs += 10; vc++; vi *= 3; vl <<= 2; vf /= 2; vd -= 0.25; vz = !vz;",
      "    await(sleep(1));",
      "    return done(vb + \" \" + vs + \" \" + vc + \" \" + vi + \" \" + vl + \" \" + vf + \" \"",
      "        + vd + \" \" + vz);",
      "  }",
      "  @Async static Coroutine<String> arrays() {",
      "    int[] a = {1, 2};",
      "    int m[] = {3};",
      "    String[][] grid = {{\"p\"}, {\"q\", \"r\"}};",
      "    long[] zeros = new long[2];",
      "    await(sleep(1));",
      "    a[0] += 10;",
      "    grid[1][1] = \"R\";",
      "    zeros[1] = 9;",
      "    await(sleep(1));",
      "    return done(Arrays.toString(a) + Arrays.toString(m) + Arrays.deepToString(grid)",
      "        + Arrays.toString(zeros));",
      "  }",
      "  @Async static Coroutine<String> varGenerics() {",
      "    var m = new HashMap<String, List<Integer>>();",
      "    var entries = new ArrayList<Map.Entry<String, Integer>>();",
      "    await(sleep(1));",
      "    m.computeIfAbsent(\"k\", k -> new ArrayList<>()).add(1);",
      "    entries.add(Map.entry(\"e\", 2));",
      "    await(sleep(1));",
      "    m.get(\"k\").add(entries.get(0).getValue());",
      "    return done(m.toString());",
      "  }",
      "  static List<? extends Number> numbers() { return List.of(1, 2.5, 3L); }",
      "  static Map<String, ? super Integer> sink() { return new TreeMap<String, Object>(); }",
      "  @Async static Coroutine<String> wildcards() {",
      "    List<? extends Number> xs = numbers();",
      "    var ys = numbers();",
      "    var it = numbers().iterator();",
      "    Map<String, ? super Integer> out = sink();",
      "    await(sleep(1));",
      "    double sum = 0;",
      "    for (Number n : xs) sum += n.doubleValue();",
      "    out.put(\"size\", ys.size());",
      "    Number first = it.next();",
      "    return done(sum + \" \" + out + \" \" + first);",
      "  }",
      "  @Async static Coroutine<String> word() { await(sleep(1)); return done(\"w\"); }",
      "  @Async static Coroutine<String> assignedOnlyAfterAnAwait(boolean flag) {",
      "    int late;",
      "    String got;",
      "    final String fixed;",
      "    await(sleep(1));",
      "    if (flag) late = 1; else late = 2;",
      "    fixed = \"f\";",
      "    got = await(word());",
      "    await(sleep(1));",
      "    return done(late + got + fixed);",
      "  }",
      "}");

  @Test
  void awaitedBoxedValuesWidenIntoPrimitiveLocalsOfEveryKind() throws Throwable {
    Probe.Run run = LOCALS.assertClean().runStatic("AsyncLocals", "awaitedPrimitives");
    assertThat(run.result()).isEqualTo("-7 300 -7 x 70000 120 300 5000000000 70000 120 1.5 "
        + "5.0E9 2.25 1.5 70000.0 true");
    assertThat(run.time()).isEqualTo(1.0);
  }

  @Test
  void primitiveLocalsOfEveryKindAreUpdatedAcrossAwaits() throws Throwable {
    Probe.Run run = LOCALS.assertClean().runStatic("AsyncLocals", "plainPrimitives");
    assertThat(run.result()).isEqualTo("2 12 d 12 20 3.25 7.0 true");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void arrayLocalsWithInitializersAreHoisted() throws Throwable {
    Probe.Run run = LOCALS.assertClean().runStatic("AsyncLocals", "arrays");
    assertThat(run.result()).isEqualTo("[11, 2][3][[p], [q, R]][0, 9]");
  }

  @Test
  void varLocalsOfGenericTypesAreHoisted() throws Throwable {
    Probe.Run run = LOCALS.assertClean().runStatic("AsyncLocals", "varGenerics");
    assertThat(run.result()).isEqualTo("{k=[1, 2]}");
  }

  @Test
  void wildcardTypedLocalsFromMethodCallsAreHoisted() throws Throwable {
    Probe.Run run = LOCALS.assertClean().runStatic("AsyncLocals", "wildcards");
    assertThat(run.result()).isEqualTo("6.5 {size=3} 1");
  }

  @Test
  void localsDeclaredBeforeButAssignedOnlyAfterAnAwait() throws Throwable {
    assertThat(LOCALS.assertClean().runStatic("AsyncLocals", "assignedOnlyAfterAnAwait", true)
        .result()).isEqualTo("1wf");
    Probe.Run run = LOCALS.runStatic("AsyncLocals", "assignedOnlyAfterAnAwait", false);
    assertThat(run.result()).isEqualTo("2wf");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void aLocalNamedStateThatDoesNotCrossAnAwaitStaysTheUsersLocal() throws Throwable {
    Probe p = Probe.compile("StateLocal",
        "public class StateLocal {",
        "  @Async static Coroutine<Integer> count() {",
        "    await(sleep(1));",
        "    int state = 41;",
        "    state++;",
        "    return done(state);",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncStateLocal", "count").result()).isEqualTo(42);
  }

  @Test
  void severalDeclaratorsInOneStatement() throws Throwable {
    Probe p = Probe.compile("Declarators",
        "public class Declarators {",
        "  @Async static Coroutine<String> both() {",
        "    int a = 1, b = 2;",
        "    await(sleep(1));",
        "    int c = 3, d = c + 1;",
        "    return done(a + \" \" + b + \" \" + c + \" \" + d);",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncDeclarators", "both").result())
        .isEqualTo("1 2 3 4");
  }

  @Test
  void hoistedLocalKeepsItsSuppressWarnings() throws Throwable {
    Probe p = Probe.compile("Unchecked",
        "public class Unchecked {",
        "  @Async static Coroutine<Integer> size(Object o) {",
        "    @SuppressWarnings(\"unchecked\")",
        "    List<String> xs = (List<String>) o;",
        "    await(sleep(1));",
        "    return done(xs.size());",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncUnchecked", "size", java.util.List.of("a", "b"))
        .result()).isEqualTo(2);
  }

  @Test
  void methodLevelSuppressWarningsCoversTheCopiedStatements() throws Throwable {
    Probe p = Probe.compile("Suppressed",
        "public class Suppressed {",
        "  @SuppressWarnings({\"unchecked\", \"removal\", \"deprecation\"})",
        "  @Async static Coroutine<Integer> size(Object o) {",
        "    await(sleep(1));",
        "    List<String> xs = (List<String>) o;",
        "    Integer boxed = new Integer(xs.size());",
        "    return done(boxed);",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncSuppressed", "size", java.util.List.of("a"))
        .result()).isEqualTo(1);
  }

  @Test
  void finalLocalConstantStillWorksAsACaseLabelAfterAnAwait() throws Throwable {
    Probe p = Probe.compile("Constant",
        "public class Constant {",
        "  @Async static Coroutine<String> label(int v) {",
        "    final int ONE = 1;",
        "    await(sleep(1));",
        "    switch (v) {",
        "      case ONE: return done(\"one\");",
        "      default: return done(\"other \" + ONE);",
        "    }",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncConstant", "label", 1).result()).isEqualTo("one");
    assertThat(p.runStatic("AsyncConstant", "label", 2).result()).isEqualTo("other 1");
  }
}
