package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import example.Script;
import org.junit.jupiter.api.Test;

/** {@code Asyncio.allTasks(loop)}: a loop's pending tasks, asked while it does not run. */
class AllTasksOfLoopTest {
  @Test
  void listsTheTasksOfALoopThatIsNotRunningUntilTheyAreDone() {
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      Task<Void> sleeper = loop.createTask(Script.named("sleeper")
          .await(() -> Asyncio.sleep(5)).build(), "sleeper");
      Task<Integer> quick = loop.createTask(Script.named("quick").returning(() -> 1), "quick");

      assertThat(Asyncio.allTasks(loop)).containsExactlyInAnyOrder(sleeper, quick);

      loop.runUntilComplete(quick);

      assertThat(Asyncio.allTasks(loop)).containsExactly(sleeper);

      loop.runUntilComplete(sleeper);

      assertThat(Asyncio.allTasks(loop)).isEmpty();
    } finally {
      loop.close();
    }
  }
}
