package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Static {@code @Async} methods in every kind of type, and the names their bodies use. */
class StaticMethodsTest {

  @Test
  void utilityClassWithOnlyAPrivateConstructor() throws Throwable {
    Probe p = Probe.compile("Util",
        "public final class Util {",
        "  private Util() { throw new AssertionError(); }",
        "  static int twice(int x) { return 2 * x; }",
        "  static final int BASE = 100;",
        "  @Async static Coroutine<Integer> compute(int x) {",
        "    int y = twice(x);",
        "    await(sleep(1));",
        "    return done(BASE + y + twice(y));",
        "  }",
        "}");
    Probe.Run run = p.assertClean().runStatic("AsyncUtil", "compute", 3);
    assertThat(run.result()).isEqualTo(118);
    assertThat(run.time()).isEqualTo(1.0);
    assertThat(Modifier.isFinal(p.type("AsyncUtil").getModifiers())).isTrue();
  }

  @Test
  void staticInterfaceMethodUsesTheInterfacesConstantsAndStaticMethods() throws Throwable {
    Probe p = Probe.compile("Api",
        "public interface Api {",
        "  int BASE = 100;",
        "  static int helper(int x) { return x + 1; }",
        "  default int unused() { return 0; }",
        "  @Async static Coroutine<Integer> one() { await(sleep(1)); return done(1); }",
        "  @Async static Coroutine<Integer> fetch(int x) {",
        "    await(sleep(1));",
        "    int y = helper(x);",
        "    int z = await(one());",
        "    int w = await(Api.one());",
        "    return done(BASE + y + z + w);",
        "  }",
        "}");
    Probe.Run run = p.assertClean().runStatic("AsyncApi", "fetch", 5);
    assertThat(run.result()).isEqualTo(108);
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void staticEnumMethodUsesValuesConstantsAndCaseLabels() throws Throwable {
    Probe p = Probe.compile("Color",
        "public enum Color {",
        "  RED, GREEN, BLUE;",
        "  static Color first() { return values()[0]; }",
        "  @Async static Coroutine<String> next(Color from) {",
        "    await(sleep(1));",
        "    Color next = values()[(from.ordinal() + 1) % values().length];",
        "    await(sleep(1));",
        "    String label;",
        "    switch (next) {",
        "      case RED: label = \"r\"; break;",
        "      case GREEN: label = \"g\"; break;",
        "      default: label = \"b\";",
        "    }",
        "    return done(next + \":\" + label + \":\" + (valueOf(\"BLUE\") == BLUE) + \":\"",
        "        + first()",
        "        + \":\" + (next == RED));",
        "  }",
        "}");
    Object blue = p.assertClean().type("Color").getEnumConstants()[2];
    Probe.Run run = p.runStatic("AsyncColor", "next", blue);
    assertThat(run.result()).isEqualTo("RED:r:true:RED:true");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void staticRecordMethodUsesTheRecordsStaticMembers() throws Throwable {
    Probe p = Probe.compile("Point",
        "public record Point(int x, int y) {",
        "  static final Point ORIGIN = new Point(0, 0);",
        "  static Point of(int v) { return new Point(v, v); }",
        "  @Async static Coroutine<Point> moved(int by) {",
        "    Point start = of(by);",
        "    await(sleep(1));",
        "    return done(new Point(start.x() + ORIGIN.x() + 1, start.y()));",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncPoint", "moved", 2).result().toString())
        .isEqualTo("Point[x=3, y=2]");
  }

  @Test
  void nestedClassUsesHelpersAndMemberTypesOfItselfAndItsEnclosingClass() throws Throwable {
    Probe p = Probe.compile("Outer",
        "public class Outer {",
        "  static int outerHelper(int x) { return x * 10; }",
        "  static final String OUTER = \"O\";",
        "  static class Config { final int n; Config(int n) { this.n = n; } }",
        "  static class Inner {",
        "    static int innerHelper(int x) { return x + 1; }",
        "    static class Pair {",
        "      final int a;",
        "      final int b;",
        "      Pair(int a, int b) { this.a = a; this.b = b; }",
        "      int sum() { return a + b; }",
        "    }",
        "    @Async static Coroutine<String> compute(int x) {",
        "      Pair p = new Pair(innerHelper(x), outerHelper(x));",
        "      Config c = new Config(3);",
        "      await(sleep(1));",
        "      Pair q = new Pair(p.sum(), c.n);",
        "      await(sleep(1));",
        "      return done(q.sum() + OUTER + Outer.outerHelper(1) + Inner.innerHelper(1));",
        "    }",
        "  }",
        "}");
    Probe.Run run = p.assertClean().runStatic("AsyncOuter_Inner", "compute", 2);
    assertThat(run.result()).isEqualTo("26O102");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void constantsAndMethodsFromStaticImportsOfOtherClasses() throws Throwable {
    Probe p = Probe.compileFiles(
        Probe.rawFile("Limits",
            "package demo;",
            "public class Limits {",
            "  public static final int MAX = 5;",
            "  public static String label(int x) { return \"L\" + x; }",
            "}"),
        Probe.rawFile("Imports",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "import static demo.Limits.*;",
            "import static java.lang.Math.max;",
            "import static java.util.concurrent.TimeUnit.SECONDS;",
            "public class Imports {",
            "  @Async static Coroutine<String> limited(int x) {",
            "    int capped = max(MAX, x);",
            "    await(sleep(1));",
            "    return done(label(capped) + \" \" + SECONDS.toMillis(capped));",
            "  }",
            "}"));
    Probe.Run run = p.assertClean().runStatic("AsyncImports", "limited", 3);
    assertThat(run.result()).isEqualTo("L5 5000");
  }

  private static final String FLAGS = String.join("\n",
      "package demo;",
      "public class Flags {",
      "  public static int state = 7;",
      "  public static String complete(String s) { return s + \" done\"; }",
      "}");

  @Test
  void staticallyImportedFieldNamedStateIsNotTheMachinesState() throws Throwable {
    Probe p = Probe.compileFiles(Probe.rawFile("Flags", FLAGS),
        Probe.rawFile("ReadsState",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "import static demo.Flags.state;",
            "public class ReadsState {",
            "  @Async static Coroutine<Integer> read() {",
            "    await(sleep(1));",
            "    return done(state);",
            "  }",
            "}"));
    assertThat(p.assertClean().runStatic("AsyncReadsState", "read").result()).isEqualTo(7);
  }

  @Test
  void staticallyImportedMethodNamedCompleteIsNotTheMachinesComplete() throws Throwable {
    Probe p = Probe.compileFiles(Probe.rawFile("Flags", FLAGS),
        Probe.rawFile("CallsComplete",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "import static demo.Flags.complete;",
            "public class CallsComplete {",
            "  @Async static Coroutine<String> read() {",
            "    await(sleep(1));",
            "    return done(complete(\"job\"));",
            "  }",
            "}"));
    assertThat(p.assertClean().runStatic("AsyncCallsComplete", "read").result())
        .isEqualTo("job done");
  }

  @Test
  void staticAndInstanceMethodsOfOneClassShareTheGeneratedClass() throws Throwable {
    Probe p = Probe.compile("Mixed",
        "public class Mixed {",
        "  int base = 5;",
        "  @Async static Coroutine<Integer> twice(int x) { await(sleep(1)); return done(2 * x); }",
        "  @Async Coroutine<Integer> plus(int x) {",
        "    int y = await(twice(x));",
        "    int z = await(Mixed.twice(y));",
        "    return done(base + z);",
        "  }",
        "}");
    Probe.Run run = p.assertClean().runOn(p.create("AsyncMixed"), "plus", 1);
    assertThat(run.result()).isEqualTo(9);
    assertThat(run.time()).isEqualTo(2.0);
  }
}
