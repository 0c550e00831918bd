package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the template says about warnings (suppressions, deprecation, safe varargs) holds for the
 * generated code too, so a warning-free template gives a warning-free build.
 */
class AnnotationsCarryOverTest {

  @Test
  void classLevelSuppressWarningsCoversTheCopiedStatements() throws Throwable {
    Probe p = Probe.compile("Quiet",
        "@SuppressWarnings(\"unchecked\")",
        "public class Quiet {",
        "  @Async static Coroutine<Integer> size(Object o) {",
        "    await(sleep(1));",
        "    List<String> xs = (List<String>) o;",
        "    await(sleep(1));",
        "    return done(xs.size());",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncQuiet", "size", java.util.List.of("a"))
        .result()).isEqualTo(1);
  }

  @Test
  void deprecatedTemplateClassAndMethodGiveNoDeprecationWarnings() throws Throwable {
    Probe p = Probe.compile("Old",
        "@Deprecated",
        "public class Old {",
        "  @Deprecated static int legacy() { return 1; }",
        "  @Async Coroutine<Integer> value() { await(sleep(1)); return done(legacy()); }",
        "  @Deprecated",
        "  @Async Coroutine<Integer> older() { await(sleep(1)); return done(2); }",
        "}");
    Object old = p.assertClean().create("AsyncOld");
    assertThat(p.runOn(old, "value").result()).isEqualTo(1);
    assertThat(p.runOn(old, "older").result()).isEqualTo(2);
  }

  @Test
  void serializableDeprecatedTemplateGivesNoSerialOrDeprecationWarnings() throws Throwable {
    Probe p = Probe.compile("Saved",
        "public class Saved implements java.io.Serializable {",
        "  private static final long serialVersionUID = 7L;",
        "  @Deprecated static int legacy() { return 1; }",
        "  @Async Coroutine<Integer> value() { await(sleep(1)); return done(legacy()); }",
        "}");
    Object saved = p.assertClean().create("AsyncSaved");
    assertThat(saved).isInstanceOf(java.io.Serializable.class);
    assertThat(p.runOn(saved, "value").result()).isEqualTo(1);
  }

  @Test
  void safeVarargsConstructorIsMirroredWithoutWarnings() throws Throwable {
    Probe p = Probe.compile("Bag",
        "public class Bag<T> {",
        "  final List<T> items = new ArrayList<>();",
        "  @SafeVarargs",
        "  public Bag(T... items) { for (T t : items) this.items.add(t); }",
        "  @Async Coroutine<Integer> count() { await(sleep(1)); return done(items.size()); }",
        "}");
    Object bag = p.assertClean().create("AsyncBag", (Object) new Object[] {"a", "b"});
    assertThat(p.runOn(bag, "count").result()).isEqualTo(2);
  }

  @Test
  void genericThrowsClauseIsRepeated() throws Throwable {
    Probe p = Probe.compile("Rethrow",
        "import java.util.concurrent.Callable;",
        "public class Rethrow {",
        "  interface Action<E extends Exception> { String run() throws E; }",
        "  @Async static <E extends Exception> Coroutine<String> attempt(Action<E> action)",
        "      throws E {",
        "    await(sleep(1));",
        "    String v = action.run();",
        "    return done(v);",
        "  }",
        "  @Async static Coroutine<String> safe() {",
        "    Action<RuntimeException> quiet = () -> \"quiet\";",
        "    String v = await(attempt(quiet));",
        "    return done(v);",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncRethrow", "safe").result()).isEqualTo("quiet");
  }
}
