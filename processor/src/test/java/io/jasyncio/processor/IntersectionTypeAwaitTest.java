package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A {@code var} local whose type is an intersection (the lub of a Boolean and a Long is
 * {@code Object & Serializable & Comparable<...> & Constable & ConstantDesc}), from an
 * expression that awaits or live across an await: it keeps what it can be used as; against
 * the same body run as plain Java.
 */
class IntersectionTypeAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  static String kind(java.io.Serializable s) { return \"serializable\"; }",
      "  static String kind(Object o) { return \"object\"; }",
      "  @Async static Coroutine<String> awaited(List<String> log, boolean c) {",
      "    var v = c ? await(got(log, \"b\", true)) : await(got(log, \"l\", 5L));",
      "    return done(v + \" \" + kind(v) + \" \" + v.describeConstable().isPresent());",
      "  }",
      "  @Async static Coroutine<String> acrossAnAwait(List<String> log, boolean c) {",
      "    var v = c ? await(got(log, \"b\", true)) : await(got(log, \"l\", 5L));",
      "    var w = c ? Integer.valueOf(1) : \"one\";",
      "    await(sleep(1));",
      "    Comparable<?> comparable = v;",
      "    java.io.Serializable s = w;",
      "    log.add(v.getClass().getSimpleName() + \" \" + (comparable == v) + \" \" + kind(w));",
      "    return done(v + \" \" + s);",
      "  }");

  @Test
  void aLocalOfAnIntersectionTypeTakesAnAwaitedValue() throws Throwable {
    assertThat(SNIPPET.run("awaited", true)).containsExactly("b",
        "result true serializable true");
    assertThat(SNIPPET.run("awaited", false)).containsExactly("l",
        "result 5 serializable true");
  }

  @Test
  void aLocalOfAnIntersectionTypeLivesAcrossAnAwait() throws Throwable {
    assertThat(SNIPPET.run("acrossAnAwait", true)).containsExactly("b",
        "Boolean true serializable", "result true 1");
    assertThat(SNIPPET.run("acrossAnAwait", false)).containsExactly("l",
        "Long true serializable", "result 5 one");
  }
}
