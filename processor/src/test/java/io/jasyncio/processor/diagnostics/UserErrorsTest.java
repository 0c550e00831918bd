package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An error in the user's own code is javac's error, reported once where the user wrote it:
 * jasyncio adds none of its own, and none appears inside generated code or where the generated
 * class is used. A type in a signature that javac cannot resolve (ambiguous between two
 * on-demand imports, or missing) means nothing is generated; a body javac rejects (a missing
 * type, an undefined name, {@code await(5)}, {@code return 2 * x;}) gets an entry without a
 * machine. A local of such a type
 * that lives across an await ended in {@code [jasyncio/Internal]}, then in a misleading
 * {@code [jasyncio/NonDenotableType]}.
 */
class UserErrorsTest {

  @Test
  void aTypeAmbiguousBetweenTwoOnDemandImportsIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count() {",
        "    Queue<Integer> q = new ArrayDeque<>();",
        "    await(sleep(0));",
        "    return done(q.size());",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(); }",
        "}");
    assertOnlyJavacsError(s, "reference to Queue is ambiguous", "Queue<Integer> q");
  }

  @Test
  void aMissingTypeIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count() {",
        "    var q = new Pantry();",
        "    await(sleep(0));",
        "    return done(q.hashCode());",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "new Pantry()");
  }

  @Test
  void aMissingTypeNotLivingAcrossAnAwaitIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count() {",
        "    await(sleep(0));",
        "    Object q = (Pantry) null;",
        "    return done(q.hashCode());",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "(Pantry) null");
  }

  @Test
  void anUndefinedVariableIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  int count;",
        "  @Async Coroutine<Integer> twice(int x) {",
        "    await(sleep(1));",
        "    int y = cont + x;",
        "    return done(2 * y);",
        "  }",
        "  static Coroutine<Integer> use() { return new AsyncKitchen().twice(2); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "cont + x");
  }

  @Test
  void anUndefinedMethodIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> twice(int x) {",
        "    await(sleep(1));",
        "    return done(2 * undefinedCall(x));",
        "  }",
        "  @Async static Coroutine<Integer> fine() {",
        "    return done(await(twice(2)));",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.twice(2); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "undefinedCall(x)");
  }

  @Test
  void aMisspelledMethodOfAKnownValueIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count(List<Integer> list, StringBuilder sb) {",
        "    await(sleep(1));",
        "    return done(list.sise() + sb.length());",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(null, null); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "list.sise()");
  }

  @Test
  void aMisspelledMethodOfAnElementOfAGenericListIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> count(List<String> names) {",
        "    await(sleep(1));",
        "    return done(names.get(0).lenght());",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(null); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "names.get(0).lenght()");
  }

  @Test
  void aMisspelledFieldOfAKnownValueIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  int total;",
        "  @Async static Coroutine<Integer> count(Kitchen other) {",
        "    await(sleep(1));",
        "    return done(other.totl);",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(null); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "other.totl");
  }

  @Test
  void aCallWithAnArgumentCountNoOverloadTakesIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static int fee(int x) { return x; }",
        "  static int fee(int x, int y) { return x + y; }",
        "  @Async static Coroutine<Integer> count() {",
        "    await(sleep(1));",
        "    return done(fee(1, 2, 3));",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.count(); }",
        "}");
    assertOnlyJavacsError(s, "no suitable method found for fee", "fee(1, 2, 3)");
  }

  @Test
  void anUndefinedNameInARecordsMethodIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Point",
        "public record Point(int x, int y) {",
        "  @Async Coroutine<Integer> norm() {",
        "    await(sleep(1));",
        "    return done(x * x + z);",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncPoint.norm(new Point(1, 2)); }",
        "}");
    assertOnlyJavacsError(s, "cannot find symbol", "x * x + z");
  }

  @Test
  void aTypeAmbiguousInTheSignatureIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> consume(Queue<Integer> q) {",
        "    return done(await(q.get()));",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("reference to Queue is ambiguous")
        .inFile(s.compilation().sourceFiles().get(0)).onLine(7);
    assertThat(s.compilation()).hadErrorCount(1);
    s.assertNothingGenerated();
  }

  @Test
  void returningANumberFromACoroutineIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> twice(int x) {",
        "    await(sleep(1));",
        "    return 2 * x;",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.twice(2); }",
        "}");
    assertOnlyJavacsError(s, "incompatible types", "return 2 * x;");
  }

  @Test
  void awaitingANumberIsOnlyJavacsError() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> five() {",
        "    int v = await(5);",
        "    return done(v);",
        "  }",
        "  static Coroutine<Integer> use() { return AsyncKitchen.five(); }",
        "}");
    assertOnlyJavacsError(s, "no suitable method found for await(int)", "await(5)");
  }

  /**
   * javac's error, on the line holding {@code lineText} of the user's file, is the only one:
   * the generated class declares the method's entry (so code calling it compiles) but no
   * machine repeating the error.
   */
  private static void assertOnlyJavacsError(CompiledSnippet s, String error, String lineText) {
    assertThat(s.compilation()).hadErrorContaining(error)
        .inFile(s.compilation().sourceFiles().get(0)).onLine(s.lineOf(lineText));
    assertThat(s.compilation()).hadErrorCount(1);
  }
}
