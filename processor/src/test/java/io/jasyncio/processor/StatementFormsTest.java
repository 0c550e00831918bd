package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each statement form an {@code @Async} body may hold in this version, compiled with the
 * processor and run on a virtual-clock loop.
 */
class StatementFormsTest {

  private static final String HEADER = String.join("\n",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import java.util.*;",
      "import static io.jasyncio.Asyncio.*;");

  private static Compilation compile(String className, String... body) {
    String source = HEADER + "\n" + String.join("\n", body);
    Compilation c = Snippets.compile(Snippets.source("demo." + className, source));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  @Test
  void awaitAsAStatementSuspendsForTheSleep() throws Throwable {
    Compilation c = compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil(List<String> log) {",
        "    log.add(\"boiling for 1 sec\");",
        "    await(sleep(2));",
        "    log.add(\"boiling for 3 sec\");",
        "    await(sleep(1));",
        "    log.add(\"boiling for 5 sec\");",
        "    return done();",
        "  }",
        "}");
    List<String> log = new ArrayList<>();
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncKitchen", "boil", log);
    assertThat(run.result()).isNull();
    assertThat(log).containsExactly("boiling for 1 sec", "boiling for 3 sec", "boiling for 5 sec");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void awaitedValuesReachTypedLocalsAcrossSuspensions() throws Throwable {
    Compilation c = compile("Sums",
        "public class Sums {",
        "  @Async static Coroutine<Integer> twice(int x) {",
        "    await(sleep(0.5));",
        "    return done(2 * x);",
        "  }",
        "  @Async static Coroutine<Character> letter() { return done('A'); }",
        "  @Async static Coroutine<String> sum(int x) {",
        "    int total = 1;",
        "    int y = await(twice(x));",
        "    long wide = await(twice(y));",
        "    double d = await(twice(1));",
        "    int code = await(letter());",
        "    var boxed = await(twice(3));",
        "    List<Integer> list = new ArrayList<>(List.of(total, y));",
        "    list.add(boxed);",
        "    return done(total + \" \" + y + \" \" + wide + \" \" + d + \" \" + code + \" \" + list);",
        "  }",
        "}");
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncSums", "sum", 5);
    assertThat(run.result()).isEqualTo("1 10 20 2.0 65 [1, 10, 6]");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void assignmentsToLocalsAndFieldsReceiveTheAwaitedValue() throws Throwable {
    Compilation c = compile("Fields",
        "public class Fields {",
        "  static long total;",
        "  int count;",
        "  int state = 7;",
        "  @Async Coroutine<Integer> seven() { await(sleep(0)); return done(7); }",
        "  @Async Coroutine<String> fill() {",
        "    int local;",
        "    local = await(seven());",
        "    total = await(seven());",
        "    this.count = await(seven());",
        "    state = await(seven()) ;",
        "    return done(local + \",\" + total + \",\" + count + \",\" + this.state);",
        "  }",
        "}");
    LoopRun run = LoopRun.instanceCall(c, "demo.AsyncFields", "fill");
    assertThat(run.result()).isEqualTo("7,7,7,7");
  }

  @Test
  void returnDoneOfAnAwaitAndATailAwaitFinishWithTheInnerResult() throws Throwable {
    Compilation c = compile("Tail",
        "public class Tail {",
        "  @Async static Coroutine<Integer> inner(int x) { await(sleep(1)); return done(x + 1); }",
        "  @Async static Coroutine<Integer> viaDone(int x) { return done(await(inner(x))); }",
        "  @Async static Coroutine<Integer> viaTail(int x) {",
        "    if (x < 0) return done(-1);",
        "    return inner(x * 10);",
        "  }",
        "}");
    assertThat(LoopRun.staticCall(c, "demo.AsyncTail", "viaDone", 1).result()).isEqualTo(2);
    assertThat(LoopRun.staticCall(c, "demo.AsyncTail", "viaTail", 4).result()).isEqualTo(41);
    LoopRun early = LoopRun.staticCall(c, "demo.AsyncTail", "viaTail", -4);
    assertThat(early.result()).isEqualTo(-1);
    assertThat(early.time()).isEqualTo(0.0);
  }

  @Test
  void instanceMethodsDispatchToTheRewrittenSiblingsAndSeeTheirObject() throws Throwable {
    Compilation c = compile("Counter",
        "public class Counter {",
        "  private final int step;",
        "  public Counter(int step) { this.step = step; }",
        "  int step() { return step; }",
        "  @Async Coroutine<Integer> add(int x) { await(sleep(1)); return done(x + step()); }",
        "  @Async Coroutine<Counter> self() { return done(this); }",
        "  @Async Coroutine<Integer> twice(int x) {",
        "    int once = await(add(x));",
        "    Counter me = await(self());",
        "    if (me != this) throw new AssertionError(\"this changed\");",
        "    return done(await(add(once)));",
        "  }",
        "}");
    LoopRun run = LoopRun.instanceCall(c, "demo.AsyncCounter", new Object[] {10}, "twice", 1);
    assertThat(run.result()).isEqualTo(21);
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void namesOfTheMachineDoNotCaptureTheUsersNames() throws Throwable {
    Compilation c = compile("Clash",
        "public class Clash {",
        "  static int state = 100;",
        "  static int complete(int x) { return x + 1; }",
        "  @Async static Coroutine<Integer> one() { await(sleep(0)); return done(1); }",
        "  @Async static Coroutine<String> run(int resume) {",
        "    int awaited = await(one());",
        "    int x = await(one());",
        "    return done(state + \" \" + complete(x) + \" \" + resume + \" \" + awaited);",
        "  }",
        "  @Async static Coroutine<String> shadow(int state) {",
        "    await(one());",
        "    return done(\"param \" + state);",
        "  }",
        "}");
    assertThat(LoopRun.staticCall(c, "demo.AsyncClash", "run", 5).result())
        .isEqualTo("100 2 5 1");
    assertThat(LoopRun.staticCall(c, "demo.AsyncClash", "shadow", 9).result())
        .isEqualTo("param 9");
  }

  @Test
  void genericMethodsKeepTheirTypeVariables() throws Throwable {
    Compilation c = compile("Generic",
        "public class Generic {",
        "  @Async static <T extends Comparable<T>> Coroutine<T> max(T a, T b) {",
        "    await(sleep(0));",
        "    T first = a;",
        "    await(sleep(0));",
        "    return done(first.compareTo(b) >= 0 ? first : b);",
        "  }",
        "}");
    assertThat(LoopRun.staticCall(c, "demo.AsyncGeneric", "max", "pear", "apple").result())
        .isEqualTo("pear");
  }

  @Test
  void nestedClassesGetTheirOwnGeneratedClass() throws Throwable {
    Compilation c = compile("Outer",
        "public class Outer {",
        "  static String greeting() { return \"hello\"; }",
        "  static class Inner {",
        "    static final String NAME = \"inner\";",
        "    @Async static Coroutine<String> hello() {",
        "      await(sleep(0));",
        "      return done(greeting() + \" from \" + NAME);",
        "    }",
        "  }",
        "}");
    assertThat(LoopRun.staticCall(c, "demo.AsyncOuter_Inner", "hello").result())
        .isEqualTo("hello from inner");
  }

  @Test
  void checkedExceptionsCrossTheAwaitUnchanged() throws Throwable {
    Compilation c = compile("Failing",
        "public class Failing {",
        "  static final java.io.IOException BOOM = new java.io.IOException(\"boom\");",
        "  @Async static Coroutine<Integer> fail() throws java.io.IOException {",
        "    await(sleep(1));",
        "    throw BOOM;",
        "  }",
        "  @Async static Coroutine<String> direct() throws java.io.IOException {",
        "    int v = await(fail());",
        "    return done(\"not reached \" + v);",
        "  }",
        "}");
    java.lang.reflect.Field field = Snippets.load(c).loadClass("demo.Failing")
        .getDeclaredField("BOOM");
    field.setAccessible(true);
    Object boom = field.get(null);
    assertThatThrownBy(() -> LoopRun.staticCall(c, "demo.AsyncFailing", "direct"))
        .isSameAs(boom);
  }

  @Test
  void aClassQualifiedSiblingCallInABodyReachesTheRewrittenMethod() throws Throwable {
    Compilation c = compile("Qualified",
        "public class Qualified {",
        "  @Async static Coroutine<Integer> inner() { await(sleep(1)); return done(5); }",
        "  @Async static Coroutine<Integer> outer() {",
        "    int v = await(Qualified.inner());",
        "    return done(v + 1);",
        "  }",
        "}");
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncQualified", "outer");
    assertThat(run.result()).isEqualTo(6);
    assertThat(run.time()).isEqualTo(1.0);
  }

  @Test
  void qualifiedAsyncioCallsAndSingleStaticImportsAreRecognised() throws Throwable {
    Compilation c = Snippets.compile(Snippets.source("demo.Spelled",
        "package demo;",
        "import io.jasyncio.Asyncio;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.sleep;",
        "public class Spelled {",
        "  @Async static Coroutine<Integer> three() {",
        "    Asyncio.await(sleep(1));",
        "    io.jasyncio.Asyncio.await(Asyncio.sleep(1));",
        "    int v = Asyncio.await(Asyncio.done(3));",
        "    return Asyncio.done(v);",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncSpelled", "three");
    assertThat(run.result()).isEqualTo(3);
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void aClassInTheUnnamedPackageGetsItsGeneratedClassThere() throws Throwable {
    Compilation c = Snippets.compile(Snippets.source("Unnamed",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Unnamed {",
        "  static final int BASE = 40;",
        "  @Async static Coroutine<Integer> answer() {",
        "    await(sleep(0));",
        "    return done(BASE + 2);",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(LoopRun.staticCall(c, "AsyncUnnamed", "answer").result()).isEqualTo(42);
  }

  @Test
  void runningTheTemplateDirectlyNamesTheGeneratedMethod() throws Throwable {
    Compilation c = compile("Direct",
        "public class Direct {",
        "  @Async static Coroutine<Void> boil() {",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    assertThatThrownBy(() -> Snippets.callStatic(Snippets.load(c), "demo.Direct", "boil"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AsyncDirect.boil()");
  }
}
