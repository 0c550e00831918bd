package io.jasyncio;

import static io.jasyncio.Asyncio.ALL_COMPLETED;
import static io.jasyncio.Asyncio.FIRST_COMPLETED;
import static io.jasyncio.Asyncio.FIRST_EXCEPTION;
import static io.jasyncio.Asyncio.asCompleted;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asyncio.wait, asCompleted and gather's return-exceptions mode, against Python 3.11. */
class WaitTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Coroutine<String> after(double seconds, String value, boolean fail) {
    return Script.named(value).await(() -> sleep(seconds)).run(() -> {
      if (fail) {
        throw new IllegalArgumentException(value);
      }
    }).returning(() -> value);
  }

  private static List<String> results(DoneAndPending<Task<String>> r) {
    List<String> out = new ArrayList<>();
    for (Task<String> t : r.done()) {
      out.add(t.exception() == null ? t.result() : "error " + t.exception().getMessage());
    }
    return out;
  }

  @Test
  void waitReturnsWhenItsConditionHoldsWithTheDoneAndPendingSets() {
    // Python: FC ['b'] 2 1.0 / FE 2 1 2.0 / TO 2 1 2.5 / AC 3 0 3.0
    List<Task<String>> tasks = new ArrayList<>();
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          tasks.add(loop.createTask(after(3, "a", false)));
          tasks.add(loop.createTask(after(1, "b", false)));
          tasks.add(loop.createTask(after(2, "c", true)));
        })
        .await(() -> Asyncio.wait(tasks, FIRST_COMPLETED), v -> {
          DoneAndPending<Task<String>> r = cast(v);
          log.add("FC " + results(r) + " " + r.pending().size() + " " + loop.time());
        })
        .await(() -> Asyncio.wait(tasks, FIRST_EXCEPTION), v -> {
          DoneAndPending<Task<String>> r = cast(v);
          log.add("FE " + results(r) + " " + r.pending().size() + " " + loop.time());
        })
        .await(() -> Asyncio.wait(tasks, 0.5, ALL_COMPLETED), v -> {
          DoneAndPending<Task<String>> r = cast(v);
          log.add("TO " + r.done().size() + " " + r.pending().size() + " " + loop.time());
        })
        .await(() -> Asyncio.wait(tasks, ALL_COMPLETED), v -> {
          DoneAndPending<Task<String>> r = cast(v);
          log.add("AC " + results(r) + " " + r.pending().size() + " " + loop.time());
        })
        .build());

    assertThat(log).containsExactly("FC [b] 2 1.0", "FE [b, error c] 1 2.0", "TO 2 1 2.5",
        "AC [a, b, error c] 0 3.0");
    assertThatThrownBy(() -> Asyncio.wait(List.<Task<String>>of(), ALL_COMPLETED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @SuppressWarnings("unchecked")
  private static DoneAndPending<Task<String>> cast(Object v) {
    return (DoneAndPending<Task<String>>) v;
  }

  @Test
  void asCompletedGivesResultsInTheOrderTheyFinish() {
    // Python: ['b at 1.0', 'error c at 2.0', 'a at 3.0']
    Script.Builder main = Script.named("main");
    List<Awaitable<String>> order = new ArrayList<>();
    main.run(() -> asCompleted(List.of(after(3, "a", false), after(1, "b", false),
        after(2, "c", true))).forEach(order::add));
    for (int i = 0; i < 3; i++) {
      int n = i;
      main.await(() -> order.get(n), v -> log.add(v + " at " + loop.time()),
          e -> log.add("error " + e.getMessage() + " at " + loop.time()));
    }

    loop.runUntilComplete(main.build());
    assertThat(log).containsExactly("b at 1.0", "error c at 2.0", "a at 3.0");
  }

  @Test
  void asCompletedWithATimeoutThrowsForWhatIsLate() {
    // Python: ['b at 1.0', 'timeout at 2.0']
    Script.Builder main = Script.named("main");
    List<Awaitable<String>> order = new ArrayList<>();
    main.run(() -> asCompleted(List.of(after(3, "a", false), after(1, "b", false)), 2)
        .forEach(order::add));
    for (int i = 0; i < 2; i++) {
      int n = i;
      main.await(() -> order.get(n), v -> log.add(v + " at " + loop.time()),
          e -> log.add((e instanceof TimeoutException ? "timeout" : e.toString()) + " at "
              + loop.time()));
    }

    loop.runUntilComplete(main.build());
    assertThat(log).containsExactly("b at 1.0", "timeout at 2.0");
  }

  @Test
  void gatherReturningExceptionsPutsFailuresAndCancellationsInTheList() {
    // Python: ["'x'", "ValueError('y')", "CancelledError('')"]
    Task<String> cancelled = loop.createTask(after(5, "z", false));
    loop.callLater(1, cancelled::cancel);

    List<Object> results = loop.runUntilComplete(
        gather(List.of(after(1, "x", false), after(2, "y", true), cancelled), true));

    assertThat(results).hasSize(3);
    assertThat(results.get(0)).isEqualTo("x");
    assertThat(results.get(1)).isInstanceOf(IllegalArgumentException.class).hasToString(
        "java.lang.IllegalArgumentException: y");
    assertThat(results.get(2)).isInstanceOf(CancelledException.class);
    assertThat(loop.time()).isEqualTo(2.0);
  }
}
