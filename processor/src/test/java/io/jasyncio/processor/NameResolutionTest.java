package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A body javac rejects for a name it cannot find gets an entry without a machine (see
 * {@code UndefinedNames}); these are the names javac does find, which the processor must not
 * take for undefined: whatever it withheld by mistake would be an error of its own.
 */
class NameResolutionTest {

  @Test
  void namesJavacFindsAreNotTakenForUndefined() throws Throwable {
    Compilation c = Snippets.compile(Snippets.source("demo.Kitchen",
        "package demo;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import java.util.function.*;",
        "import static io.jasyncio.Asyncio.*;",
        "import static java.lang.Math.*;",
        "public class Kitchen extends Base implements Sized {",
        "  static int sf = 2;",
        "  @Async <T extends Number> Coroutine<Integer> all(T n, Color c) {",
        "    await(sleep(0));",
        "    int total = BASE + inherited + baseCall() + sf + (int) PI + max(1, 2);",
        "    Function<Integer, Integer> twice = v -> v * 2;",
        "    total += twice.apply(1);",
        "    switch (c) { case RED: total += 1; break; default: total += 2; }",
        "    class Local { int get() { return 4; } }",
        "    total += new Local().get();",
        "    Object anon = new Object() {",
        "      @Override public String toString() { return \"x\" + hashCode(); }",
        "    };",
        "    total += anon.toString().startsWith(\"x\") ? 1 : 0;",
        "    total += new Member().v();",
        "    T same = n;",
        "    total += same.intValue();",
        "    List<String> list = new ArrayList<>();",
        "    total += list.size() + new StringBuilder().length();",
        "    return done(total + await(Nested.outer()));",
        "  }",
        "  static class Nested {",
        "    @Async static Coroutine<Integer> outer() {",
        "      await(sleep(0));",
        "      return done(sf * 10);",
        "    }",
        "  }",
        "}"),
        Snippets.source("demo.Sized", "package demo;", "interface Sized { int BASE = 100; }"),
        Snippets.source("demo.Color", "package demo;", "enum Color { RED, GREEN }"),
        Snippets.source("demo.Base", "package demo;",
            "class Base {",
            "  protected int inherited = 5;",
            "  static class Member { int v() { return 3; } }",
            "  int baseCall() { return 1; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    Class<?> color = Snippets.load(c).loadClass("demo.Color");
    Object red = color.getEnumConstants()[0];
    assertThat(LoopRun.instanceCall(c, "demo.AsyncKitchen", "all", 7, red).result())
        .isEqualTo(131 + 20);
  }

  /**
   * A type another processor generates in a later round ({@code Pantry}, here) is waited for,
   * as a type this processor generates is: it is no missing type.
   */
  @Test
  void aTypeAnotherProcessorGeneratesLaterIsWaitedFor() throws Throwable {
    Compilation c = javac()
        .withProcessors(new AsyncProcessor(), new PantryProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(Snippets.source("demo.Kitchen",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Kitchen {",
            "  @Async static Coroutine<Integer> count() {",
            "    await(sleep(0));",
            "    Object p = new Pantry();",
            "    return done(((Pantry) p).size());",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(LoopRun.staticCall(c, "demo.AsyncKitchen", "count").result()).isEqualTo(7);
  }

  /** Writes {@code demo.Pantry} in its first round, as Lombok or AutoValue write classes. */
  private static final class PantryProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("demo.Pantry").openWriter()) {
          out.write("package demo;\npublic class Pantry { public int size() { return 7; } }\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
