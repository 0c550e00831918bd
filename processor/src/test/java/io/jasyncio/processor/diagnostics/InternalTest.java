package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/Internal]}: an unexpected exception while rewriting a method becomes one error
 * on that method, never a crash of javac, and nothing is generated for its class.
 *
 * <p>Each test is a real input that still ends in an internal error: code javac itself rejects,
 * which jasyncio rewrites before javac gets to say so. They witness the safety net, not the
 * intended behaviour; once one becomes a proper error (javac's own, or a jasyncio tag), move its
 * test to that diagnostic and keep here an input that still reaches the net, if any remains.
 */
class InternalTest {

  @Test
  void awaitWithNoArgument() {
    // No await() without an argument exists; the rewriting looks for the awaited expression.
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    await();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("Internal", "Coroutine<Void> boil()", "boil()");
  }

  @Test
  void unqualifiedYieldOutsideASwitch() {
    // javac parses yield(1); as a yield statement, which belongs in a switch expression; the
    // rewriting looks for that switch.
    CompiledSnippet s = CompiledSnippet.compile("Counter",
        "import io.jasyncio.Generator;",
        "public class Counter {",
        "  @Async static Generator<Integer> count() {",
        "    yield(1);",
        "    return null;",
        "  }",
        "}");
    s.assertOnlyError("Internal", "Generator<Integer> count()", "count()");
  }
}
