package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadsSectionTest {
  private static final String RESPONSES = "[{\"id\": \"id1\", \"name\": \"User id1\"},"
      + " {\"id\": \"id2\", \"name\": \"User id2\"}, {\"id\": \"id2\", \"name\": \"User id2\"}]";

  @Test
  void sectionGathersTheResponsesInTheOrderOfTheIdsWithAndWithoutThreads() {
    Printed out = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new ThreadsSection().run(runner, out.stream());
    }

    assertThat(out.lines()).containsExactly(
        "responses = " + RESPONSES,
        "without threads: " + RESPONSES,
        "the service answered 6 requests");
  }

  @Test
  void getAsyncResponseDropsEmptyResults() {
    List<String> kept;
    try (Runner runner = new Runner(new VirtualClock())) {
      kept = runner.run(AsyncThreadsSection.getAsyncResponse(
          id -> id.equals("skip") ? "" : id.toUpperCase(), List.of("a", "skip", "b")));
    }

    assertThat(kept).containsExactly("A", "B");
  }

  @Test
  void blockingCallsRunOffTheLoopThread() {
    Thread loopThread = Thread.currentThread();
    List<String> threads;
    try (Runner runner = new Runner(new VirtualClock())) {
      threads = runner.run(AsyncThreadsSection.getAsyncResponse(
          id -> Thread.currentThread() == loopThread ? "loop" : "pool", List.of("a", "b")));
    }

    assertThat(threads).containsExactly("pool", "pool");
  }

  @Test
  void serviceAnswersEachUserWithJson() throws Exception {
    try (UserService service = UserService.start()) {
      UserApi api = new UserApi(HttpClient.newHttpClient(), service.endpointUrl());

      assertThat(service.endpointUrl()).matches("http://127\\.0\\.0\\.1:\\d+/users/");
      assertThat(api.getResponse("42")).isEqualTo("{\"id\": \"42\", \"name\": \"User 42\"}");
      assertThat(service.requests()).isEqualTo(1);
    }
  }
}
