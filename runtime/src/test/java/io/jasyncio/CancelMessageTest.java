package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which message a task cancelled twice gets, as Python 3.11 decides it: the first when the task
 * is suspended on a future (the first cancel() cancels that future with its message), the last
 * when nothing is awaited (a task not started, or ready after sleep(0)).
 */
class CancelMessageTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Script.OnError logged(String who) {
    return e -> {
      log.add(who + " caught " + e.getMessage());
      throw e;
    };
  }

  private void cancelTwiceAndRun(Task<?> task) {
    task.cancel("first");
    task.cancel("second");
    assertThatThrownBy(() -> loop.runUntilComplete(task))
        .isInstanceOfSatisfying(CancelledException.class,
            e -> log.add("outer " + e.getMessage()));
  }

  @Test
  void aTaskSuspendedOnAFutureKeepsTheFirstMessage() {
    // Python 3.11: ['a caught first', 'outer first']
    AsyncFuture<String> future = loop.createFuture();
    Task<Void> task = loop.createTask(Script.named("a")
        .await(() -> future, v -> { }, logged("a")).build());
    loop.runUntilComplete(sleep(0));

    cancelTwiceAndRun(task);

    assertThat(log).containsExactly("a caught first", "outer first");
  }

  @Test
  void aTaskSuspendedOnATaskKeepsTheFirstMessage() {
    // Python 3.11: ['inner caught first', 'b caught first', 'outer first']
    Task<Void> inner = loop.createTask(Script.named("inner")
        .await(() -> sleep(10), v -> { }, logged("inner")).build());
    Task<Void> task = loop.createTask(Script.named("b")
        .await(() -> inner, v -> { }, logged("b")).build());
    loop.runUntilComplete(sleep(0));

    cancelTwiceAndRun(task);

    assertThat(log).containsExactly("inner caught first", "b caught first", "outer first");
  }

  @Test
  void aSleepingTaskKeepsTheFirstMessage() {
    Task<Void> task = loop.createTask(Script.named("s")
        .await(() -> sleep(10), v -> { }, logged("s")).build());
    loop.runUntilComplete(sleep(0));

    cancelTwiceAndRun(task);

    assertThat(log).containsExactly("s caught first", "outer first");
  }

  @Test
  void aReadyTaskTakesTheLastMessage() {
    // Python 3.11: ['d caught second', 'outer second']: nothing awaited holds the first one.
    Task<?>[] self = new Task<?>[1];
    Task<Void> task = loop.createTask(Script.named("d")
        .run(() -> loop.callSoon(() -> {
          // Runs while d is queued again after its sleep(0), waiting on nothing.
          self[0].cancel("first");
          self[0].cancel("second");
        }))
        .await(() -> sleep(0), v -> { }, logged("d")).build());
    self[0] = task;

    assertThatThrownBy(() -> loop.runUntilComplete(task))
        .isInstanceOfSatisfying(CancelledException.class,
            e -> log.add("outer " + e.getMessage()));

    assertThat(log).containsExactly("d caught second", "outer second");
  }

  @Test
  void aTaskCancelledBeforeItsFirstStepTakesTheLastMessage() {
    // Python 3.11: awaiting it raises CancelledError('second').
    Task<Void> task = loop.createTask(Script.named("n").log(log, "ran").build());

    cancelTwiceAndRun(task);

    assertThat(log).containsExactly("outer second");
  }

  @Test
  void aGatherCancelledTwiceKeepsTheFirstMessage() {
    // Python 3.11: True True, then awaiting the gather raises CancelledError('first').
    AsyncFuture<List<Void>> gather = loop.runUntilComplete(Script.named("main")
        .returning(() -> Asyncio.gather(sleep(10), sleep(10))));
    loop.runUntilComplete(sleep(0));

    assertThat(gather.cancel("first")).isTrue();
    assertThat(gather.cancel("second")).isTrue();

    assertThatThrownBy(() -> loop.runUntilComplete(gather))
        .isInstanceOf(CancelledException.class).hasMessage("first");
  }
}
