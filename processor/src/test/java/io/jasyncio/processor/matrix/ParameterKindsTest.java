package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of parameter reaches the machine and keeps its value across suspensions. */
class ParameterKindsTest {

  private static final Probe PARAMS = Probe.compile("Params",
      "public class Params {",
      "  @Async static Coroutine<String> join(String sep, String... names) {",
      "    await(sleep(1));",
      "    return done(names.length + \":\" + String.join(sep, names));",
      "  }",
      "  @Async static Coroutine<String> callsVarargs() {",
      "    String none = await(join(\"+\"));",
      "    String two = await(join(\"+\", \"x\", \"y\"));",
      "    String array = await(join(\"+\", new String[] {\"p\", \"q\", \"r\"}));",
      "    return done(none + \" \" + two + \" \" + array);",
      "  }",
      "  @Async static Coroutine<Integer> arrays(int[] xs, String[][] grid) {",
      "    await(sleep(0));",
      "    xs[0] = 99;",
      "    await(sleep(0));",
      "    grid[1][0] = \"changed\";",
      "    return done(xs.length + grid.length);",
      "  }",
      "  @Async static Coroutine<Double> wildcards(List<? extends Number> nums,",
      "      Map<String, ? super Integer> sink) {",
      "    double sum = 0;",
      "    for (Number n : nums) sum += n.doubleValue();",
      "    await(sleep(1));",
      "    sink.put(\"count\", nums.size());",
      "    return done(sum);",
      "  }",
      "  @Async static Coroutine<String> primitives(byte b, short s, char c, int i, long l,",
      "      float f, double d, boolean z) {",
      "    await(sleep(0.5));",
      "    await(sleep(0.5));",
      "    return done(b + \",\" + s + \",\" + c + \",\" + i + \",\" + l + \",\" + f + \",\" + d",
      "        + \",\" + z);",
      "  }",
      "  @Async static Coroutine<String> finals(final int x, final List<String> log) {",
      "    log.add(\"before \" + x);",
      "    await(sleep(1));",
      "    log.add(\"after \" + x);",
      "    return done(log.toString());",
      "  }",
      "  @Async static Coroutine<Integer> twice(int x) { await(sleep(1)); return done(2 * x); }",
      "  @Async static Coroutine<String> reassigned(int x, String label) {",
      "    await(sleep(1));",
      "    x = x + 1;",
      "    label = label + \"!\";",
      "    x = await(twice(x));",
      "    label = await(join(\"\", label, label));",
      "    x++;",
      "    return done(x + \" \" + label);",
      "  }",
      "}");

  @Test
  void varargsParameterReceivesTheArray() throws Throwable {
    Probe.Run run = PARAMS.assertClean()
        .runStatic("AsyncParams", "join", "-", new String[] {"a", "b", "c"});
    assertThat(run.result()).isEqualTo("3:a-b-c");
    assertThat(run.time()).isEqualTo(1.0);
  }

  @Test
  void varargsSiblingIsCalledWithNoneSeveralAndAnArray() throws Throwable {
    Probe.Run run = PARAMS.assertClean().runStatic("AsyncParams", "callsVarargs");
    assertThat(run.result()).isEqualTo("0: 2:x+y 3:p+q+r");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void generatedFactoryIsVarargsLikeTheTemplate() throws Throwable {
    assertThat(PARAMS.assertClean().type("AsyncParams")
        .getDeclaredMethod("join", String.class, String[].class).isVarArgs()).isTrue();
  }

  @Test
  void arrayParametersAreTheCallersArrays() throws Throwable {
    int[] xs = {1, 2, 3};
    String[][] grid = {{"a"}, {"b"}};
    Probe.Run run = PARAMS.assertClean().runStatic("AsyncParams", "arrays", xs, grid);
    assertThat(run.result()).isEqualTo(5);
    assertThat(xs[0]).isEqualTo(99);
    assertThat(grid[1][0]).isEqualTo("changed");
  }

  @Test
  void wildcardGenericParametersAreReadAndWrittenAfterAnAwait() throws Throwable {
    Map<String, Object> sink = new HashMap<>();
    Probe.Run run = PARAMS.assertClean()
        .runStatic("AsyncParams", "wildcards", List.of(1, 2.5, 3L), sink);
    assertThat(run.result()).isEqualTo(6.5);
    assertThat(sink).containsEntry("count", 3);
  }

  @Test
  void parametersOfEveryPrimitiveTypeSurviveTwoSuspensions() throws Throwable {
    Probe.Run run = PARAMS.assertClean().runStatic("AsyncParams", "primitives",
        (byte) -8, (short) 300, 'q', 70000, 5_000_000_000L, 1.5f, 2.25, true);
    assertThat(run.result()).isEqualTo("-8,300,q,70000,5000000000,1.5,2.25,true");
    assertThat(run.time()).isEqualTo(1.0);
  }

  @Test
  void finalParametersAreReadBeforeAndAfterTheAwait() throws Throwable {
    List<String> log = new ArrayList<>();
    Probe.Run run = PARAMS.assertClean().runStatic("AsyncParams", "finals", 7, log);
    assertThat(run.result()).isEqualTo("[before 7, after 7]");
  }

  @Test
  void parameterReassignedAfterAnAwaitKeepsItsNewValue() throws Throwable {
    Probe.Run run = PARAMS.assertClean().runStatic("AsyncParams", "reassigned", 4, "hi");
    assertThat(run.result()).isEqualTo("11 2:hi!hi!");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void safeVarargsGenericTemplateGivesAWarningFreeFactory() throws Throwable {
    Probe p = Probe.compile("Safe",
        "public class Safe {",
        "  @SafeVarargs",
        "  @Async static <T> Coroutine<List<T>> listOf(T... items) {",
        "    await(sleep(1));",
        "    List<T> out = new ArrayList<>();",
        "    for (T item : items) out.add(item);",
        "    return done(out);",
        "  }",
        "  @Async static Coroutine<Integer> count() {",
        "    List<List<String>> lists = await(listOf(List.of(\"a\"), List.of(\"b\", \"c\")));",
        "    return done(lists.size());",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncSafe", "count").result()).isEqualTo(2);
  }
}
