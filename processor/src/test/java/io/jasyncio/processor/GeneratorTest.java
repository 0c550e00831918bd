package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.jasyncio.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} methods returning {@code Generator<T>}: compiled with the processor, then driven
 * by {@code next()}, {@code send()} and {@code close()} as a caller would, with a trace list to
 * see what the body ran and when.
 */
class GeneratorTest {

  private static ClassLoader compile(String... body) {
    String source = String.join("\n",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "public class Gens {",
        String.join("\n", body),
        "}");
    Compilation c = Snippets.compile(Snippets.source("demo.Gens", source));
    assertThat(c).succeededWithoutWarnings();
    return Snippets.load(c);
  }

  @SuppressWarnings("unchecked")
  private static <T> Generator<T> call(ClassLoader loader, String method, Object... args)
      throws Throwable {
    return (Generator<T>) Snippets.callStatic(loader, "demo.AsyncGens", method, args);
  }

  @Test
  void yieldsInLoopsRunLazilyOneValueAtATime() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<Integer> countdown(List<String> log, int n) {",
        "    log.add(\"start\");",
        "    while (n > 0) {",
        "      log.add(\"yielding \" + n);",
        "      Generator.yield(n);",
        "      n--;",
        "    }",
        "    log.add(\"end\");",
        "    return null;",
        "  }");
    List<String> log = new ArrayList<>();
    Generator<Integer> g = call(loader, "countdown", log, 3);
    assertThat(log).isEmpty(); // creating one runs nothing
    assertThat(g.toString()).startsWith("<generator object countdown at 0x");
    assertThat(g.next()).isEqualTo(3);
    assertThat(log).containsExactly("start", "yielding 3");
    List<Integer> rest = new ArrayList<>();
    for (int v : g) {
      rest.add(v);
    }
    assertThat(rest).containsExactly(2, 1);
    assertThat(log).endsWith("end");
    assertThat(g.hasNext()).isFalse();
    assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void enhancedForLoopsKeepTheirPlaceAcrossYields() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<String> spell(List<String> words) {",
        "    for (String w : words) {",
        "      for (int code : w.toCharArray()) {",
        "        Generator.yield(w + \" \" + code);",
        "      }",
        "    }",
        "    return null;",
        "  }");
    Generator<String> g = call(loader, "spell", List.of("ab", "c"));
    assertThat(g.stream().collect(Collectors.toList()))
        .containsExactly("ab 97", "ab 98", "c 99");
  }

  @Test
  void anInfiniteGeneratorIsConsumedLazilyThroughItsStream() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<Long> primes() {",
        "    for (long n = 2; ; n++) {",
        "      boolean prime = true;",
        "      for (long d = 2; d * d <= n; d++) {",
        "        if (n % d == 0) {",
        "          prime = false;",
        "          break;",
        "        }",
        "      }",
        "      if (prime) {",
        "        Generator.yield(n);",
        "      }",
        "    }",
        "  }",
        "  @Async static Generator<Long> fibonacci() {",
        "    long a = 0, b = 1;",
        "    while (true) {",
        "      Generator.yield(a);",
        "      long next = a + b;",
        "      a = b;",
        "      b = next;",
        "    }",
        "  }");
    Generator<Long> primes = call(loader, "primes");
    assertThat(primes.stream().limit(10).collect(Collectors.toList()))
        .containsExactly(2L, 3L, 5L, 7L, 11L, 13L, 17L, 19L, 23L, 29L);
    assertThat(primes.next()).isEqualTo(31L); // the stream took only what it needed
    Generator<Long> fib = call(loader, "fibonacci");
    assertThat(fib.stream().skip(50).findFirst()).contains(12586269025L);
  }

  @Test
  void bareYieldsYieldNullAndInterleaveInARoundRobin() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<Void> task(List<String> log, String name, int n) {",
        "    for (int i = 1; i <= n; i++) {",
        "      log.add(name + \" \" + i);",
        "      Generator.yield();",
        "    }",
        "    return null;",
        "  }");
    List<String> log = new ArrayList<>();
    java.util.ArrayDeque<Generator<Void>> tasks = new java.util.ArrayDeque<>(List.of(
        call(loader, "task", log, "a", 2), call(loader, "task", log, "b", 3)));
    while (!tasks.isEmpty()) {
      Generator<Void> t = tasks.poll();
      if (t.hasNext()) {
        assertThat(t.next()).isNull();
        tasks.add(t);
      }
    }
    assertThat(log).containsExactly("a 1", "b 1", "a 2", "b 2", "b 3");
  }

  @Test
  void closeRunsPendingFinallyBlocksAndAYieldInsideFinallyWorks() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<String> guarded(List<String> log) {",
        "    try {",
        "      for (int i = 0; i < 5; i++) {",
        "        try {",
        "          Generator.yield(\"v\" + i);",
        "        } finally {",
        "          log.add(\"inner finally \" + i);",
        "        }",
        "      }",
        "    } finally {",
        "      log.add(\"outer finally\");",
        "    }",
        "    return null;",
        "  }",
        "  @Async static Generator<String> yieldsInFinally(List<String> log) {",
        "    try {",
        "      Generator.yield(\"body\");",
        "    } finally {",
        "      Generator.yield(\"cleanup\");",
        "      log.add(\"after cleanup\");",
        "    }",
        "    return null;",
        "  }");
    List<String> log = new ArrayList<>();
    Generator<String> g = call(loader, "guarded", log);
    assertThat(g.next()).isEqualTo("v0");
    assertThat(g.next()).isEqualTo("v1");
    g.close();
    assertThat(log).containsExactly("inner finally 0", "inner finally 1", "outer finally");
    assertThat(g.hasNext()).isFalse();
    g.close(); // twice: nothing

    List<String> fresh = new ArrayList<>();
    Generator<String> unstarted = call(loader, "guarded", fresh);
    unstarted.close();
    assertThat(fresh).isEmpty(); // a generator closed before it started never runs

    List<String> log2 = new ArrayList<>();
    Generator<String> f = call(loader, "yieldsInFinally", log2);
    List<String> all = new ArrayList<>();
    f.forEachRemaining(all::add);
    assertThat(all).containsExactly("body", "cleanup");
    assertThat(log2).containsExactly("after cleanup");

    Generator<String> closing = call(loader, "yieldsInFinally", new ArrayList<String>());
    assertThat(closing.next()).isEqualTo("body");
    assertThatThrownBy(closing::close).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("yielded while closing");
  }

  @Test
  void anExceptionFromTheBodyReachesTheCallerUnchangedAndFinishesTheGenerator()
      throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<Integer> failing(int after) throws java.io.IOException {",
        "    for (int i = 0; ; i++) {",
        "      if (i == after) throw new java.io.IOException(\"failed at \" + i);",
        "      Generator.yield(i);",
        "    }",
        "  }",
        "  @Async static Generator<Integer> catching(List<String> log) {",
        "    try {",
        "      Generator.yield(1);",
        "      throw new IllegalStateException(\"inside\");",
        "    } catch (IllegalStateException e) {",
        "      log.add(\"caught \" + e.getMessage());",
        "      Generator.yield(2);",
        "    }",
        "    return null;",
        "  }");
    Generator<Integer> g = call(loader, "failing", 2);
    assertThat(g.next()).isEqualTo(0);
    assertThat(g.next()).isEqualTo(1);
    assertThatThrownBy(g::hasNext).isInstanceOf(java.io.IOException.class)
        .hasMessage("failed at 2");
    assertThat(g.hasNext()).isFalse();

    List<String> log = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    Generator<Integer> c = call(loader, "catching", log);
    c.forEachRemaining(values::add);
    assertThat(values).containsExactly(1, 2);
    assertThat(log).containsExactly("caught inside");
  }

  @Test
  void sendResumesTheBodyWithTheValueItsYieldReturns() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<Double> averager() {",
        "    double total = 0;",
        "    int count = 0;",
        "    Double average = null;",
        "    while (true) {",
        "      double value = Generator.yield(average);",
        "      total += value;",
        "      count++;",
        "      average = total / count;",
        "    }",
        "  }");
    Generator<Double> avg = call(loader, "averager");
    assertThat(avg.next()).isNull(); // runs to the first yield
    assertThat(avg.send(10.0)).isEqualTo(10.0);
    assertThat(avg.send(30.0)).isEqualTo(20.0);
    assertThat(avg.send(5.0)).isEqualTo(15.0);
    Generator<Double> fresh = call(loader, "averager");
    assertThatThrownBy(() -> fresh.send(1.0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before it started");
  }

  @Test
  void returnOtherYieldsEverythingTheOtherYieldsThenFinishes() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<Integer> range(int from, int to) {",
        "    for (int i = from; i < to; i++) {",
        "      Generator.yield(i);",
        "    }",
        "    return null;",
        "  }",
        "  @Async static Generator<Integer> chain(List<String> log) {",
        "    Generator.yield(-1);",
        "    try {",
        "      return AsyncGens.range(0, 3);",
        "    } finally {",
        "      log.add(\"finally before delegation\");",
        "    }",
        "  }");
    List<String> log = new ArrayList<>();
    Generator<Integer> g = call(loader, "chain", log);
    assertThat(g.next()).isEqualTo(-1);
    assertThat(log).isEmpty();
    List<Integer> rest = new ArrayList<>();
    g.forEachRemaining(rest::add);
    assertThat(rest).containsExactly(0, 1, 2);
    assertThat(log).containsExactly("finally before delegation");
  }

  @Test
  void yieldsInsideSwitchStatementsAndLabeledLoops() throws Throwable {
    ClassLoader loader = compile(
        "  @Async static Generator<String> words(int n) {",
        "    outer:",
        "    for (int i = 0; i < n; i++) {",
        "      switch (i % 3) {",
        "        case 0 -> Generator.yield(\"fizz\" + i);",
        "        case 1 -> {",
        "          if (i > 5) break outer;",
        "          Generator.yield(\"one\" + i);",
        "        }",
        "        default -> {",
        "          continue outer;",
        "        }",
        "      }",
        "      Generator.yield(\"after\" + i);",
        "    }",
        "    return null;",
        "  }");
    List<String> all = new ArrayList<>();
    Generator<String> g = call(loader, "words", 10);
    g.forEachRemaining(all::add);
    assertThat(all).containsExactly("fizz0", "after0", "one1", "after1", "fizz3", "after3",
        "one4", "after4", "fizz6", "after6");
  }
}
