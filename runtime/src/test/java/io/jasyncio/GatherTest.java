package io.jasyncio;

import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gather: argument order, first exception, the others running on, cancellation. */
class GatherTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Coroutine<String> after(double seconds, String value) {
    return Script.named(value).await(() -> sleep(seconds))
        .run(() -> log.add(value + " done")).returning(() -> value);
  }

  @Test
  void resultsComeInArgumentOrderNotCompletionOrder() {
    List<String> results = loop.runUntilComplete(
        gather(after(3, "a"), after(1, "b"), after(2, "c")));

    assertThat(results).containsExactly("a", "b", "c");
    assertThat(log).containsExactly("b done", "c done", "a done");
  }

  @Test
  void firstExceptionReachesTheAwaiterWhileTheOthersKeepRunning() {
    // Python 3.11 prints ['fail', 'caught x at 1', 'slow done'].
    IllegalStateException x = new IllegalStateException("x");
    Coroutine<String> fails = Script.named("fails").await(() -> sleep(1))
        .log(log, "fail").run(() -> {
          throw x;
        }).returning(() -> "never");
    Coroutine<String> slow = after(2, "slow");

    loop.runUntilComplete(Script.named("main")
        .await(() -> gather(slow, fails), v -> log.add("no exception"),
            e -> log.add("caught " + e.getMessage() + " at " + loop.time()
                + (e == x ? " (same object)" : "")))
        .await(() -> sleep(5))
        .build());

    assertThat(log).containsExactly("fail", "caught x at 1.0 (same object)", "slow done");
  }

  @Test
  void futuresTasksAndDuplicatesMix() {
    AsyncFuture<String> future = loop.createFuture();
    loop.callLater(1, () -> future.setResult("f"));
    Task<String> task = loop.createTask(after(2, "t"));
    Coroutine<String> twice = after(0, "c");

    List<String> results = loop.runUntilComplete(gather(future, task, twice, twice, future));

    assertThat(results).containsExactly("f", "t", "c", "c", "f");
    assertThat(log).containsExactly("c done", "t done");
  }

  @Test
  void aFutureGivenTwiceIsWatchedOnceAndCanBeGatheredAgainAlone() {
    AsyncFuture<String> f = loop.createFuture();
    AsyncFuture<String> g = loop.createFuture();
    loop.callLater(1, () -> f.setResult("f"));
    loop.callLater(2, () -> g.setResult("g"));

    assertThat(loop.runUntilComplete(gather(f, g, f, g, f)))
        .containsExactly("f", "g", "f", "g", "f");
    // The marks that told the repeats apart are gone: alone, f is a first argument again.
    assertThat(loop.runUntilComplete(gather(f))).containsExactly("f");
    assertThat(loop.runUntilComplete(gather(g, f))).containsExactly("g", "f");
    assertThat(loop.time()).isEqualTo(2.0);
  }

  @Test
  void aFailedGatherStartLeavesNoMarkOnItsFutures() {
    AsyncFuture<String> mine = loop.createFuture();
    EventLoop other = EventLoop.create(new VirtualClock());
    AsyncFuture<String> theirs = other.createFuture();
    other.close();
    mine.setResult("m");

    assertThatThrownBy(() -> loop.runUntilComplete(gather(mine, theirs)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(loop.runUntilComplete(gather(mine))).containsExactly("m");
  }

  @Test
  void aCoroutineGivenAgainAfterOthersRunsOnceAndFillsEachPlace() {
    Coroutine<String> a = after(1, "a");
    Coroutine<String> b = after(0, "b");

    List<String> results = loop.runUntilComplete(gather(a, b, a, b, a));

    assertThat(results).containsExactly("a", "b", "a", "b", "a");
    assertThat(log).containsExactly("b done", "a done");
  }

  @Test
  void aCoroutineAwaitedBeforeCannotBeGathered() {
    Coroutine<String> used = after(0, "used");
    loop.runUntilComplete(used);
    Coroutine<String> fresh = after(0, "fresh");

    loop.runUntilComplete(Script.named("main")
        .await(() -> gather(fresh, fresh, used), v -> log.add("gathered"),
            e -> log.add(e.getMessage()))
        .build());

    assertThat(log).hasSize(2);
    assertThat(log.get(0)).isEqualTo("used done");
    assertThat(log.get(1)).startsWith("cannot reuse already awaited coroutine "
        + "<coroutine object used at 0x");
  }

  @Test
  void gatherOfNothingIsDoneWithAnEmptyList() {
    AsyncFuture<List<Object>> none = gather();

    assertThat(none.isDone()).isTrue();
    assertThat(none.result()).isEmpty();
    assertThatThrownBy(() -> none.addDoneCallback(f -> { }))
        .hasMessage("no running event loop to run the callback on");
    assertThat(loop.runUntilComplete(none)).isEmpty();
  }

  @Test
  void gatherMadeOutsideALoopStartsOnTheLoopThatAwaitsIt() {
    AsyncFuture<List<String>> both = gather(after(1, "a"), after(2, "b"));
    assertThat(both.getLoop()).isNull();

    List<String> results = loop.runUntilComplete(Script.named("main")
        .await(() -> both).returning(both::result));

    assertThat(results).containsExactly("a", "b");
    assertThat(both.getLoop()).isSameAs(loop);
  }

  @Test
  void cancellingTheGatherCancelsItsChildren() {
    Task<String> a = loop.createTask(after(5, "a"));
    Task<String> b = loop.createTask(after(5, "b"));
    AsyncFuture<List<String>> both = gather(a, b);
    loop.callLater(1, both::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(both)).isInstanceOf(CancelledException.class);
    assertThat(a.isCancelled()).isTrue();
    assertThat(b.isCancelled()).isTrue();
    assertThat(log).isEmpty();
    assertThat(loop.time()).isEqualTo(1.0);
  }

  @Test
  void aCancelledChildFailsTheGatherWithCancelledException() {
    Task<String> a = loop.createTask(after(5, "a"));
    Task<String> b = loop.createTask(after(1, "b"));
    loop.callSoon(a::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(gather(a, b)))
        .isInstanceOf(CancelledException.class);
  }
}
