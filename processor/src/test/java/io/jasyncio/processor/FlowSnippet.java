package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;

/**
 * A class {@code demo.Flow} holding the given {@code @Async} methods and helpers they can await,
 * compiled with the processor; its methods run on a virtual-clock loop with a trace list.
 */
final class FlowSnippet {
  /** Helpers every snippet can await: values after a real suspension, or at once. */
  private static final String HELPERS = String.join("\n",
      "  @Async static Coroutine<Integer> slow(int v) { await(sleep(1)); return done(v); }",
      "  @Async static Coroutine<Integer> now(int v) { return done(v); }",
      "  @Async static Coroutine<Boolean> check(boolean b) { await(sleep(0)); return done(b); }");

  /** What comes before the body: the package, imports, the class's head and the helpers. */
  private static final String HEADER = String.join("\n",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import java.util.*;",
      "import static io.jasyncio.Asyncio.*;",
      "public class Flow {",
      "  static final boolean ALWAYS = true;",
      HELPERS);

  private FlowSnippet() {}

  /** The line of Flow.java that {@code body[index]} is on, once compiled. */
  static int lineOf(String[] body, int index) {
    return (int) HEADER.lines().count() + 1 + index;
  }

  /** Compiles {@code body} (members of {@code demo.Flow}); fails on any warning. */
  static Compilation compile(String... body) {
    return compile(List.of(), body);
  }

  /** The same, with javac options of the test's own. */
  static Compilation compile(List<String> options, String... body) {
    String source = String.join("\n", HEADER, String.join("\n", body), "}");
    Compilation c = Snippets.compile(options, Snippets.source("demo.Flow", source));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  /**
   * Runs the generated {@code method} with a fresh trace list as first argument; returns the
   * trace followed by {@code "result <value>"}.
   */
  static List<String> trace(Compilation c, String method, Object... args) throws Throwable {
    List<String> log = new ArrayList<>();
    Object[] all = new Object[args.length + 1];
    all[0] = log;
    System.arraycopy(args, 0, all, 1, args.length);
    Object result = LoopRun.staticCall(c, "demo.AsyncFlow", method, all).result();
    log.add("result " + result);
    return log;
  }
}
