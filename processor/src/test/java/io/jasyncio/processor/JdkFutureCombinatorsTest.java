package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The combinators take JDK futures inside an {@code @Async} body: what a crawler on the JDK's
 * HttpClient writes, {@code await(waitFor(client.sendAsync(...), 1.0))}, compiles (it used to
 * fail with "no suitable method found for waitFor(CompletableFuture<...>, double)") and runs.
 * The stages here are completed by loop callbacks, so the virtual clock stays exact.
 */
class JdkFutureCombinatorsTest {

  /** A stand-in for HttpClient.sendAsync: a response completed after {@code delay} seconds. */
  private static final String HTTP_LIKE = String.join("\n",
      "  static java.util.concurrent.CompletableFuture<Map<String, String>> sendAsync(",
      "      String url, double delay) {",
      "    var response = new java.util.concurrent.CompletableFuture<Map<String, String>>();",
      "    getRunningLoop().callLater(delay, () -> response.complete(Map.of(\"url\", url)));",
      "    return response;",
      "  }");

  @Test
  void waitForAndGatherOfCompletableFuturesCompileAndRunInAnAsyncBody() throws Throwable {
    Compilation c = FlowSnippet.compile(HTTP_LIKE,
        "  @Async static Coroutine<String> crawl(List<String> log) {",
        "    var httpLikeCompletableFuture = sendAsync(\"a\", 0.5);",
        "    try {",
        "      Map<String, String> page = await(waitFor(httpLikeCompletableFuture, 1.0));",
        "      log.add(\"got \" + page.get(\"url\") + \" at \" + getRunningLoop().time());",
        "    } catch (java.util.concurrent.TimeoutException e) {",
        "      log.add(\"timed out\");",
        "    }",
        "    var slow = sendAsync(\"b\", 5);",
        "    try {",
        "      await(waitFor(slow, java.time.Duration.ofSeconds(1)));",
        "    } catch (java.util.concurrent.TimeoutException e) {",
        "      log.add(\"b timed out at \" + getRunningLoop().time()",
        "          + \", cancelled \" + slow.isCancelled());",
        "    }",
        "    List<Map<String, String>> both = await(gather(sendAsync(\"c\", 2), sendAsync(\"d\", 1)));",
        "    log.add(both.get(0).get(\"url\") + both.get(1).get(\"url\")",
        "        + \" at \" + getRunningLoop().time());",
        "    Map<String, String> kept = await(shield(sendAsync(\"e\", 1)));",
        "    var r = await(Asyncio.wait(List.of(sendAsync(\"f\", 1), sendAsync(\"g\", 9)),",
        "        FIRST_COMPLETED));",
        "    log.add(r.done().size() + \" done, \" + r.pending().size() + \" pending\");",
        "    return done(kept.get(\"url\"));",
        "  }");

    assertThat(FlowSnippet.trace(c, "crawl")).containsExactly("got a at 0.5",
        "b timed out at 1.5, cancelled true", "cd at 3.5", "1 done, 1 pending", "result e");
  }

  @Test
  void asCompletedIsAlsoAnAsyncIteratorGivingTheTasksThemselves() throws Throwable {
    Compilation c = FlowSnippet.compile(
        "  @Async static Coroutine<String> fetch(String url, double delay) {",
        "    await(sleep(delay));",
        "    return done(\"page \" + url);",
        "  }",
        "  @Async static Coroutine<Integer> crawl(List<String> log) {",
        "    Map<Task<String>, String> urls = new LinkedHashMap<>();",
        "    for (String url : List.of(\"slow\", \"quick\", \"middle\")) {",
        "      double delay = url.equals(\"slow\") ? 3 : url.equals(\"quick\") ? 1 : 2;",
        "      urls.put(createTask(fetch(url, delay)), url);",
        "    }",
        "    int count = 0;",
        "    for (AsyncFuture<String> done : aiter(asCompleted(urls.keySet()))) {",
        "      log.add(urls.get(done) + \": \" + done.result() + \" at \" + getRunningLoop().time());",
        "      count++;",
        "    }",
        "    for (Awaitable<String> next : asCompleted(List.of(fetch(\"x\", 2), fetch(\"y\", 1)))) {",
        "      log.add(await(next));",
        "    }",
        "    return done(count);",
        "  }");

    assertThat(FlowSnippet.trace(c, "crawl")).containsExactly(
        "quick: page quick at 1.0", "middle: page middle at 2.0", "slow: page slow at 3.0",
        "page y", "page x", "result 3");
  }

  @Test
  void asCompletedAsAnAsyncIteratorThrowsTimeoutAtTheStepPastItsLimit() throws Throwable {
    Compilation c = FlowSnippet.compile(
        "  @Async static Coroutine<String> crawl(List<String> log) {",
        "    Task<Integer> quick = createTask(slow(1));",
        "    Task<Integer> late = createTask(AsyncFlow.late());",
        "    try {",
        "      for (AsyncFuture<Integer> done : aiter(asCompleted(List.of(quick, late), 2))) {",
        "        log.add(\"got \" + done.result() + \", quick: \" + (done == quick));",
        "      }",
        "    } catch (Exception e) {",
        "      log.add(e.getClass().getSimpleName() + \" at \" + getRunningLoop().time());",
        "    }",
        "    late.cancel();",
        "    return done(\"end\");",
        "  }",
        "  @Async static Coroutine<Integer> late() {",
        "    await(sleep(10));",
        "    return done(10);",
        "  }");

    assertThat(FlowSnippet.trace(c, "crawl")).containsExactly("got 1, quick: true",
        "TimeoutException at 2.0", "result end");
  }
}
