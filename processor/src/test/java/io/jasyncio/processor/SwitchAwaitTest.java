package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Switches whose selector or arm awaits inside a larger expression, and switch expressions
 * that await wherever an expression stands; against the same body run as plain Java.
 */
class SwitchAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  @SuppressWarnings(\"fallthrough\")",
      "  @Async static Coroutine<String> selectors(List<String> log, int k) {",
      "    StringBuilder b = new StringBuilder();",
      "    switch (t(log, \"base\", k) + await(got(log, \"sel\", 1))) {",
      "      case 1:",
      "        b.append(\"one \");",
      "      case 2:",
      "        b.append(\"two \");",
      "        break;",
      "      default:",
      "        b.append(\"other \");",
      "    }",
      "    String name = switch (await(got(log, \"name\", \"x\")).toUpperCase()) {",
      "      case \"X\" -> \"ex\";",
      "      default -> \"?\";",
      "    };",
      "    java.time.DayOfWeek day = java.time.DayOfWeek.MONDAY;",
      "    switch (t(log, \"day\", day).plus(await(got(log, \"plus\", (long) k)))) {",
      "      case TUESDAY -> b.append(\"tuesday \");",
      "      case MONDAY -> b.append(\"monday \");",
      "      default -> b.append(\"later \");",
      "    }",
      "    return done(b + name);",
      "  }",
      "  @Async static Coroutine<String> arms(List<String> log, int k) {",
      "    int y = switch (k) {",
      "      case 0 -> 1 + await(got(log, \"arm\", 10));",
      "      case 1 -> {",
      "        log.add(\"block\");",
      "        yield t(log, \"y\", 2) * await(got(log, \"yield\", 3));",
      "      }",
      "      default -> -1;",
      "    };",
      "    double d = switch (k) {",
      "      case 0 -> await(got(log, \"half\", 1)) / 2.0;",
      "      default -> await(got(log, \"int\", 7)) + 0;",
      "    };",
      "    return done(y + \" \" + d);",
      "  }",
      "  static String f(List<String> log, Object v) {",
      "    log.add(\"f \" + v);",
      "    return \"f(\" + v + \")\";",
      "  }",
      "  static String g(int v) { return \"g(int)\"; }",
      "  static String g(Object v) { return \"g(Object)\"; }",
      "  enum Size { S, M, L }",
      "  @Async static Coroutine<String> operands(List<String> log, int k) {",
      "    String a = f(log, switch (t(log, \"k\", k)) {",
      "      case 1 -> await(got(log, \"one\", \"x\"));",
      "      case 2, 3 -> t(log, \"plain\", \"y\");",
      "      default -> {",
      "        log.add(\"block\");",
      "        yield \"z\";",
      "      }",
      "    });",
      "    int b = 1 + switch (k) {",
      "      case 1 -> await(got(log, \"b1\", 10));",
      "      case 2 -> 2 * await(got(log, \"b2\", 20));",
      "      default -> 100;",
      "    };",
      "    String c = g(switch (k) { case 1 -> await(got(log, \"c\", 5)) + 0; default -> 0; })",
      "        + \" \" + (k > 2 ? 0.5 : (double) switch (k) {",
      "          case 1 -> await(got(log, \"d\", 1));",
      "          default -> 2;",
      "        });",
      "    Size size = Size.values()[Math.min(k, 2)];",
      "    String e = t(log, \"e\", \"size \") + switch (await(got(log, \"sel\", size))) {",
      "      case S -> \"small\";",
      "      case M -> await(got(log, \"m\", \"medium\"));",
      "      case L -> throw new IllegalStateException(\"large\");",
      "    };",
      "    return done(a + \" \" + b + \" \" + c + \" \" + e);",
      "  }",
      "  @Async static Coroutine<String> nullSelector(List<String> log, int k) {",
      "    switch (k > 5 ? await(got(log, \"s\", (String) null)) : \"b\") {",
      "      case \"b\" -> log.add(\"b\");",
      "      default -> log.add(\"default\");",
      "    }",
      "    return done(\"end\");",
      "  }");

  @Test
  void aSelectorThatAwaitsInsideIsEvaluatedOnceThenDispatches() throws Throwable {
    assertThat(SNIPPET.run("selectors", 0)).containsExactly("base", "sel", "name", "day",
        "plus", "result one two monday ex");
    assertThat(SNIPPET.run("selectors", 1)).containsExactly("base", "sel", "name", "day",
        "plus", "result two tuesday ex");
    assertThat(SNIPPET.run("selectors", 5)).containsExactly("base", "sel", "name", "day",
        "plus", "result other later ex");
  }

  @Test
  void anArmOrYieldThatAwaitsInsideGivesTheSwitchItsValue() throws Throwable {
    assertThat(SNIPPET.run("arms", 0)).containsExactly("arm", "half", "result 11 0.5");
    assertThat(SNIPPET.run("arms", 1)).containsExactly("block", "y", "yield", "int",
        "result 6 7.0");
    assertThat(SNIPPET.run("arms", 2)).containsExactly("int", "result -1 7.0");
  }

  @Test
  void aSwitchExpressionThatAwaitsIsAnOperandAnywhere() throws Throwable {
    assertThat(SNIPPET.run("operands", 0)).containsExactly("k", "block", "f z", "e", "sel",
        "result f(z) 101 g(int) 2.0 size small");
    assertThat(SNIPPET.run("operands", 1)).containsExactly("k", "one", "f x", "b1", "c", "d",
        "e", "sel", "m", "result f(x) 11 g(int) 1.0 size medium");
    assertThat(SNIPPET.run("operands", 2)).containsExactly("k", "plain", "f y", "b2", "e",
        "sel", "threw java.lang.IllegalStateException: large");
  }

  @Test
  void aNullSelectorThrowsAfterItsAwait() throws Throwable {
    assertThat(SNIPPET.run("nullSelector", 9)).containsExactly("s",
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullSelector", 0)).containsExactly("b", "result end");
  }
}
