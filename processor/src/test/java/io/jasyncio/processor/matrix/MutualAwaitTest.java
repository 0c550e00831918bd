package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two classes compiled together whose {@code @Async} methods await each other. */
class MutualAwaitTest {

  private static final Probe PAIR = Probe.compileFiles(
      Probe.file("A",
          "public class A {",
          "  @Async static Coroutine<Integer> f(int n) {",
          "    await(sleep(1));",
          "    if (n <= 0) return done(0);",
          "    int v = await(AsyncB.g(n - 1));",
          "    return done(v + 1);",
          "  }",
          "  @Async static Coroutine<Integer> viaTemplate(int n) {",
          "    await(sleep(1));",
          "    if (n <= 0) return done(0);",
          "    Integer v = await(B.h(n - 1));",
          "    return done(v + 100);",
          "  }",
          "  @Async static Coroutine<Integer> tail(int n) {",
          "    if (n <= 0) return done(-1);",
          "    return AsyncB.tail(n - 1);",
          "  }",
          "}"),
      Probe.file("B",
          "public class B {",
          "  @Async static Coroutine<Integer> g(int n) {",
          "    if (n <= 0) return done(0);",
          "    int v = await(AsyncA.f(n - 1));",
          "    return done(v + 10);",
          "  }",
          "  @Async static Coroutine<Integer> h(int n) {",
          "    await(sleep(1));",
          "    if (n <= 0) return done(0);",
          "    return A.viaTemplate(n - 1);",
          "  }",
          "  @Async static Coroutine<Integer> tail(int n) {",
          "    await(sleep(1));",
          "    return done(await(AsyncA.tail(n)));",
          "  }",
          "}"));

  @Test
  void generatedClassesAwaitEachOtherByTheirGeneratedNames() throws Throwable {
    Probe.Run run = PAIR.assertClean().runStatic("AsyncA", "f", 4);
    // f(4) -> g(3) -> f(2) -> g(1) -> f(0): A adds 1 twice, B adds 10 twice.
    assertThat(run.result()).isEqualTo(22);
    assertThat(run.time()).isEqualTo(3.0);
    assertThat(PAIR.runStatic("AsyncB", "g", 3).result()).isEqualTo(21);
  }

  @Test
  void templateNamesInBodiesAreRewrittenToTheOtherGeneratedClass() throws Throwable {
    Probe.Run run = PAIR.assertClean().runStatic("AsyncA", "viaTemplate", 3);
    // viaTemplate(3) awaits B.h(2), whose tail is A.viaTemplate(1), which awaits B.h(0).
    assertThat(run.result()).isEqualTo(200);
    assertThat(run.time()).isEqualTo(4.0);
  }

  @Test
  void tailAwaitsAcrossTheTwoClasses() throws Throwable {
    Probe.Run run = PAIR.assertClean().runStatic("AsyncA", "tail", 4);
    assertThat(run.result()).isEqualTo(-1);
    assertThat(run.time()).isEqualTo(4.0);
  }

  @Test
  void varLocalAwaitingTheOtherGeneratedClassInTheSameCompilation() throws Throwable {
    Probe p = Probe.compileFiles(
        Probe.file("C",
            "public class C {",
            "  @Async static Coroutine<String> c() {",
            "    var v = await(AsyncD.d());",
            "    await(sleep(1));",
            "    return done(v + \"c\");",
            "  }",
            "}"),
        Probe.file("D",
            "public class D {",
            "  @Async static Coroutine<String> d() { await(sleep(1)); return done(\"d\"); }",
            "}"));
    Probe.Run run = p.assertClean().runStatic("AsyncC", "c");
    assertThat(run.result()).isEqualTo("dc");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void localTypedWithTheOtherGeneratedClassLivesAcrossAnAwait() throws Throwable {
    Probe p = Probe.compileFiles(
        Probe.file("E",
            "public class E {",
            "  @Async static Coroutine<String> e() {",
            "    AsyncF f = new AsyncF();",
            "    String v = await(f.f());",
            "    await(sleep(1));",
            "    return done(v + f.getClass().getSimpleName());",
            "  }",
            "}"),
        Probe.file("F",
            "public class F {",
            "  @Async Coroutine<String> f() { await(sleep(1)); return done(\"f\"); }",
            "}"));
    Probe.Run run = p.assertClean().runStatic("AsyncE", "e");
    assertThat(run.result()).isEqualTo("fAsyncF");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void instanceMethodsOfTwoClassesAwaitEachOtherThroughFields() throws Throwable {
    Probe p = Probe.compileFiles(
        Probe.file("Ping",
            "public class Ping {",
            "  Pong pong;",
            "  void set(Pong p) { pong = p; }",
            "  @Async Coroutine<String> ping(int n) {",
            "    await(sleep(1));",
            "    if (n == 0) return done(\"ping\");",
            "    String rest = await(pong.pong(n - 1));",
            "    return done(\"ping \" + rest);",
            "  }",
            "}"),
        Probe.file("Pong",
            "public class Pong {",
            "  Ping ping;",
            "  void set(Ping p) { ping = p; }",
            "  @Async Coroutine<String> pong(int n) {",
            "    if (n == 0) return done(\"pong\");",
            "    return ping.ping(n - 1);",
            "  }",
            "}"));
    Object ping = p.assertClean().create("AsyncPing");
    Object pong = p.create("AsyncPong");
    p.call(ping, "set", pong);
    p.call(pong, "set", ping);
    Probe.Run run = p.runOn(ping, "ping", 3);
    assertThat(run.result()).isEqualTo("ping ping pong");
    assertThat(run.time()).isEqualTo(2.0);
  }
}
