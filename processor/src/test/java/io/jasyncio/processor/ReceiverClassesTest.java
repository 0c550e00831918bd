package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instance {@code @Async} methods of classes no subclass can extend (a final class, a record,
 * an enum, a class with only private constructors): their generated class takes the instance
 * as the first argument, {@code AsyncPoint.scaled(point, 2)}, and the body means what it meant
 * in the template: its fields and methods, {@code this}, sibling {@code @Async} methods and
 * calls on other instances.
 */
class ReceiverClassesTest {

  private static final String HEADER = String.join("\n",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import java.util.*;",
      "import java.util.function.*;",
      "import static io.jasyncio.Asyncio.*;");

  private static Compilation compile(String name, String... body) {
    Compilation c = Snippets.compile(Snippets.source("demo." + name,
        HEADER + "\n" + String.join("\n", body)));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  @Test
  void aRecordsInstanceMethodsReadItsComponentsAndCallEachOther() throws Throwable {
    Compilation c = compile("Point",
        "public record Point(int x, int y) {",
        "  static int made;",
        "  public Point { made++; }",
        "  int sum() { return x + y; }",
        "  @Async static Coroutine<Integer> slow(int v) { await(sleep(1)); return done(v); }",
        "  @Async Coroutine<Point> scaled(int k) {",
        "    int nx = x * await(slow(k));",
        "    return done(new Point(nx, this.y * k));",
        "  }",
        "  @Async Coroutine<String> describe(List<String> log) {",
        "    Point twice = await(scaled(2));",
        "    log.add(\"sum \" + sum() + \" \" + twice.sum());",
        "    Point thrice = await(this.scaled(3));",
        "    Point other = await(twice.scaled(await(slow(10))));",
        "    Supplier<Integer> later = () -> x + y() + made;",
        "    BiFunction<Point, Integer, Coroutine<Point>> scale = Point::scaled;",
        "    Function<Integer, Coroutine<Point>> scaleMe = k -> this.scaled(k);",
        "    log.add(await(scale.apply(this, 5)) + \" \" + await(scaleMe.apply(6)));",
        "    return done(thrice + \" \" + other + \" \" + later.get());",
        "  }",
        "}");
    Object point = Snippets.load(c).loadClass("demo.Point")
        .getDeclaredConstructor(int.class, int.class).newInstance(1, 2);
    List<String> log = new ArrayList<>();
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncPoint", "describe", point, log);
    assertThat(log).containsExactly("sum 3 6", "Point[x=5, y=10] Point[x=6, y=12]");
    assertThat(run.result()).isEqualTo("Point[x=3, y=6] Point[x=20, y=40] 9");
    assertThat(run.time()).isEqualTo(6.0);
  }

  /** A call on a computed instance ({@code origin().scaled(2)}) is rewritten too. */
  @Test
  void aCallOnAComputedInstanceRunsTheRewrittenMethod() throws Throwable {
    Compilation c = compile("Point",
        "public record Point(int x, int y) {",
        "  static Point origin() { return new Point(1, 1); }",
        "  @Async Coroutine<Point> scaled(int k) {",
        "    await(sleep(1));",
        "    return done(new Point(x * k, y * k));",
        "  }",
        "  @Async static Coroutine<String> use() {",
        "    Point a = await(origin().scaled(2));",
        "    Point b = await(((Point) (Object) a).scaled(3));",
        "    Point two = new Point(2, 0);",
        "    Point d = await(two.scaled(await(origin().scaled(2)).x()));",
        "    return done(a + \" \" + b + \" \" + d);",
        "  }",
        "}");
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncPoint", "use");
    assertThat(run.result())
        .isEqualTo("Point[x=2, y=2] Point[x=6, y=6] Point[x=4, y=0]");
  }

  @Test
  void aFinalGenericClassWithPrivateStateAndAPrivateConstructor() throws Throwable {
    Compilation c = compile("Counter",
        "public final class Counter<T> {",
        "  private final List<T> seen = new ArrayList<>();",
        "  private int count;",
        "  private Counter() { }",
        "  static <T> Counter<T> create() { return new Counter<>(); }",
        "  @Async static <V> Coroutine<V> later(V v) { await(sleep(1)); return done(v); }",
        "  @Async Coroutine<Integer> add(T item) {",
        "    seen.add(await(later(item)));",
        "    count += 1;",
        "    return done(count);",
        "  }",
        "  @Async Coroutine<List<T>> addAll(List<T> items) {",
        "    for (T item : items) {",
        "      await(add(item));",
        "    }",
        "    return done(List.copyOf(seen));",
        "  }",
        "}");
    Object counter = Snippets.callStatic(Snippets.load(c), "demo.Counter", "create");
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncCounter", "addAll", counter,
        List.of("a", "b", "c"));
    assertThat(run.result()).isEqualTo(List.of("a", "b", "c"));
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void anEnumsInstanceMethodUsesItsConstantAndStaticMembers() throws Throwable {
    Compilation c = compile("Heat",
        "public enum Heat {",
        "  LOW(1), HIGH(3);",
        "  private final int seconds;",
        "  Heat(int seconds) { this.seconds = seconds; }",
        "  @Async final Coroutine<String> apply(String dish) {",
        "    await(sleep(seconds));",
        "    return done(dish + \" \" + name().toLowerCase() + \" \" + ordinal() + \"/\"",
        "        + values().length + (this == HIGH ? \"!\" : \"\"));",
        "  }",
        "}");
    Object high = Snippets.load(c).loadClass("demo.Heat").getEnumConstants()[1];
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncHeat", "apply", high, "soup");
    assertThat(run.result()).isEqualTo("soup high 1/2!");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void aTemplateRunDirectlyNamesTheGeneratedMethodWithItsInstance() throws Throwable {
    Compilation c = compile("Point",
        "public record Point(int x, int y) {",
        "  @Async Coroutine<Integer> norm() { await(sleep(1)); return done(x * x + y * y); }",
        "}");
    Class<?> type = Snippets.load(c).loadClass("demo.Point");
    Object point = type.getDeclaredConstructor(int.class, int.class).newInstance(3, 4);
    java.lang.reflect.Method norm = type.getDeclaredMethod("norm");
    norm.setAccessible(true);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      try {
        norm.invoke(point);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    }).isInstanceOf(IllegalStateException.class)
        .hasMessage("Point.norm() is an @Async template and does not run by itself; call"
            + " AsyncPoint.norm(point, ...) instead");
  }
}
