package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Static {@code @Async} methods of every kind of class: an interface, a record, an enum, a
 * generic class with a generic method, each rewritten into its {@code AsyncX} and run.
 */
class ClassShapesTest {

  @Test
  void staticAsyncMethodsOfInterfacesRecordsEnumsAndGenericClassesRun() throws Throwable {
    Compilation c = Snippets.compile(
        Snippets.source("demo.Service",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public interface Service {",
            "  @Async static Coroutine<String> ping(String s) {",
            "    await(sleep(1));",
            "    return done(\"pong \" + s);",
            "  }",
            "}"),
        Snippets.source("demo.Point",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public record Point(int x, int y) {",
            "  @Async static Coroutine<Integer> norm(Point p) {",
            "    await(sleep(1));",
            "    return done(p.x() * p.x() + p.y() * p.y());",
            "  }",
            "}"),
        Snippets.source("demo.Color",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import static io.jasyncio.Asyncio.*;",
            "public enum Color {",
            "  RED, GREEN;",
            "  @Async static Coroutine<String> lower(Color c) {",
            "    await(sleep(1));",
            "    return done(c.name().toLowerCase() + \" \" + values().length);",
            "  }",
            "}"),
        Snippets.source("demo.Box",
            "package demo;",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import java.util.*;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Box<T> {",
            "  final T value;",
            "  Box(T value) { this.value = value; }",
            "  @Async static <U extends Comparable<U>> Coroutine<Box<U>> max(List<U> all) {",
            "    await(sleep(1));",
            "    return done(new Box<>(Collections.max(all)));",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(LoopRun.staticCall(c, "demo.AsyncService", "ping", "x").result())
        .isEqualTo("pong x");
    Object point = Snippets.load(c).loadClass("demo.Point")
        .getDeclaredConstructor(int.class, int.class).newInstance(3, 4);
    assertThat(LoopRun.staticCall(c, "demo.AsyncPoint", "norm", point).result()).isEqualTo(25);
    Object red = Snippets.load(c).loadClass("demo.Color").getEnumConstants()[0];
    assertThat(LoopRun.staticCall(c, "demo.AsyncColor", "lower", red).result())
        .isEqualTo("red 2");
    Object box = LoopRun.staticCall(c, "demo.AsyncBox", "max", java.util.List.of(3, 9, 4))
        .result();
    java.lang.reflect.Field value = box.getClass().getDeclaredField("value");
    value.setAccessible(true);
    assertThat(value.get(box)).isEqualTo(9);
  }
}
