package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.AsyncKitchen;
import example.Nest;
import example.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@code suspendOn}/{@code awaited} behave: what suspends, what runs inline, and what goes
 * through the ready queue. A {@code callSoon} marker queued right behind a task shows whether
 * the task went back to the queue: it logs before the task's next line only if the task did.
 */
class AwaitTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void awaitingDoneFutureDoesNotSuspendNorQueue() {
    AsyncFuture<Integer> done = loop.createFuture();
    done.setResult(7);
    Task<Void> task = loop.createTask(Script.named("main")
        .log(log, "before")
        .await(() -> done, v -> log.add("got " + v))
        .build());
    loop.callSoon(() -> log.add("marker"));

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("before", "got 7", "marker");
  }

  @Test
  void awaitingPendingFutureSuspendsUntilItIsSet() {
    AsyncFuture<String> future = loop.createFuture();
    Task<Void> task = loop.createTask(Script.named("main")
        .log(log, "before")
        .await(() -> future, v -> log.add("got " + v))
        .build());
    loop.callSoon(() -> {
      log.add("setting");
      future.setResult("x");
      log.add("set");
    });

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("before", "setting", "set", "got x");
  }

  @Test
  void awaitingCoroutineRunsItInlineWithoutQueueing() {
    Task<Void> task = loop.createTask(Script.named("parent")
        .log(log, "parent starts")
        .await(() -> Script.named("child").log(log, "child runs").returning(() -> 5),
            v -> log.add("parent got " + v))
        .build());
    loop.callSoon(() -> log.add("marker"));

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("parent starts", "child runs", "parent got 5", "marker");
  }

  @Test
  void parentResumesInTheStepInWhichItsSuspendedChildFinishes() {
    Task<Void> task = loop.createTask(Script.named("parent")
        .log(log, "p1")
        .await(() -> Script.named("child")
            .log(log, "c1")
            .await(() -> sleep(0))
            .log(log, "c2")
            .build())
        .log(log, "p2")
        .build());
    loop.callSoon(() -> {
      log.add("m1");
      // Queued behind the task's wake-up: it must come after the parent's p2.
      loop.callSoon(() -> log.add("m2"));
    });

    loop.runUntilComplete(task);

    assertThat(log).containsExactly("p1", "c1", "m1", "c2", "p2", "m2");
  }

  @Test
  void finishingADeepChainAfterASuspensionDoesNotGrowTheStack() {
    int result = loop.runUntilComplete(Nest.chain(300));

    assertThat(result).isEqualTo(300);
    // The outermost coroutine resumed at the same stack depth as the innermost one: the runtime
    // hands each result up in a loop, not through 300 nested calls.
    assertThat(Nest.rootDepth).isEqualTo(Nest.leafDepth);
  }

  @Test
  void longSequenceOfSuspendingAwaitsRunsInConstantStack() {
    Script.Builder many = Script.named("many");
    int[] count = {0};
    for (int i = 0; i < 20_000; i++) {
      many.await(() -> Script.named("child").await(() -> sleep(0)).build(), v -> count[0]++);
    }

    loop.runUntilComplete(many.build());

    assertThat(count[0]).isEqualTo(20_000);
  }

  @Test
  void awaitingACoroutineTwiceThrowsIllegalStateException() {
    Coroutine<Integer> once = new AsyncKitchen().twice(2);
    List<Throwable> errors = new ArrayList<>();

    loop.runUntilComplete(Script.named("main")
        .await(() -> once, v -> log.add("first " + v))
        .await(() -> once, v -> log.add("second " + v), errors::add)
        .build());

    assertThat(log).containsExactly("first 4");
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class)
        .extracting(Throwable::getMessage).asString()
        .startsWith("cannot reuse already awaited coroutine <coroutine object twice at 0x");
    assertThatThrownBy(() -> loop.createTask(once)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> loop.runUntilComplete(once))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void schedulingACoroutineTwiceThrowsIllegalStateException() {
    Coroutine<Integer> once = new AsyncKitchen().twice(2);
    loop.createTask(once);

    assertThatThrownBy(() -> loop.createTask(once)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Asyncio.gather(once)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void creatingACoroutineRunsNothing() {
    Coroutine<Void> lazy = Script.named("lazy").log(log, "ran").build();

    assertThat(log).isEmpty();
    loop.runUntilComplete(lazy);
    assertThat(log).containsExactly("ran");
  }

  @Test
  void awaitedReadsPrimitivesWithAssignmentConversion() {
    List<Object> seen = new ArrayList<>();
    loop.runUntilComplete(new Primitives(seen));

    assertThat(seen).containsExactly(7L, 65, (short) 3, 2.5f, 7.0, true, 'z', (byte) 1);
  }

  @Test
  void aTaskCannotAwaitItself() {
    List<Throwable> errors = new ArrayList<>();
    Task<?>[] self = new Task<?>[1];
    self[0] = loop.createTask(Script.named("selfish")
        .await(() -> self[0], v -> { }, errors::add)
        .build());

    loop.runUntilComplete(self[0]);

    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
  }

  /** Awaits boxed values and reads them through each primitive accessor. */
  private static final class Primitives extends io.jasyncio.internal.CoroutineMachine<Void> {
    private final List<Object> seen;

    Primitives(List<Object> seen) {
      super("primitives");
      this.seen = seen;
    }

    @Override
    protected void resume() throws Throwable {
      suspendOn(Asyncio.done(7), 1);
      seen.add(awaitedLong());
      suspendOn(Asyncio.done('A'), 1);
      seen.add(awaitedInt());
      suspendOn(Asyncio.done((byte) 3), 1);
      seen.add(awaitedShort());
      suspendOn(Asyncio.done(2.5f), 1);
      seen.add(awaitedFloat());
      suspendOn(Asyncio.done(7), 1);
      seen.add(awaitedDouble());
      suspendOn(Asyncio.done(true), 1);
      seen.add(awaitedBoolean());
      suspendOn(Asyncio.done('z'), 1);
      seen.add(awaitedChar());
      suspendOn(Asyncio.done((byte) 1), 1);
      seen.add(awaitedByte());
      complete(null);
    }
  }
}
