package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.processor.Snippets;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A static {@code @Async} template called from code that is not rewritten would run the template,
 * which fails at its first await: the processor reports such calls where it can see them.
 */
class TemplateCallTest {

  @Test
  void unqualifiedCallFromAPlainMethodOfTheSameClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() { await(sleep(1)); return done(); }",
        "  public static void main(String[] args) {",
        "    run(boil());",
        "  }",
        "}");
    // The error is in plain code, so AsyncKitchen is still generated; javac stops anyway.
    assertThat(s.compilation()).hadErrorContaining("[jasyncio/TemplateCall]")
        .inFile(s.file())
        .onLine(s.lineOf("run(boil());"))
        .atColumn(s.columnOf("run(boil());", "boil(") + "boil".length());
    assertThat(s.compilation()).hadErrorCount(1);
  }

  @Test
  void anInheritedInstanceTemplateCalledFromASubclassRunsTheTemplate() {
    // Pot is in another package: no AsyncKitchen can run its body (it may use what only that
    // package sees), so a Kitchen's call of boil() runs the template.
    JavaFileObject pot = Snippets.source("demo.pots.Pot",
        "package demo.pots;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Pot {",
        "  @Async public Coroutine<String> boil() {",
        "    await(sleep(1));",
        "    return done(\"boiled\");",
        "  }",
        "}");
    java.util.List<String> lines = CompiledSnippet.withHeader(
        "public class Kitchen extends demo.pots.Pot {",
        "  void plain() {",
        "    boil();",
        "  }",
        "}");
    JavaFileObject file = Snippets.source("demo.Kitchen", lines.toArray(String[]::new));
    CompiledSnippet s = CompiledSnippet.of(lines, file, Snippets.compile(file, pot));
    assertThat(s.compilation()).hadErrorContaining("[jasyncio/TemplateCall]")
        .inFile(s.file())
        .onLine(s.lineOf("    boil();"))
        .atColumn(s.columnOf("    boil();", "boil(") + "boil".length());
    assertThat(s.compilation()).hadErrorCount(1);
  }

  @Test
  void anInheritedInstanceTemplateAwaitedInASubclassBodyIsRewrittenInTheSubclass() {
    // Kitchen has @Async methods of its own, so AsyncKitchen overrides boil() too
    // (InheritedAsyncTest runs it).
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "class Pot {",
        "  @Async Coroutine<String> boil() { await(sleep(1)); return done(\"boiled\"); }",
        "}",
        "public class Kitchen extends Pot {",
        "  @Async Coroutine<String> serve() {",
        "    return done(await(boil()) + \"!\");",
        "  }",
        "}");
    // (javac warns that AsyncPot uses the auxiliary class Pot outside its file, as it would
    // for any class of another file.)
    assertThat(s.compilation()).succeeded();
    assertThat(s.compilation()).generatedSourceFile("demo.AsyncKitchen");
  }


  @Test
  void aMethodReferenceInPlainCodeRunsTheTemplateToo() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> price(String item) { return done(item.length()); }",
        "  static Function<String, Coroutine<Integer>> pricing() {",
        "    return Kitchen::price;",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("[jasyncio/TemplateCall]")
        .inFile(s.file())
        .onLine(s.lineOf("return Kitchen::price;"))
        .atColumn(s.columnOf("return Kitchen::price;", "Kitchen::price"));
    assertThat(s.compilation()).hadErrorCount(1);
  }

  @Test
  void qualifiedCallFromAnotherClass() {
    JavaFileObject main = Snippets.source("demo.Main",
        "package demo;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    run(Kitchen.boil());",
        "  }",
        "}");
    Compilation c = Snippets.compile(
        Snippets.source("demo.Kitchen",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Kitchen {",
            "  @Async static Coroutine<Void> boil() { await(sleep(1)); return done(); }",
            "}"),
        main);
    assertThat(c).hadErrorContaining("[jasyncio/TemplateCall]")
        .inFile(main)
        .onLineContaining("run(Kitchen.boil());");
    assertThat(c).hadErrorContaining("AsyncKitchen.boil()"); // the method to call instead
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void qualifiedCallThroughAnOnDemandImportOfAnotherPackage() {
    JavaFileObject main = Snippets.source("app.Main",
        "package app;",
        "import demo.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    run(Kitchen.boil());",
        "  }",
        "}");
    Compilation c = Snippets.compile(
        Snippets.source("demo.Kitchen",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Kitchen {",
            "  @Async public static Coroutine<Void> boil() { await(sleep(1)); return done(); }",
            "}"),
        main);
    assertThat(c).hadErrorContaining("[jasyncio/TemplateCall]")
        .inFile(main)
        .onLineContaining("run(Kitchen.boil());");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void callsOfTheGeneratedMethodAndOfInstanceTemplatesAreFine() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() { await(sleep(1)); return done(); }",
        "  @Async Coroutine<Integer> twice(int x) { return done(2 * x); }",
        "  static int boil(int unrelatedOverload) { return unrelatedOverload; }",
        "  void plain() {",
        "    Object viaThis = twice(2);",
        "  }",
        "}");
    // (javac warns that AsyncPot uses the auxiliary class Pot outside its file, as it would
    // for any class of another file.)
    assertThat(s.compilation()).succeeded();
    assertThat(s.compilation()).generatedSourceFile("demo.AsyncKitchen");
  }

  @Test
  void aRecordsPlainMethodCallingItsOwnInstanceTemplate() {
    CompiledSnippet s = CompiledSnippet.compile("Point",
        "public record Point(int x, int y) {",
        "  @Async Coroutine<Integer> norm() { await(sleep(1)); return done(x * x + y * y); }",
        "  Object plain() {",
        "    return this.norm();",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("[jasyncio/TemplateCall] Point.norm() is an"
        + " @Async template and does not run by itself; call AsyncPoint.norm(this, ...) instead")
        .inFile(s.file())
        .onLine(s.lineOf("    return this.norm();"));
    assertThat(s.compilation()).hadErrorCount(1);
  }

  @Test
  void aBoundReferenceToARecordsInstanceTemplate() {
    CompiledSnippet s = CompiledSnippet.compile("Point",
        "public record Point(int x, int y) {",
        "  @Async Coroutine<Integer> norm() { await(sleep(1)); return done(x * x + y * y); }",
        "  @Async Coroutine<Integer> twice() {",
        "    Supplier<Coroutine<Integer>> n = this::norm;",
        "    return done(2 * await(n.get()));",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("TemplateCall", "this::norm");
  }

  /**
   * A record's instance {@code @Async} method called on a computed value whose arguments
   * await: the generated call takes the value first, before arguments that suspend.
   */
  @Test
  void aReceiverCallOnAComputedValueWithArgumentsThatAwait() {
    CompiledSnippet s = CompiledSnippet.compile("Point",
        "public record Point(int x, int y) {",
        "  static Point make() { return new Point(1, 2); }",
        "  @Async static Coroutine<Integer> f() { return done(3); }",
        "  @Async Coroutine<Integer> scaled(int k) {",
        "    await(sleep(1));",
        "    return done(x * k);",
        "  }",
        "  @Async static Coroutine<Integer> use() {",
        "    return done(await(make().scaled(await(f()))));",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("TemplateCall", "make().scaled(await(f()))");
    s.assertErrorMentions("AsyncPoint.scaled(make(), ...)");
  }
}
