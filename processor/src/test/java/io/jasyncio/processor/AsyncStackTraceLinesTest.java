package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces name the very template line an exception came from, not the first line of
 * the statement around it: a {@code throw} in an {@code if}, a failing call in a loop's or a try
 * block's body, in a lambda's body, in the continuation after an await inside an expression, in
 * an async generator, on a later line of a split loop's condition, of an awaited expression,
 * of {@code done}'s argument or of a yielded value. Each test finds its line in the snippet by the comment on it.
 */
class AsyncStackTraceLinesTest {
  private static final String[] SNIPPET = {
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import static io.jasyncio.Asyncio.*;",
      "import java.io.*;",
      "import java.util.function.IntSupplier;",
      "",
      "public class Lines {",
      "  static int fail(String why) {",
      "    throw new IllegalStateException(why); // fail",
      "  }",
      "  @Async static Coroutine<Integer> one() {",
      "    await(sleep(0));",
      "    return done(1);",
      "  }",
      "  @Async static Coroutine<Integer> add(int a, int b) {",
      "    return done(a + b);",
      "  }",
      "  @Async static Coroutine<Integer> throwInIf(int n) {",
      "    await(sleep(0));",
      "    if (n > 0) {",
      "      n++;",
      "      throw new IllegalStateException(\"in if \" + n); // throwInIf",
      "    }",
      "    return done(n);",
      "  }",
      "  @Async static Coroutine<Integer> callInLoop(int n) {",
      "    int total = 0;",
      "    await(sleep(0));",
      "    for (int i = 0; i < n; i++) {",
      "      total += i;",
      "      if (i == 2) {",
      "        fail(\"in loop\"); // callInLoop",
      "      }",
      "    }",
      "    return done(total);",
      "  }",
      "  @Async static Coroutine<Integer> callInTry() {",
      "    await(sleep(0));",
      "    int count = 0;",
      "    try {",
      "      count++;",
      "      count += fail(\"in try\"); // callInTry",
      "    } finally {",
      "      count++;",
      "    }",
      "    return done(count);",
      "  }",
      "  @Async static Coroutine<Integer> inLambda() {",
      "    await(sleep(0));",
      "    Runnable r = () -> {",
      "      int k = 1;",
      "      fail(\"in lambda \" + k); // lambda body",
      "    };",
      "    r.run(); // lambda run",
      "    return done(0);",
      "  }",
      "  @Async static Coroutine<Integer> afterAwait() {",
      "    int v = await(one())",
      "        + 2",
      "        * fail(\"after await\"); // afterAwait",
      "    return done(v);",
      "  }",
      "  @Async static Coroutine<Integer> inCondition(int n) {",
      "    int i = 0;",
      "    while (i < n",
      "        && fail(\"in condition\") > 0) { // inCondition",
      "      await(sleep(0));",
      "      i++;",
      "    }",
      "    return done(i);",
      "  }",
      "  @Async static Coroutine<Integer> inAwaitable() {",
      "    await(sleep(0));",
      "    int v = await(add(1,",
      "        fail(\"in awaitable\"))); // inAwaitable",
      "    return done(v);",
      "  }",
      "  @Async static Coroutine<Integer> inHoistedLambda() {",
      "    IntSupplier f = () -> {",
      "      int k = 2;",
      "      return fail(\"in hoisted lambda \" + k); // hoisted lambda body",
      "    };",
      "    await(sleep(0));",
      "    return done(f.getAsInt());",
      "  }",
      "  @Async static Coroutine<Integer> inDone() {",
      "    await(sleep(0));",
      "    return done(1",
      "        + fail(\"in done\")); // inDone",
      "  }",
      "  @Async static AsyncGenerator<String> pages() {",
      "    for (int i = 1; ; i++) {",
      "      await(sleep(0));",
      "      if (i == 2) {",
      "        String why = \"torn page\";",
      "        fail(why); // pages",
      "      }",
      "      Generator.yield(\"page \" + i);",
      "    }",
      "  }",
      "  @Async static AsyncGenerator<Integer> values() {",
      "    await(sleep(0));",
      "    Generator.yield(1",
      "        + fail(\"in yield\")); // values",
      "    return null;",
      "  }",
      "  @Async static Coroutine<Integer> readValues() {",
      "    int sum = 0;",
      "    for (Integer x : aiter(AsyncLines.values())) { // readValues",
      "      sum += x;",
      "    }",
      "    return done(sum);",
      "  }",
      "  @Async static Coroutine<Integer> read() {",
      "    int count = 0;",
      "    for (String page : aiter(AsyncLines.pages())) { // read",
      "      count++;",
      "    }",
      "    return done(count);",
      "  }",
      "  static String trace(String which) {",
      "    EventLoop loop = EventLoop.create(new VirtualClock());",
      "    try {",
      "      loop.runUntilComplete(switch (which) {",
      "        case \"throwInIf\" -> AsyncLines.throwInIf(1);",
      "        case \"callInLoop\" -> AsyncLines.callInLoop(5);",
      "        case \"callInTry\" -> AsyncLines.callInTry();",
      "        case \"inLambda\" -> AsyncLines.inLambda();",
      "        case \"afterAwait\" -> AsyncLines.afterAwait();",
      "        case \"inCondition\" -> AsyncLines.inCondition(2);",
      "        case \"inAwaitable\" -> AsyncLines.inAwaitable();",
      "        case \"inHoistedLambda\" -> AsyncLines.inHoistedLambda();",
      "        case \"inDone\" -> AsyncLines.inDone();",
      "        case \"readValues\" -> AsyncLines.readValues();",
      "        default -> AsyncLines.read();",
      "      });",
      "      return \"no exception\";",
      "    } catch (IllegalStateException e) {",
      "      StringWriter out = new StringWriter();",
      "      e.printStackTrace(new PrintWriter(out));",
      "      return out.toString();",
      "    } finally {",
      "      loop.close();",
      "    }",
      "  }",
      "}"};

  private static Compilation compilation;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    compilation = Snippets.compile(Snippets.source("demo.Lines", SNIPPET));
    assertThat(compilation).succeededWithoutWarnings();
    loader = Snippets.load(compilation);
  }

  @Test
  void aThrowInsideAnIfIsAtItsOwnLine() throws Throwable {
    assertThat(trace("throwInIf")).startsWith(
        "java.lang.IllegalStateException: in if 2",
        frame("throwInIf", "// throwInIf"));
  }

  @Test
  void aFailingCallInALoopsBodyIsAtItsOwnLine() throws Throwable {
    assertThat(trace("callInLoop")).startsWith(
        "java.lang.IllegalStateException: in loop",
        frame("fail", "// fail"),
        frame("callInLoop", "// callInLoop"));
  }

  @Test
  void aFailingCallInATryBlockIsAtItsOwnLine() throws Throwable {
    assertThat(trace("callInTry")).startsWith(
        "java.lang.IllegalStateException: in try",
        frame("fail", "// fail"),
        frame("callInTry", "// callInTry"));
  }

  /**
   * The trace shows one frame per coroutine, its innermost (a continuation's lambda comes before
   * the {@code resume()} that suspended on it), so the line of {@code r.run()} is not shown.
   */
  @Test
  void aLambdaBodyIsAtItsOwnLine() throws Throwable {
    List<String> trace = trace("inLambda");

    assertThat(trace).startsWith(
        "java.lang.IllegalStateException: in lambda 1",
        frame("fail", "// fail"),
        frame("inLambda", "// lambda body"));
    assertThat(trace.get(3)).doesNotContain("demo.Lines.inLambda");
  }

  @Test
  void theContinuationAfterAnAwaitInsideAnExpressionIsAtTheLineItContinuesOn() throws Throwable {
    assertThat(trace("afterAwait")).startsWith(
        "java.lang.IllegalStateException: after await",
        frame("fail", "// fail"),
        frame("afterAwait", "// afterAwait"));
  }

  @Test
  void aFailingCallOnTheSecondLineOfASplitLoopsConditionIsAtThatLine() throws Throwable {
    assertThat(trace("inCondition")).startsWith(
        "java.lang.IllegalStateException: in condition",
        frame("fail", "// fail"),
        frame("inCondition", "// inCondition"));
  }

  @Test
  void aFailingCallOnTheSecondLineOfAnAwaitsArgumentIsAtThatLine() throws Throwable {
    assertThat(trace("inAwaitable")).startsWith(
        "java.lang.IllegalStateException: in awaitable",
        frame("fail", "// fail"),
        frame("inAwaitable", "// inAwaitable"));
  }

  /** A local live across an await is a field: its initializer is copied into an assignment. */
  @Test
  void theBodyOfALambdaHeldAcrossAnAwaitIsAtItsOwnLine() throws Throwable {
    assertThat(trace("inHoistedLambda")).startsWith(
        "java.lang.IllegalStateException: in hoisted lambda 2",
        frame("fail", "// fail"),
        frame("inHoistedLambda", "// hoisted lambda body"));
  }

  @Test
  void aFailingCallOnTheSecondLineOfDonesArgumentIsAtThatLine() throws Throwable {
    assertThat(trace("inDone")).startsWith(
        "java.lang.IllegalStateException: in done",
        frame("fail", "// fail"),
        frame("inDone", "// inDone"));
  }

  @Test
  void anAsyncGeneratorsFailureIsAtItsOwnLineAndTheLoopReadingIt() throws Throwable {
    assertThat(trace("read")).startsWith(
        "java.lang.IllegalStateException: torn page",
        frame("fail", "// fail"),
        frame("pages", "// pages"),
        frame("read", "// read"));
  }

  @Test
  void aFailingCallOnTheSecondLineOfAYieldedValueIsAtThatLine() throws Throwable {
    assertThat(trace("readValues")).startsWith(
        "java.lang.IllegalStateException: in yield",
        frame("fail", "// fail"),
        frame("values", "// values"),
        frame("readValues", "// readValues"));
  }

  /** The printed trace of running the snippet's coroutine {@code which}, line by line. */
  private static List<String> trace(String which) throws Throwable {
    String printed = (String) Snippets.callStatic(loader, "demo.Lines", "trace", which);
    return Arrays.asList(printed.split("\\R"));
  }

  /** The printed frame of {@code method} at the snippet's line that holds {@code comment}. */
  private static String frame(String method, String comment) {
    for (int i = 0; i < SNIPPET.length; i++) {
      if (SNIPPET[i].endsWith(comment)) {
        return "\tat demo.Lines." + method + "(Lines.java:" + (i + 1) + ")";
      }
    }
    throw new IllegalArgumentException("no line ends with " + comment);
  }
}
