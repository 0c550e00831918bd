package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/AwaitOutsideAsync]}: an {@code await} where nothing can suspend, reported on
 * the {@code await} call.
 */
class AwaitOutsideAsyncTest {

  @Test
  void inAPlainMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static void boil() {",
        "    await(sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "await(sleep(1))", "await(");
  }

  @Test
  void inAConstructor() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  Kitchen() {",
        "    await(sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "await(sleep(1))", "await(");
  }

  @Test
  void inAFieldInitializer() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  Void ready = await(sleep(1));",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "Void ready", "await(");
  }

  @Test
  void inAStaticInitializerBlock() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static {",
        "    await(sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "await(sleep(1))", "await(");
  }

  @Test
  void inAnInstanceInitializerBlock() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  {",
        "    await(sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "await(sleep(1))", "await(");
  }

  @Test
  void inALambdaInsideAPlainMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static void boil() {",
        "    Runnable later = () -> await(sleep(1));",
        "    later.run();",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "Runnable later", "await(");
  }

  @Test
  void inACompilationWithoutAnyAsync() {
    CompiledSnippet s = CompiledSnippet.compileFile("Main",
        "package demo;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    await(sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "await(sleep(1))", "await(");
  }

  @Test
  void qualifiedAwaitIsRecognised() {
    CompiledSnippet s = CompiledSnippet.compileFile("Main",
        "package demo;",
        "import io.jasyncio.Asyncio;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    Asyncio.await(Asyncio.sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "Asyncio.await", "await(");
  }

  @Test
  void fullyQualifiedAwaitIsRecognised() {
    CompiledSnippet s = CompiledSnippet.compileFile("Main",
        "package demo;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    io.jasyncio.Asyncio.await(io.jasyncio.Asyncio.sleep(1));",
        "  }",
        "}");
    s.assertOnlyErrorAtCall("AwaitOutsideAsync", "Asyncio.await", "await(");
  }

  @Test
  void besideAValidAsyncMethodOnlyTheStrayAwaitIsReported() {
    // The stray await is not in the @Async method, so AsyncKitchen may still be written: javac
    // stops on the error anyway. Only the error is checked here.
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Void> boil() {",
        "    await(sleep(2));",
        "    return done();",
        "  }",
        "  public static void main(String[] args) {",
        "    await(AsyncKitchen.boil());",
        "  }",
        "}");
    assertThat(s.compilation()).hadErrorContaining("[jasyncio/AwaitOutsideAsync]")
        .inFile(s.file())
        .onLine(s.lineOf("await(AsyncKitchen.boil())"))
        .atColumn(s.columnOf("await(AsyncKitchen.boil())", "(AsyncKitchen"));
    assertThat(s.compilation()).hadErrorCount(1);
  }

  @Test
  void ownMethodNamedAwaitWithoutTheStaticImportIsNotReported() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.done;",
        "public class Kitchen {",
        "  static int await(int x) { return x; }",
        "  static int plain() { return await(3); }",
        "  @Async static Coroutine<Integer> boil() {",
        "    int y = await(3) + 1;",
        "    return done(y + await(plain()));",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void ownMethodNamedAwaitShadowingTheStaticImportIsNotReported() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static int await(int x) { return x; }",
        "  static int plain() { return await(3); }",
        "}");
    assertThat(s.compilation()).succeededWithoutWarnings();
  }

  @Test
  void ownMethodNamedAwaitShadowingTheStaticImportIsNotRewritten() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static int await(int x) { return x; }",
        "  @Async static Coroutine<Integer> boil() {",
        "    int y = await(3);",
        "    return done(y);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
