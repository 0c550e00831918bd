package io.jasyncio.demo;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.runInExecutor;

import io.jasyncio.AsyncFuture;
import io.jasyncio.Coroutine;
import io.jasyncio.Runner;
import io.jasyncio.SerializableFunction;
import io.jasyncio.annotations.Async;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tutorial section 3.1, calling an external service in parallel: a blocking HTTP call per id goes
 * to a thread pool through {@code runInExecutor}, and {@code gather} collects the responses in
 * the order of the ids. The service is a real one on the loopback address (there is no network
 * here); the same calls then run without threads, awaiting {@code HttpClient.sendAsync}.
 *
 * <p>The tutorial prints nothing for this section; this one prints {@code responses}.
 */
final class ThreadsSection implements Section {
  /** The tutorial's {@code my_list}. */
  static final List<String> MY_LIST = List.of("id1", "id2", "id2");

  /**
   * The tutorial's {@code get_async_response(func, param)}: every call on a new thread pool, the
   * results gathered in order, and the empty ones dropped.
   */
  @Async
  static Coroutine<List<String>> getAsyncResponse(SerializableFunction<String, String> func,
      List<String> param) {
    // "None" will use all cores: Python's ThreadPoolExecutor(max_workers=None) has cores + 4.
    ExecutorService threads = Executors.newFixedThreadPool(
        Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
    try {
      List<AsyncFuture<String>> blockingTasks = new ArrayList<>();
      for (String x : param) {
        blockingTasks.add(runInExecutor(threads, func, x));
      }
      List<String> results = await(gather(blockingTasks));
      List<String> kept = new ArrayList<>();
      for (String x : results) {
        if (x != null && !x.isEmpty()) {
          kept.add(x);
        }
      }
      return done(kept);
    } finally {
      threads.shutdown();
    }
  }

  /** The same calls without a thread each: all are sent, then each response is awaited. */
  @Async
  static Coroutine<List<String>> getResponsesWithoutThreads(UserApi api, List<String> param) {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (String x : param) {
      calls.add(api.getResponseAsync(x));
    }
    List<String> results = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = await(call);
      results.add(response.body());
    }
    return done(results);
  }

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public void run(Runner runner, PrintStream out) {
    try (UserService service = UserService.start()) {
      UserApi api = new UserApi(HttpClient.newHttpClient(), service.endpointUrl());
      List<String> responses = runner.run(
          AsyncThreadsSection.getAsyncResponse(api::getResponse, MY_LIST));
      out.println("responses = " + responses);
      List<String> again = runner.run(
          AsyncThreadsSection.getResponsesWithoutThreads(api, MY_LIST));
      out.println("without threads: " + again);
      out.println("the service answered " + service.requests() + " requests");
    }
  }
}
