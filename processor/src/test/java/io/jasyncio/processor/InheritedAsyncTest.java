package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import org.junit.jupiter.api.Test;

/**
 * A subclass (with {@code @Async} methods of its own or not) inherits its superclass's instance
 * {@code @Async} methods rewritten: {@code AsyncSub} overrides each with a machine of the
 * superclass's body run on the subclass's instance, so calls from the subclass's bodies and
 * plain methods dispatch to the rewritten method, and the body's own calls dispatch as Java's do.
 */
class InheritedAsyncTest {

  private static Compilation compile() {
    Compilation c = Snippets.compile(
        Snippets.source("demo.Base",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import java.util.concurrent.atomic.AtomicInteger;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Base {",
            "  final AtomicInteger calls = new AtomicInteger();",
            "  private int secret = 5;",
            "  int bonus() { return 2; }",
            "  @Async Coroutine<Integer> hello(int x) {",
            "    calls.incrementAndGet();",
            "    await(sleep(1));",
            "    return done(x + secret + bonus());",
            "  }",
            "  @Async Coroutine<Integer> helloTwice(int x) {",
            "    return done(await(hello(x)) + await(this.hello(x)));",
            "  }",
            "}"),
        Snippets.source("demo.Sub",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Sub extends Base {",
            "  @Override int bonus() { return 20; }",
            "  @Async Coroutine<String> greet() {",
            "    int h = await(hello(1));",
            "    int both = await(helloTwice(2));",
            "    return done(h + \" \" + both + \" \" + calls.get());",
            "  }",
            "  Coroutine<Integer> plain() { return hello(3); }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  @Test
  void theSubclassRunsTheInheritedBodiesRewrittenOnItsOwnInstance() throws Throwable {
    Compilation c = compile();
    LoopRun run = LoopRun.instanceCall(c, "demo.AsyncSub", "greet");
    // hello(1) = 1 + 5 + 20; helloTwice(2) = 2 * (2 + 5 + 20); three calls of hello.
    assertThat(run.result()).isEqualTo("26 54 3");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void aPlainMethodOfTheSubclassReachesTheRewrittenMethod() throws Throwable {
    ClassLoader loader = Snippets.load(compile());
    java.lang.reflect.Constructor<?> make =
        loader.loadClass("demo.AsyncSub").getDeclaredConstructor();
    make.setAccessible(true);
    Object sub = make.newInstance();
    java.lang.reflect.Method plain = loader.loadClass("demo.Sub").getDeclaredMethod("plain");
    plain.setAccessible(true);
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      assertThat(loop.runUntilComplete((Coroutine<?>) plain.invoke(sub))).isEqualTo(28);
    } finally {
      loop.close();
    }
  }

  /**
   * A subclass with no {@code @Async} method of its own gets {@code AsyncSub} too, overriding
   * what it inherits: {@code new AsyncPlainSub().hello(1)} runs the rewritten body, with the
   * subclass's overrides, and the subclass's plain code may call it.
   */
  @Test
  void aSubclassWithNoAsyncMethodOfItsOwnGetsTheInheritedOnesRewritten() throws Throwable {
    Compilation c = Snippets.compile(
        Snippets.source("demo.Base",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Base {",
            "  int bonus() { return 2; }",
            "  @Async Coroutine<Integer> hello(int x) {",
            "    await(sleep(1));",
            "    return done(x + bonus());",
            "  }",
            "}"),
        Snippets.source("demo.PlainSub",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "public class PlainSub extends Base {",
            "  @Override int bonus() { return 20; }",
            "  Coroutine<Integer> plain() { return hello(3); }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    LoopRun run = LoopRun.instanceCall(c, "demo.AsyncPlainSub", "hello", 1);
    assertThat(run.result()).isEqualTo(21);
    assertThat(run.time()).isEqualTo(1.0);
  }

  /** A class of the build already named as the generated class would be is left alone. */
  @Test
  void aSubclassWhoseGeneratedNameIsTakenIsLeftAlone() {
    Compilation c = Snippets.compile(
        Snippets.source("demo.Base",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Base {",
            "  @Async Coroutine<Integer> hello(int x) { await(sleep(1)); return done(x); }",
            "}"),
        Snippets.source("demo.PlainSub",
            "package demo;",
            "public class PlainSub extends Base {}"),
        Snippets.source("demo.AsyncPlainSub",
            "package demo;",
            "public class AsyncPlainSub {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("demo.AsyncBase");
  }
}
