package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The eager task factory, against Python 3.12's {@code asyncio.eager_task_factory} (the machine
 * has Python 3.11, which lacks it; expected outputs from the 3.12 documentation's rules: the
 * coroutine runs synchronously inside create_task up to its first suspension).
 */
class EagerTaskTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void anEagerTaskRunsInsideCreateTaskUpToItsFirstSuspension() {
    loop.setTaskFactory(TaskFactory.EAGER);
    Task<?>[] child = new Task<?>[1];
    loop.runUntilComplete(Script.named("main")
        .log(log, "before createTask")
        .run(() -> child[0] = Asyncio.createTask(Script.named("child")
            .run(() -> log.add("child runs, current task is child: "
                + (Asyncio.currentTask() != null
                    && Asyncio.currentTask().getCoro().toString().contains("child"))))
            .await(() -> sleep(1))
            .log(log, "child resumes")
            .build()))
        .run(() -> log.add("after createTask, current task is main: "
            + Asyncio.currentTask().getCoro().toString().contains("main")))
        .await(() -> child[0])
        .build());

    assertThat(log).containsExactly("before createTask", "child runs, current task is child: true",
        "after createTask, current task is main: true", "child resumes");
  }

  @Test
  void anEagerTaskThatNeverSuspendsIsDoneWhenCreated() {
    loop.setTaskFactory(TaskFactory.EAGER);
    assertThat(loop.getTaskFactory()).isEqualTo(TaskFactory.EAGER);
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          Task<Integer> t = Asyncio.createTask(Script.named("quick").returning(() -> 42));
          log.add("done=" + t.isDone() + " result=" + t.result());
        })
        .build());

    assertThat(log).containsExactly("done=true result=42");
  }

  @Test
  void theStandardFactoryQueuesTheFirstStep() {
    assertThat(loop.getTaskFactory()).isEqualTo(TaskFactory.STANDARD);
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          Task<Integer> t = Asyncio.createTask(Script.named("quick").log(log, "quick runs")
              .returning(() -> 42));
          log.add("done=" + t.isDone());
        })
        .await(() -> sleep(0))
        .build());

    assertThat(log).containsExactly("done=false", "quick runs");
  }

  @Test
  void anEagerTaskStartedDeepInAnotherTaskSharesItsInlineDepth() {
    loop.setTaskFactory(TaskFactory.EAGER);
    int[] alone = {0};
    assertThat(loop.runUntilComplete(chain(1_000, alone))).isEqualTo(1_000);
    int[] eager = {0};
    Task<?>[] inner = new Task<?>[1];
    Coroutine<Void> bottom = Script.named("bottom")
        .run(() -> inner[0] = Asyncio.createTask(chain(1_000, eager)))
        .await(() -> inner[0], v -> log.add("inner returned " + v))
        .build();

    loop.runUntilComplete(chain(200, new int[1], bottom));

    assertThat(log).containsExactly("inner returned 1000");
    // The eager task runs on the stack of the 200 coroutines awaiting one another above it: it
    // goes about 56 levels deeper, not 256, before handing over, so the stack stays as deep as
    // one chain alone, give or take the frames of createTask.
    assertThat(eager[0]).isLessThan(alone[0] + 40);
  }

  /** n coroutines, each awaiting the next, the last finishing at once with n; records the depth. */
  private static Coroutine<Integer> chain(int n, int[] deepest) {
    return chain(n, deepest, null);
  }

  /** The same, with {@code last} (null: none) awaited by the innermost of the n. */
  private static Coroutine<Integer> chain(int n, int[] deepest, Coroutine<Void> last) {
    deepest[0] = Math.max(deepest[0], StackWalker.getInstance().walk(s -> (int) s.count()));
    if (n == 0) {
      return Script.named("link").await(() -> last != null ? last : Script.named("end").build())
          .returning(() -> 0);
    }
    int[] below = {0};
    return Script.named("link")
        .await(() -> chain(n - 1, deepest, last), v -> below[0] = (Integer) v)
        .returning(() -> below[0] + 1);
  }

  @Test
  void aTaskMadeBeforeTheLoopRunsIsQueuedEvenWithTheEagerFactory() {
    loop.setTaskFactory(TaskFactory.EAGER);
    Task<Void> t = loop.createTask(Script.named("early").log(log, "early runs").build());
    assertThat(log).isEmpty();
    assertThat(t.isDone()).isFalse();

    loop.runUntilComplete(t);
    assertThat(log).containsExactly("early runs");
  }
}
