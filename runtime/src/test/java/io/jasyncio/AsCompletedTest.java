package io.jasyncio;

import static io.jasyncio.Asyncio.asCompleted;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** asCompleted as Python 3.13's: a plain iterator of coroutines and an async iterator of tasks. */
class AsCompletedTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<Object> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Coroutine<String> after(double seconds, String value) {
    return Script.named(value).await(() -> sleep(seconds)).returning(() -> value);
  }

  @Test
  void eachAsyncStepGivesTheNextTaskToFinishItselfThenNoSuchElement() {
    List<Task<String>> tasks = new ArrayList<>();
    List<Throwable> caught = new ArrayList<>();
    AsCompleted<?>[] sequence = new AsCompleted<?>[1];
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          tasks.add(loop.createTask(after(2, "slow")));
          tasks.add(loop.createTask(after(1, "quick")));
          AsCompleted<String> s = asCompleted(List.of(tasks.get(0), tasks.get(1), tasks.get(0)));
          sequence[0] = s;
        })
        .await(() -> sequence[0].next(), log::add)
        .await(() -> sequence[0].next(), log::add)
        .await(() -> sequence[0].next(), v -> { }, caught::add)
        .build());

    // The task given twice counts once, as asyncio's set(aws).
    assertThat(log).containsExactly(tasks.get(1), tasks.get(0));
    assertThat(caught).singleElement().isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void theTwoIterationsShareOneSequence() {
    List<Task<String>> tasks = new ArrayList<>();
    AsCompleted<?>[] sequence = new AsCompleted<?>[1];
    Iterator<?>[] plain = new Iterator<?>[1];
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          tasks.add(loop.createTask(after(1, "a")));
          tasks.add(loop.createTask(after(2, "b")));
          AsCompleted<String> s = asCompleted(tasks);
          sequence[0] = s;
          plain[0] = s.iterator();
        })
        .await(() -> (Awaitable<?>) plain[0].next(), log::add)
        .await(() -> sequence[0].next(), log::add)
        .build());

    assertThat(log).containsExactly("a", tasks.get(1));
    assertThat(plain[0].hasNext()).isFalse();
  }

  @Test
  void coroutinesAreWrappedInTasksAndThoseTasksAreGiven() {
    loop.runUntilComplete(Script.named("main")
        .await(() -> asCompleted(List.of(after(1, "c"))).next(), f -> {
          log.add(f instanceof Task<?>);
          log.add(((Task<?>) f).result());
        })
        .build());

    assertThat(log).containsExactly(true, "c");
  }

  @Test
  void acloseEndsTheSequenceAndLeavesTheTasksRunning() {
    List<Task<String>> tasks = new ArrayList<>();
    List<Throwable> caught = new ArrayList<>();
    AsCompleted<?>[] sequence = new AsCompleted<?>[1];
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          tasks.add(loop.createTask(after(1, "a")));
          AsCompleted<String> s = asCompleted(tasks);
          sequence[0] = s;
        })
        .await(() -> sequence[0].aclose())
        .await(() -> sequence[0].next(), v -> { }, caught::add)
        .await(() -> tasks.get(0), log::add)
        .build());

    assertThat(caught).singleElement().isInstanceOf(NoSuchElementException.class);
    assertThat(log).containsExactly("a");
    assertThatThrownBy(() -> sequence[0].send("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
