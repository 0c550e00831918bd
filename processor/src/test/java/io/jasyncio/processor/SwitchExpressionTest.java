package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Switch expressions whose arms await, and switches (statements and expressions) whose selector
 * is {@code await(x)}: compiled with the processor, run on a virtual-clock loop, and traced. Each
 * expected trace is what the same body does as plain Java, each await yielding its value.
 */
class SwitchExpressionTest {

  private static final String MORE_HELPERS = String.join("\n",
      "  enum Dish { SOUP, BREAD, CAKE }",
      "  @Async static Coroutine<Dish> dish(int i) {",
      "    await(sleep(0));",
      "    return done(Dish.values()[i]);",
      "  }",
      "  @Async static Coroutine<String> text(String s) { await(sleep(1)); return done(s); }",
      "  @Async static Coroutine<Integer> fail(int v) throws java.io.IOException {",
      "    await(sleep(0));",
      "    if (v < 0) throw new java.io.IOException(\"negative \" + v);",
      "    return done(v);",
      "  }");

  private static Compilation compile(String... body) {
    List<String> all = new ArrayList<>(List.of(MORE_HELPERS));
    all.addAll(List.of(body));
    return FlowSnippet.compile(all.toArray(String[]::new));
  }

  @Test
  void arrowArmsAwaitYieldAndFallBackToPlainValues() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> price(List<String> log, int k) {",
        "    int base = 100;",
        "    int p = switch (k) {",
        "      case 1 -> await(slow(10));",
        "      case 2, 3 -> base + k;",
        "      case 4 -> {",
        "        log.add(\"four\");",
        "        int t = await(now(40));",
        "        yield t + 1;",
        "      }",
        "      case 5 -> {",
        "        if (base > 50) yield 55;",
        "        yield await(now(0));",
        "      }",
        "      case 6 -> {",
        "        int sum = 0;",
        "        for (int i = 0; i < 3; i++) {",
        "          int x = await(slow(i));",
        "          sum += x;",
        "        }",
        "        yield sum;",
        "      }",
        "      default -> {",
        "        if (k < 0) yield await(slow(-1));",
        "        yield 0;",
        "      }",
        "    };",
        "    log.add(\"p \" + p);",
        "    return done(p);",
        "  }");
    assertThat(FlowSnippet.trace(c, "price", 1)).containsExactly("p 10", "result 10");
    assertThat(FlowSnippet.trace(c, "price", 3)).containsExactly("p 103", "result 103");
    assertThat(FlowSnippet.trace(c, "price", 4)).containsExactly("four", "p 41", "result 41");
    assertThat(FlowSnippet.trace(c, "price", 5)).containsExactly("p 55", "result 55");
    assertThat(FlowSnippet.trace(c, "price", 6)).containsExactly("p 3", "result 3");
    assertThat(FlowSnippet.trace(c, "price", -5)).containsExactly("p -1", "result -1");
    assertThat(FlowSnippet.trace(c, "price", 9)).containsExactly("p 0", "result 0");
  }

  @Test
  void awaitedSelectorsOverEnumsAndStringsChooseTheirCase() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> order(List<String> log, int i) {",
        "    var cost = switch (await(dish(i))) {",
        "      case SOUP -> 3;",
        "      case BREAD -> await(now(1));",
        "      case CAKE -> {",
        "        log.add(\"cake\");",
        "        yield await(slow(5));",
        "      }",
        "    };",
        "    String word = switch (await(text(i == 0 ? \"a\" : \"b\"))) {",
        "      case \"a\" -> \"alpha\";",
        "      default -> \"other\";",
        "    };",
        "    log.add(cost + \" \" + word);",
        "    return done(word);",
        "  }");
    assertThat(FlowSnippet.trace(c, "order", 0)).containsExactly("3 alpha", "result alpha");
    assertThat(FlowSnippet.trace(c, "order", 1)).containsExactly("1 other", "result other");
    assertThat(FlowSnippet.trace(c, "order", 2))
        .containsExactly("cake", "5 other", "result other");
  }

  @Test
  void switchStatementWithAnAwaitedSelectorFallsThroughAndMissesAsJavaDoes() throws Throwable {
    Compilation c = compile(
        "  @SuppressWarnings(\"fallthrough\")",
        "  @Async static Coroutine<Integer> steps(List<String> log, int n) {",
        "    int total = 0;",
        "    switch (await(slow(n))) {",
        "      case 1:",
        "        total += 1;",
        "      case 2:",
        "        int x = await(now(10));",
        "        total += x;",
        "        break;",
        "      case 3:",
        "        log.add(\"three\");",
        "    }",
        "    switch (await(text(n == 1 ? \"one\" : \"?\"))) {",
        "      case \"one\" -> log.add(\"named one\");",
        "      default -> log.add(\"unnamed\");",
        "    }",
        "    return done(total);",
        "  }");
    assertThat(FlowSnippet.trace(c, "steps", 1)).containsExactly("named one", "result 11");
    assertThat(FlowSnippet.trace(c, "steps", 2)).containsExactly("unnamed", "result 10");
    assertThat(FlowSnippet.trace(c, "steps", 3)).containsExactly("three", "unnamed", "result 0");
    assertThat(FlowSnippet.trace(c, "steps", 7)).containsExactly("unnamed", "result 0");
  }

  @Test
  void colonFormSwitchExpressionYieldsAndFallsThroughIntoAnExistingLocal() throws Throwable {
    Compilation c = compile(
        "  @SuppressWarnings(\"fallthrough\")",
        "  @Async static Coroutine<Integer> old(List<String> log, int k) {",
        "    int r;",
        "    r = switch (k) {",
        "      case 0:",
        "        log.add(\"zero\");",
        "      case 1:",
        "        int a = await(slow(k + 1));",
        "        yield a * 10;",
        "      default:",
        "        yield await(now(-1));",
        "    };",
        "    return done(r);",
        "  }");
    assertThat(FlowSnippet.trace(c, "old", 0)).containsExactly("zero", "result 10");
    assertThat(FlowSnippet.trace(c, "old", 1)).containsExactly("result 20");
    assertThat(FlowSnippet.trace(c, "old", 5)).containsExactly("result -1");
  }

  @Test
  void returnDoneOfASwitchExpressionRunsEveryFinallyInOrder() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> ret(List<String> log, int k) {",
        "    try {",
        "      return done(switch (k) {",
        "        case 1 -> {",
        "          try {",
        "            String s = await(text(\"one\"));",
        "            yield s;",
        "          } finally {",
        "            log.add(\"inner finally\");",
        "          }",
        "        }",
        "        case 2 -> switch (await(slow(k))) {",
        "          case 2 -> await(text(\"two\"));",
        "          default -> \"no\";",
        "        };",
        "        default -> \"many\";",
        "      });",
        "    } finally {",
        "      log.add(\"outer finally\");",
        "    }",
        "  }");
    assertThat(FlowSnippet.trace(c, "ret", 1))
        .containsExactly("inner finally", "outer finally", "result one");
    assertThat(FlowSnippet.trace(c, "ret", 2)).containsExactly("outer finally", "result two");
    assertThat(FlowSnippet.trace(c, "ret", 3)).containsExactly("outer finally", "result many");
  }

  @Test
  void exceptionsFromAnArmReachTheCatchAroundTheSwitchAndLeaveTheTargetAlone()
      throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> guarded(List<String> log, int k) {",
        "    int r = 7;",
        "    try {",
        "      r = switch (k) {",
        "        case 0 -> await(fail(-1));",
        "        default -> await(fail(k));",
        "      };",
        "    } catch (java.io.IOException e) {",
        "      log.add(\"caught \" + e.getMessage());",
        "    }",
        "    return done(r);",
        "  }");
    assertThat(FlowSnippet.trace(c, "guarded", 0)).containsExactly("caught negative -1", "result 7");
    assertThat(FlowSnippet.trace(c, "guarded", 3)).containsExactly("result 3");
  }

  @Test
  void aNullAwaitedSelectorThrowsNullPointerExceptionAsJavaDoes() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> nothing() { await(sleep(0)); return done(null); }",
        "  @Async static Coroutine<Integer> onNull(List<String> log) {",
        "    int n = switch (await(nothing())) {",
        "      case \"x\" -> 1;",
        "      default -> 2;",
        "    };",
        "    return done(n);",
        "  }");
    assertThatThrownBy(() -> FlowSnippet.trace(c, "onNull"))
        .isInstanceOf(NullPointerException.class);
  }
}
