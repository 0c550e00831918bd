package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import example.With;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TaskGroup against Python 3.11's asyncio.TaskGroup (outputs quoted in each test). */
class TaskGroupTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Coroutine<String> work(String name, double seconds, boolean fail) {
    return Script.named(name)
        .await(() -> sleep(seconds), v -> { }, e -> {
          log.add(name + " cancelled at " + loop.time());
          throw e;
        })
        .run(() -> {
          if (fail) {
            throw new IllegalArgumentException(name);
          }
          log.add(name + " done at " + loop.time());
        })
        .returning(() -> name);
  }

  @Test
  void childrenAreAwaitedWhenTheScopeEnds() {
    // Python: ['body end', 'a done at 1.0', 'b done at 2.0', 'after at 2.0 a b']
    List<Task<String>> tasks = new ArrayList<>();
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scope", TaskGroup::new, tg -> Script.named("body")
            .run(() -> tasks.add(tg.createTask(work("a", 1, false))))
            .run(() -> tasks.add(tg.createTask(work("b", 2, false))))
            .log(log, "body end")
            .build()))
        .run(() -> log.add("after at " + loop.time() + " " + tasks.get(0).result() + " "
            + tasks.get(1).result()))
        .build());

    assertThat(log).containsExactly("body end", "a done at 1.0", "b done at 2.0",
        "after at 2.0 a b");
  }

  @Test
  void theFirstFailureCancelsTheOthersAndTheBodyAndAllFailuresComeTogether() {
    // Python: ['z cancelled at 1.0', 'body cancelled at 1.0', "group ['x', 'y'] at 1.0
    //          cancelling=0"]
    ExceptionGroup[] group = new ExceptionGroup[1];
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scope", TaskGroup::new, tg -> Script.named("body")
            .run(() -> tg.createTask(work("x", 1, true)))
            .run(() -> tg.createTask(work("y", 1, true)))
            .run(() -> tg.createTask(work("z", 5, false)))
            .await(() -> sleep(10), v -> { }, e -> {
              log.add("body cancelled at " + loop.time());
              throw e;
            })
            .build()), v -> log.add("no group"), e -> {
              group[0] = (ExceptionGroup) e;
              List<String> names = new ArrayList<>();
              for (Throwable t : group[0].exceptions()) {
                names.add(t.getMessage());
              }
              log.add("group " + names + " at " + loop.time() + " cancelling="
                  + Asyncio.currentTask().cancelling());
            })
        .build());

    assertThat(log).containsExactly("z cancelled at 1.0", "body cancelled at 1.0",
        "group [x, y] at 1.0 cancelling=0");
    assertThat(group[0].getCause()).isSameAs(group[0].exceptions().get(0));
    assertThat(group[0].getSuppressed()).containsExactly(group[0].exceptions().get(1));
    assertThat(group[0]).hasMessage("unhandled errors in a TaskGroup (2 sub-exceptions)");
    assertThat(group[0].find(IllegalArgumentException.class)).hasMessage("x");
  }

  @Test
  void anExceptionLeavingTheBodyCancelsTheChildrenAndJoinsTheGroup() {
    // Python: ["body error group (KeyError('body'),) at 0.0"]: p never started.
    IllegalStateException body = new IllegalStateException("body");
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scope", TaskGroup::new, tg -> Script.named("body")
            .run(() -> tg.createTask(work("p", 3, false)))
            .run(() -> {
              throw body;
            })
            .build()), v -> { }, e -> log.add("body error group "
                + ((ExceptionGroup) e).exceptions() + " at " + loop.time()))
        .build());

    assertThat(log).containsExactly("body error group [" + body + "] at 0.0");
  }

  @Test
  void cancellingTheEnclosingTaskCancelsTheChildrenAndStaysACancellation() {
    // Python: ['q cancelled at 1.0', 'outer cancelled at 1.0']
    Task<Void> outer = loop.createTask(Script.named("outer")
        .await(() -> With.resource("scope", TaskGroup::new, tg -> Script.named("body")
            .run(() -> tg.createTask(work("q", 3, false)))
            .build()))
        .log(log, "not reached")
        .build());
    loop.callLater(1, outer::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(outer))
        .isInstanceOf(CancelledException.class);
    log.add("outer cancelled at " + loop.time());
    assertThat(log).containsExactly("q cancelled at 1.0", "outer cancelled at 1.0");
  }

  @Test
  void aFinishedGroupRefusesNewTasksAndThePlainCloseRefusesToRun() {
    TaskGroup[] group = new TaskGroup[1];
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scope", () -> group[0] = new TaskGroup(),
            tg -> Script.named("body").build()))
        .run(() -> assertThatThrownBy(() -> group[0].createTask(work("late", 1, false)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("is finished"))
        .build());

    assertThatThrownBy(group[0]::close).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aclose");
    assertThatThrownBy(TaskGroup::new).hasMessage("no running event loop");
  }

  @Test
  void anErrorIsThrownAsItselfAfterTheOthersEnd() {
    AssertionError fatal = new AssertionError("fatal");
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.resource("scope", TaskGroup::new, tg -> Script.named("body")
            .run(() -> tg.createTask(work("slow", 5, false)))
            .run(() -> tg.createTask(Script.named("boom").await(() -> sleep(1)).run(() -> {
              throw fatal;
            }).build()))
            .build()), v -> { }, e -> log.add((e == fatal ? "fatal itself" : e.toString())
                + " at " + loop.time()))
        .build());

    assertThat(log).containsExactly("slow cancelled at 1.0", "fatal itself at 1.0");
  }
}
