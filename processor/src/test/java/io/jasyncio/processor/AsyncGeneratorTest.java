package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} methods returning {@code AsyncGenerator<T>}, which both await and yield,
 * consumed by coroutines with {@code for (T v : aiter(gen))} and {@code await(gen.next())}, on a
 * virtual-clock loop.
 */
class AsyncGeneratorTest {

  private static final String PAGES = String.join("\n",
      "  @Async static AsyncGenerator<String> pages(List<String> log, int n) {",
      "    try {",
      "      for (int i = 1; i <= n; i++) {",
      "        await(sleep(1));",
      "        log.add(\"read \" + i + \" at \" + getRunningLoop().time());",
      "        Generator.yield(\"page \" + i);",
      "      }",
      "    } finally {",
      "      log.add(\"book closed\");",
      "    }",
      "    return null;",
      "  }");

  private static Compilation compile(String... body) {
    List<String> all = new ArrayList<>(List.of(PAGES));
    all.addAll(List.of(body));
    return FlowSnippet.compile(all.toArray(String[]::new));
  }

  @Test
  void asyncForAwaitsEachValueAndEndsWithTheGenerator() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<Integer> read(List<String> log) {",
        "    int count = 0;",
        "    for (String page : aiter(AsyncFlow.pages(log, 3))) {",
        "      log.add(\"got \" + page);",
        "      count++;",
        "    }",
        "    return done(count);",
        "  }");
    assertThat(FlowSnippet.trace(c, "read")).containsExactly(
        "read 1 at 1.0", "got page 1", "read 2 at 2.0", "got page 2", "read 3 at 3.0",
        "got page 3", "book closed", "result 3");
  }

  @Test
  void breakingOutLeavesTheGeneratorSuspendedForAnotherLoopAndAcloseRunsItsFinally()
      throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> twoLoops(List<String> log) {",
        "    AsyncGenerator<String> book = AsyncFlow.pages(log, 4);",
        "    for (String page : aiter(book)) {",
        "      log.add(\"first loop \" + page);",
        "      if (page.endsWith(\"2\")) break;",
        "    }",
        "    for (String page : aiter(book)) {",
        "      log.add(\"second loop \" + page);",
        "      break;",
        "    }",
        "    await(book.aclose());",
        "    await(book.aclose());",
        "    try {",
        "      String more = await(book.next());",
        "      return done(more);",
        "    } catch (NoSuchElementException e) {",
        "      return done(\"exhausted\");",
        "    }",
        "  }");
    assertThat(FlowSnippet.trace(c, "twoLoops")).containsExactly(
        "read 1 at 1.0", "first loop page 1", "read 2 at 2.0", "first loop page 2",
        "read 3 at 3.0", "second loop page 3", "book closed", "result exhausted");
  }

  @Test
  void nextAwaitsOneValueAndThrowsPastTheEnd() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> steps(List<String> log) {",
        "    AsyncGenerator<String> book = AsyncFlow.pages(log, 1);",
        "    String first = await(book.next());",
        "    log.add(\"first \" + first);",
        "    String second = await(book.next());",
        "    return done(second);",
        "  }");
    List<String> log = new ArrayList<>();
    assertThatThrownBy(() -> LoopRun.staticCall(c, "demo.AsyncFlow", "steps", log))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(log).containsExactly("read 1 at 1.0", "first page 1", "book closed");
  }

  @Test
  void anExceptionInTheBodyReachesTheAwaitUnchanged() throws Throwable {
    Compilation c = compile(
        "  @Async static AsyncGenerator<Integer> failing() throws java.io.IOException {",
        "    Generator.yield(1);",
        "    await(sleep(0));",
        "    throw new java.io.IOException(\"disk\");",
        "  }",
        "  @Async static Coroutine<String> consume(List<String> log) {",
        "    try {",
        "      for (int v : aiter(AsyncFlow.failing())) {",
        "        log.add(\"got \" + v);",
        "      }",
        "      return done(\"no error\");",
        "    } catch (java.io.IOException e) {",
        "      return done(\"caught \" + e.getMessage());",
        "    }",
        "  }");
    assertThat(FlowSnippet.trace(c, "consume")).containsExactly("got 1", "result caught disk");
  }

  @Test
  void sendResumesTheYieldWithAValueAndAcloseMayAwaitInFinally() throws Throwable {
    Compilation c = compile(
        "  @Async static AsyncGenerator<Integer> accumulator(List<String> log) {",
        "    int total = 0;",
        "    try {",
        "      while (true) {",
        "        int add = Generator.yield(total);",
        "        await(sleep(1));",
        "        total += add;",
        "      }",
        "    } finally {",
        "      await(sleep(5));",
        "      log.add(\"flushed \" + total + \" at \" + getRunningLoop().time());",
        "    }",
        "  }",
        "  @Async static Coroutine<Integer> drive(List<String> log) {",
        "    AsyncGenerator<Integer> acc = AsyncFlow.accumulator(log);",
        "    int start = await(acc.next());",
        "    int a = await(acc.send(10));",
        "    int b = await(acc.send(5));",
        "    log.add(start + \" \" + a + \" \" + b);",
        "    await(acc.aclose());",
        "    return done(b);",
        "  }");
    assertThat(FlowSnippet.trace(c, "drive"))
        .containsExactly("0 10 15", "flushed 15 at 7.0", "result 15");
  }

  @Test
  void aBodyMayIterateAnotherAsyncGenerator() throws Throwable {
    Compilation c = compile(
        "  @Async static AsyncGenerator<String> numbered(List<String> log) {",
        "    int n = 0;",
        "    for (String page : aiter(AsyncFlow.pages(log, 2))) {",
        "      n++;",
        "      Generator.yield(n + \": \" + page);",
        "    }",
        "    return null;",
        "  }",
        "  @Async static Coroutine<Integer> read(List<String> log) {",
        "    int count = 0;",
        "    for (String line : aiter(AsyncFlow.numbered(log))) {",
        "      log.add(line);",
        "      count++;",
        "    }",
        "    return done(count);",
        "  }");
    assertThat(FlowSnippet.trace(c, "read")).containsExactly(
        "read 1 at 1.0", "1: page 1", "read 2 at 2.0", "2: page 2", "book closed", "result 2");
  }

  @Test
  void aBodyMaySwitchOnAnAwaitAndAwaitACloseInTryWithResources() throws Throwable {
    Compilation c = compile(
        "  @Async static AsyncGenerator<String> grouped(List<String> log) {",
        "    for (int i = 1; i <= 2; i++) {",
        "      switch (await(slow(i))) {",
        "        case 1:",
        "          Generator.yield(\"one\");",
        "          break;",
        "        default:",
        "          try (TaskGroup tg = new TaskGroup()) {",
        "            tg.createTask(slow(3));",
        "            Generator.yield(\"in group\");",
        "          }",
        "          log.add(\"group closed at \" + getRunningLoop().time());",
        "      }",
        "    }",
        "    return null;",
        "  }",
        "  @Async static Coroutine<Integer> read(List<String> log) {",
        "    int count = 0;",
        "    for (String v : aiter(AsyncFlow.grouped(log))) {",
        "      log.add(v);",
        "      count++;",
        "    }",
        "    return done(count);",
        "  }");
    assertThat(FlowSnippet.trace(c, "read")).containsExactly(
        "one", "in group", "group closed at 3.0", "result 2");
  }

  @Test
  void aSecondStepWhileOneRunsIsAnError() throws Throwable {
    Compilation c = compile(
        "  @Async static Coroutine<String> race(List<String> log) {",
        "    AsyncGenerator<String> book = AsyncFlow.pages(log, 2);",
        "    Task<String> first = createTask(book.next());",
        "    await(sleep(0));",
        "    try {",
        "      String v = await(book.next());",
        "      return done(v);",
        "    } catch (IllegalStateException e) {",
        "      log.add(e.getMessage());",
        "    }",
        "    String v = await(first);",
        "    return done(v);",
        "  }");
    assertThat(FlowSnippet.trace(c, "race")).containsExactly(
        "async generator pages is already running", "read 1 at 1.0", "result page 1");
  }
}
