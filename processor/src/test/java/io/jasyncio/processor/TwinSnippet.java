package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The same members compiled twice: as {@code demo.Flow}, whose {@code @Async} methods the
 * processor rewrites, and as the plain Java class {@code demo.Plain}, where each
 * {@code @Async static Coroutine<T> m(...)} is {@code static T m(...)}, {@code await(x)} and
 * {@code done(x)} are the identity {@code <T> T await(T x)} (typed as the real {@code await} is)
 * and {@code sleep} does nothing. javac is the oracle: a body run both ways must leave the same
 * trace, the same result or the same exception.
 */
final class TwinSnippet {
  /** What both classes declare before the snippet's members. */
  private static final String HEADER = String.join("\n",
      "package demo;",
      "import java.util.*;",
      "import java.util.function.*;");

  /** The plain stand-ins for the asyncio functions the snippets use. */
  private static final String PLAIN_ASYNCIO = String.join("\n",
      "  static <T> T await(T x) { return x; }",
      "  static <T> T done(T x) { return x; }",
      "  static Object sleep(double seconds) { return null; }");

  /**
   * Helpers for traces: {@code t(log, "a", v)} logs "a" and gives {@code v}; {@code got(log,
   * "b", v)} logs "b", suspends and gives {@code v} (in the plain twin it gives it at once).
   */
  static final String TRACERS = String.join("\n",
      "  static <T> T t(List<String> log, String label, T value) {",
      "    log.add(label);",
      "    return value;",
      "  }",
      "  @Async static <T> Coroutine<T> got(List<String> log, String label, T value) {",
      "    log.add(label);",
      "    await(sleep(1));",
      "    return done(value);",
      "  }");

  private final Compilation compilation;

  private TwinSnippet(Compilation compilation) {
    this.compilation = compilation;
  }

  /** Compiles {@code members} both ways; fails on any error or warning. */
  static TwinSnippet compile(String... members) {
    String body = String.join("\n", members);
    String async = String.join("\n", HEADER,
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Flow {",
        body,
        "}");
    String plain = String.join("\n", HEADER,
        "public class Plain {",
        PLAIN_ASYNCIO,
        body.replaceAll("@Async\\s+static\\s+(<[^>]*>\\s+)?Coroutine<(.*)>\\s+(\\w+)\\(",
            "static $1$2 $3("),
        "}");
    Compilation c = Snippets.compile(Snippets.source("demo.Flow", async),
        Snippets.source("demo.Plain", plain));
    assertThat(c).succeededWithoutWarnings();
    return new TwinSnippet(c);
  }

  /** The generated source, for a failure message. */
  String generated() {
    return Snippets.generatedSource(compilation, "demo.AsyncFlow");
  }

  /**
   * Runs {@code method} both ways with a fresh trace list as its first argument and
   * {@code args} after it, assertions on as the JVM has them; asserts both traces are equal and
   * returns the trace, ending in {@code "result <value>"} or {@code "threw <class>: <message>"}.
   */
  List<String> run(String method, Object... args) throws Throwable {
    return run(true, method, args);
  }

  /** Which assertions are on in the classes a run loads. */
  enum Assertions {
    /** On in every class. */
    ON,
    /** Off in every class. */
    OFF,
    /**
     * On only in the template and its plain twin, by class name (as {@code -ea:demo.Flow}
     * does); off in the generated {@code demo.AsyncFlow}.
     */
    TEMPLATE_ONLY
  }

  /** {@link #run}, with assertions of the loaded classes on or off. */
  List<String> run(boolean assertions, String method, Object... args) throws Throwable {
    return run(assertions ? Assertions.ON : Assertions.OFF, method, args);
  }

  /** {@link #run}, with the given classes' assertions on. */
  List<String> run(Assertions assertions, String method, Object... args) throws Throwable {
    List<String> plain = trace(assertions, "demo.Plain", method, args, false);
    List<String> async = trace(assertions, "demo.AsyncFlow", method, args, true);
    assertThat(async).as("%s(%s), assertions %s, against plain Java; generated:%n%s", method,
        Arrays.toString(args), assertions, generated())
        .containsExactlyElementsOf(plain);
    return async;
  }

  private List<String> trace(Assertions assertions, String className, String method,
      Object[] args, boolean onLoop) throws Throwable {
    ClassLoader loader = Snippets.loadFresh(compilation);
    loader.setDefaultAssertionStatus(assertions == Assertions.ON);
    if (assertions == Assertions.TEMPLATE_ONLY) {
      loader.setClassAssertionStatus("demo.Flow", true);
      loader.setClassAssertionStatus("demo.Plain", true);
    }
    List<String> log = new ArrayList<>();
    Object[] all = new Object[args.length + 1];
    all[0] = log;
    System.arraycopy(args, 0, all, 1, args.length);
    try {
      Object result = Snippets.callStatic(loader, className, method, all);
      if (onLoop) {
        EventLoop loop = EventLoop.create(new VirtualClock());
        try {
          result = loop.runUntilComplete((Coroutine<?>) result);
        } finally {
          loop.close();
        }
      }
      log.add("result " + result);
    } catch (RuntimeException | Error e) {
      // A NullPointerException's helpful message names the variable, which the machine
      // names otherwise: only its class is compared.
      log.add("threw " + e.getClass().getName()
          + (e instanceof NullPointerException ? "" : ": " + e.getMessage())
          + (e.getCause() == null ? "" : " caused by " + e.getCause()));
    }
    return log;
  }

}
