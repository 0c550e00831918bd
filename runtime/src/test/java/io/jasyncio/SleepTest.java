package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** sleep on the virtual clock: exact times, no real waiting, asyncio's ordering. */
class SleepTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Coroutine<Void> sleeper(String name, double seconds) {
    return Script.named(name).await(() -> sleep(seconds))
        .run(() -> log.add(name + " at " + loop.time())).build();
  }

  @Test
  void anHourOfSleepTakesNoRealTime() {
    loop.runUntilComplete(sleep(3600));

    assertThat(loop.time()).isEqualTo(3600.0);
  }

  @Test
  void sleepersWakeInDeadlineOrderAndTiesInSchedulingOrder() {
    loop.runUntilComplete(Asyncio.gather(sleeper("three", 3), sleeper("one", 1),
        sleeper("two", 2), sleeper("one again", 1)));

    assertThat(log).containsExactly("one at 1.0", "one again at 1.0", "two at 2.0",
        "three at 3.0");
  }

  @Test
  void durationSleepsTheSameAsSeconds() {
    loop.runUntilComplete(sleep(Duration.ofMillis(1500)));

    assertThat(loop.time()).isEqualTo(1.5);
  }

  @Test
  void sleepStartsItsTimerWhenAwaitedNotWhenCreated() {
    Coroutine<Void> later = sleep(1);

    loop.runUntilComplete(Script.named("main").await(() -> sleep(5)).await(() -> later).build());

    assertThat(loop.time()).isEqualTo(6.0);
  }

  @Test
  void sleepZeroYieldsExactlyOnce() {
    Task<Void> yielder = loop.createTask(Script.named("yielder")
        .log(log, "y1").await(() -> sleep(0)).log(log, "y2").build());
    loop.callSoon(() -> log.add("a"));
    loop.callSoon(() -> loop.callSoon(() -> log.add("b")));

    loop.runUntilComplete(yielder);

    // The yield put the task behind "a" and the callback queueing "b", and ahead of "b".
    assertThat(log).containsExactly("y1", "a", "y2", "b");
  }

  @Test
  void sleepZeroInsideAnAwaitedCoroutineQueuesTheTaskBehindWhatIsReady() {
    // Python 3.11 prints ['y1', 'a', 'y2', 'b'] for a task awaiting inner(), which does
    // `await asyncio.sleep(0)` between its two prints.
    Task<Void> yielder = loop.createTask(Script.named("outer")
        .await(() -> Script.named("inner")
            .log(log, "y1").await(() -> sleep(0)).log(log, "y2").build())
        .build());
    loop.callSoon(() -> log.add("a"));
    loop.callSoon(() -> loop.callSoon(() -> log.add("b")));

    loop.runUntilComplete(yielder);

    assertThat(log).containsExactly("y1", "a", "y2", "b");
  }

  @Test
  void anAwaitedSleepCannotBeAwaitedAgain() {
    Coroutine<Void> nap = sleep(0);

    loop.runUntilComplete(Script.named("main")
        .await(() -> nap, v -> log.add("slept"))
        .await(() -> nap, v -> log.add("slept again"), e -> log.add(e.getMessage()))
        .build());

    assertThat(log).hasSize(2);
    assertThat(log.get(0)).isEqualTo("slept");
    assertThat(log.get(1)).startsWith("cannot reuse already awaited coroutine "
        + "<coroutine object sleep at 0x");
  }

  @Test
  void cancellingATaskSleepingInsideAnAwaitedCoroutineThrowsAtThatSleep() {
    Task<Void> task = loop.createTask(Script.named("outer")
        .await(() -> Script.named("inner")
            .await(() -> sleep(10), v -> log.add("woke"), e -> {
              log.add("inner got " + e.getMessage() + " at " + loop.time());
              throw e;
            })
            .build(), v -> log.add("outer went on"), e -> log.add("outer got " + e.getMessage()))
        .build());
    loop.callLater(1, () -> task.cancel("enough"));

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("inner got enough at 1.0", "outer got enough");
    assertThat(task.isCancelled()).isFalse();
  }

  @Test
  void cancellingATaskYieldingInsideAnAwaitedCoroutineThrowsAtThatYield() {
    Task<Void> task = loop.createTask(Script.named("outer")
        .await(() -> Script.named("inner")
            .await(() -> sleep(0), v -> log.add("yielded"), e -> log.add("inner got "
                + e.getClass().getSimpleName()))
            .log(log, "inner went on")
            .build())
        .build());
    loop.callSoon(task::cancel);

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("inner got CancelledException", "inner went on");
  }

  @Test
  void negativeSleepYieldsLikeZero() {
    loop.runUntilComplete(sleep(-5));

    assertThat(loop.time()).isEqualTo(0.0);
    assertThatThrownBy(() -> sleep(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dueTimersRunBeforeTheNextStepOfATaskThatKeepsYielding() {
    // Python 3.11 prints ['spin 0', 'soon', 'timer0', 'spin 1', 'spin 2', 'spin 3'].
    Script.Builder spinner = Script.named("spinner");
    for (int i = 0; i < 4; i++) {
      spinner.log(log, "spin " + i).await(() -> sleep(0));
    }
    List<Task<Void>> spinning = new ArrayList<>();
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          loop.callLater(0, () -> log.add("timer0"));
          spinning.add(Asyncio.createTask(spinner.build()));
          loop.callSoon(() -> log.add("soon"));
        })
        .await(() -> spinning.get(0))
        .build());

    assertThat(log).containsExactly("spin 0", "soon", "timer0", "spin 1", "spin 2", "spin 3");
  }
}
