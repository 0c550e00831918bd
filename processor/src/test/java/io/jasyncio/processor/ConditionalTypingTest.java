package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conditionals with awaited operands are typed as Java types them: {@code await} is the generic
 * {@code <T> T await(Awaitable<T>)}, so {@code flag ? await(ints()) : await(doubles())} is a
 * reference conditional (JLS 15.25) whose value is the Integer or the Double, never widened.
 *
 * <p>The oracle is javac itself: each conditional of the matrix is written once with real
 * awaits and once as plain Java where {@code await(ai(1))} becomes {@code v(pi(1))}, with
 * {@code v} the generic identity {@code <T> T v(T x)}, typed exactly as the await is. Both run
 * in every target context where the plain version compiles, with the condition true and false,
 * and must log the same.
 */
class ConditionalTypingTest {

  /** An operand or condition as the {@code @Async} version and as the plain twin write it. */
  private record Operand(String async, String plain) {
    static Operand awaited(String helper, String value) {
      return new Operand("await(a" + helper + "(" + value + "))",
          "v(p" + helper + "(" + value + "))");
    }

    static Operand plain(String text) {
      return new Operand(text, text);
    }
  }

  /** Awaited values of each boxed type, and a null Integer. */
  private static final List<Operand> AWAITED = List.of(
      Operand.awaited("i", "1"),
      Operand.awaited("i", "null"),
      Operand.awaited("d", "2.5"),
      Operand.awaited("l", "3L"),
      Operand.awaited("c", "'a'"),
      Operand.awaited("b", "true"),
      Operand.awaited("s", "\"s\""));

  /** Operands that do not await: primitive literals, null, and boxed values. */
  private static final List<Operand> PLAIN = List.of(
      Operand.plain("5"),
      Operand.plain("6L"),
      Operand.plain("'b'"),
      Operand.plain("false"),
      Operand.plain("null"),
      Operand.plain("Integer.valueOf(8)"),
      Operand.plain("nothing()"));

  /**
   * Awaiting operands that are more than an await: an int, a Character from a method that
   * returns one (a numeric operand, unlike a generic call), a long, a concatenation, and nested
   * conditionals, a numeric one and a reference one.
   */
  private static final List<Operand> COMPOUND = List.of(
      new Operand("await(ai(1)) + 1", "v(pi(1)) + 1"),
      new Operand("Character.valueOf(await(ac('a')))", "Character.valueOf(v(pc('a')))"),
      new Operand("await(al(3L)).longValue()", "v(pl(3L)).longValue()"),
      new Operand("await(ai(4)) + \"!\"", "v(pi(4)) + \"!\""),
      new Operand("(!c ? 'n' : await(ai(1)) + 1)", "(!c ? 'n' : v(pi(1)) + 1)"),
      new Operand("(!c ? 'n' : await(ac('a')))", "(!c ? 'n' : v(pc('a')))"));

  private static final Operand CONDITION = Operand.plain("c");
  private static final Operand AWAITED_CONDITION = Operand.awaited("b", "c");

  /**
   * The target contexts, one statement each, {@code %s} standing for the conditional. Each logs
   * what it saw in a way that tells the types apart ({@code d} adds the class).
   */
  private static final List<String> CONTEXTS = List.of(
      "Object o = %s; log.add(d(o));",
      "log.add(\"\" + (%s));",
      "say(log, %s);",
      "int i = %s; log.add(\"int \" + i);",
      "long l = %s; log.add(\"long \" + l);",
      "Integer boxed = %s; log.add(d(boxed));");

  private static final String HELPERS = String.join("\n",
      "  static <T> T v(T x) { return x; }",
      "  static Integer nothing() { return null; }",
      "  static String d(Object o) {",
      "    return o == null ? \"null\" : o.getClass().getSimpleName() + \" \" + o;",
      "  }",
      "  static void say(List<String> log, boolean x) { log.add(\"say(boolean) \" + x); }",
      "  static void say(List<String> log, char x) { log.add(\"say(char) \" + x); }",
      "  static void say(List<String> log, int x) { log.add(\"say(int) \" + x); }",
      "  static void say(List<String> log, long x) { log.add(\"say(long) \" + x); }",
      "  static void say(List<String> log, double x) { log.add(\"say(double) \" + x); }",
      "  static void say(List<String> log, String x) { log.add(\"say(String) \" + x); }",
      "  static void say(List<String> log, Object x) { log.add(\"say(Object) \" + d(x)); }",
      helpers("i", "Integer"),
      helpers("d", "Double"),
      helpers("l", "Long"),
      helpers("c", "Character"),
      helpers("b", "Boolean"),
      helpers("s", "String"));

  /** {@code aX}, which suspends and then yields its argument, and its plain twin {@code pX}. */
  private static String helpers(String suffix, String type) {
    return "  @Async static Coroutine<" + type + "> a" + suffix + "(" + type + " x) {\n"
        + "    await(sleep(1));\n"
        + "    return done(x);\n"
        + "  }\n"
        + "  static " + type + " p" + suffix + "(" + type + " x) { return x; }";
  }

  /** The conditionals of the matrix, as {@code cond ? a : b} operand triples. */
  private static List<Operand[]> conditionals() {
    List<Operand[]> out = new ArrayList<>();
    for (int i = 0; i < AWAITED.size(); i++) {
      Operand a = AWAITED.get(i);
      for (Operand p : PLAIN) {
        out.add(new Operand[] {CONDITION, a, p});
      }
      // The other way round for an Integer and a Character.
      if (i == 0 || i == 4) {
        for (Operand p : PLAIN) {
          out.add(new Operand[] {CONDITION, p, a});
        }
      }
      for (Operand b : AWAITED.subList(i == 0 ? 0 : i + 1, AWAITED.size())) {
        out.add(new Operand[] {CONDITION, a, b});
      }
    }
    for (int i = 0; i < COMPOUND.size(); i++) {
      for (Operand p : PLAIN) {
        out.add(new Operand[] {CONDITION, COMPOUND.get(i), p});
      }
      out.add(new Operand[] {CONDITION, AWAITED.get(i), COMPOUND.get(i)});
      out.add(new Operand[] {CONDITION, COMPOUND.get(i), COMPOUND.get((i + 1) % COMPOUND.size())});
    }
    // Only the condition awaits; then it and a branch.
    for (int i = 0; i < PLAIN.size(); i++) {
      out.add(new Operand[] {AWAITED_CONDITION, PLAIN.get(i), PLAIN.get((i + 1) % PLAIN.size())});
      if (i % 2 == 0) {
        out.add(new Operand[] {AWAITED_CONDITION, AWAITED.get(i), PLAIN.get(i)});
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> conditionalsWithAwaitedOperandsAreTypedAsJavaTypesThem() {
    List<Operand[]> conditionals = conditionals();
    Set<Integer> invalid = invalidStatements(conditionals);
    Compilation c = Snippets.compile(sources(conditionals, invalid, true));
    assertThat(c).succeededWithoutWarnings();
    List<DynamicTest> tests = new ArrayList<>();
    for (int m = 0; m < conditionals.size(); m++) {
      int method = m;
      String shown = text(conditionals.get(m), true);
      tests.add(DynamicTest.dynamicTest(shown, () -> {
        for (boolean flag : new boolean[] {true, false}) {
          List<String> plain = new ArrayList<>();
          Snippets.callStatic(Snippets.load(c), "demo." + className(method), "g" + method,
              plain, flag);
          List<String> async = new ArrayList<>();
          LoopRun.staticCall(c, "demo.Async" + className(method), "f" + method, async, flag);
          assertThat(async).as("%s with c = %s", shown, flag).containsExactlyElementsOf(plain);
        }
      }));
    }
    return tests.stream();
  }

  /** {@code cond ? a : b} as one version writes it. */
  private static String text(Operand[] c, boolean async) {
    return async ? c[0].async() + " ? " + c[1].async() + " : " + c[2].async()
        : c[0].plain() + " ? " + c[1].plain() + " : " + c[2].plain();
  }

  /** Conditionals per class: the processor's work grows faster than a class's size. */
  private static final int PER_CLASS = 12;

  private static String className(int method) {
    return "Typing" + method / PER_CLASS;
  }

  /**
   * The classes: each with the helpers, then per conditional an {@code fN} with awaits and its
   * plain twin {@code gN}, each statement numbered {@code N * CONTEXTS + context} on a line of
   * its own, in a block, or where a null may be unboxed in a try that logs the exception, so
   * that the next statement still runs.
   */
  private static JavaFileObject[] sources(List<Operand[]> conditionals, Set<Integer> left,
      boolean async) {
    List<JavaFileObject> out = new ArrayList<>();
    for (int first = 0; first < conditionals.size(); first += PER_CLASS) {
      StringBuilder s = new StringBuilder(String.join("\n",
          "package demo;",
          "import io.jasyncio.*;",
          "import io.jasyncio.annotations.Async;",
          "import java.util.*;",
          "import static io.jasyncio.Asyncio.*;",
          "public class " + className(first) + " {",
          HELPERS,
          ""));
      for (int m = first; m < Math.min(first + PER_CLASS, conditionals.size()); m++) {
        if (async) {
          s.append(method(m, conditionals.get(m), left, true));
        }
        s.append(method(m, conditionals.get(m), left, false));
      }
      out.add(JavaFileObjects.forSourceString("demo." + className(first),
          s.append("}\n").toString()));
    }
    return out.toArray(JavaFileObject[]::new);
  }

  private static String method(int m, Operand[] conditional, Set<Integer> left, boolean async) {
    StringBuilder s = new StringBuilder(async
        ? "  @Async static Coroutine<Void> f" + m + "(List<String> log, boolean c) {\n"
        : "  static void g" + m + "(List<String> log, boolean c) {\n");
    for (int k = 0; k < CONTEXTS.size(); k++) {
      if (left.contains(m * CONTEXTS.size() + k)) {
        continue;
      }
      String statement = CONTEXTS.get(k).replace("%s", text(conditional, async));
      // Only a null can throw (when unboxed); a try splits the machine, so only then.
      boolean mayThrow = text(conditional, false).contains("null")
          || text(conditional, false).contains("nothing()");
      s.append(mayThrow ? "    try { " : "    { ").append(statement).append(mayThrow
          ? " } catch (RuntimeException e) { log.add(e.getClass().getSimpleName()); }\n"
          : " }\n");
    }
    return s.append(async ? "    return done(null);\n  }\n" : "  }\n").toString();
  }

  /**
   * The numbers of the statements whose plain version javac rejects or warns on, found by
   * compiling the plain twins alone, one statement a line, until they compile cleanly.
   */
  private static Set<Integer> invalidStatements(List<Operand[]> conditionals) {
    Set<Integer> invalid = new HashSet<>();
    for (int round = 0; round < 4; round++) {
      JavaFileObject[] sources = sources(conditionals, invalid, false);
      Compilation plain = javac().withOptions("-Xlint:all,-processing", "-proc:none",
          "-Xmaxerrs", "100000", "-Xmaxwarns", "100000").compile(sources);
      Set<Integer> found = new HashSet<>();
      for (Diagnostic<? extends JavaFileObject> d : plain.diagnostics()) {
        if (d.getKind() != Diagnostic.Kind.NOTE && d.getSource() != null) {
          found.add(statementAt(text(d.getSource()), (int) d.getLineNumber(), invalid));
        }
      }
      if (found.isEmpty()) {
        return invalid;
      }
      invalid.addAll(found);
    }
    throw new AssertionError("the plain twins do not compile cleanly: " + invalid.size());
  }

  private static String[] text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString().split("\n", -1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The number of the statement on 1-based {@code line} of a plain-only source. */
  private static int statementAt(String[] text, int line, Set<Integer> left) {
    int method = -1;
    int context = -1;
    for (int i = 0; i < line; i++) {
      if (text[i].startsWith("  static void g")) {
        method = Integer.parseInt(text[i].substring("  static void g".length(),
            text[i].indexOf('(')));
        context = -1;
      } else if (method >= 0 && (text[i].startsWith("    try {")
          || text[i].startsWith("    { "))) {
        do {
          context++;
        } while (left.contains(method * CONTEXTS.size() + context));
      }
    }
    if (method < 0 || context < 0) {
      throw new AssertionError("a diagnostic outside the statements, line " + line + ": "
          + text[line - 1]);
    }
    return method * CONTEXTS.size() + context;
  }
}
