package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code ContextVar}: each task takes a copy of its creator's context, so values follow the work
 * into the tasks it starts and across awaits, and never leak back; as Python's contextvars.
 */
class ContextVarTest {

  @Test
  void eachTaskCopiesItsCreatorsContextAndNothingLeaksBack() throws Throwable {
    Compilation c = FlowSnippet.compile(
        "  static final ContextVar<String> REQUEST = new ContextVar<>(\"request\", \"none\");",
        "  @Async static Coroutine<String> child(List<String> log, String set) {",
        "    log.add(\"child sees \" + REQUEST.get());",
        "    await(sleep(1));",
        "    REQUEST.set(set);",
        "    await(sleep(1));",
        "    log.add(\"child now \" + REQUEST.get());",
        "    return done(REQUEST.get());",
        "  }",
        "  @Async static Coroutine<String> inline(List<String> log) {",
        "    log.add(\"inline sees \" + REQUEST.get());",
        "    REQUEST.set(\"set inline\");",
        "    return done(\"inline\");",
        "  }",
        "  @Async static Coroutine<String> parent(List<String> log) {",
        "    log.add(\"parent starts with \" + REQUEST.get());",
        "    var token = REQUEST.set(\"r1\");",
        "    List<String> got = await(gather(child(log, \"a\"), child(log, \"b\")));",
        "    log.add(\"parent after children \" + REQUEST.get() + \" \" + got);",
        "    await(inline(log));",
        "    log.add(\"parent after inline \" + REQUEST.get());",
        "    REQUEST.reset(token);",
        "    log.add(\"parent after reset \" + REQUEST.get());",
        "    try {",
        "      REQUEST.reset(token);",
        "    } catch (IllegalStateException e) {",
        "      log.add(\"reset twice: \" + e.getMessage().contains(\"already been used\"));",
        "    }",
        "    return done(new ContextVar<String>(\"unset\").get(\"fallback\"));",
        "  }");
    assertThat(FlowSnippet.trace(c, "parent")).containsExactly(
        "parent starts with none",
        "child sees r1", "child sees r1",
        "child now a", "child now b",
        "parent after children r1 [a, b]",
        "inline sees r1",
        "parent after inline set inline",
        "parent after reset none",
        "reset twice: true",
        "result fallback");
  }
}
