package io.jasyncio;

import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import example.With;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lock, Semaphore, Event, Condition and Barrier against Python 3.11 (outputs quoted). */
class LocksTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Coroutine<Void> holding(String name, Coroutine<Held> hold, double seconds) {
    return With.awaited(name, () -> hold, held -> Script.named(name + " body")
        .run(() -> log.add(name + " in at " + loop.time()))
        .await(() -> sleep(seconds))
        .build());
  }

  @Test
  void lockIsFairAndACancelledWaiterLosesItsTurn() {
    // Python: ['a in at 0.0', 'c in at 1.0'] False
    Lock lock = new Lock();
    List<Task<Void>> tasks = new ArrayList<>();
    for (String n : List.of("a", "b", "c")) {
      tasks.add(loop.createTask(holding(n, lock.hold(), 1)));
    }
    loop.callLater(0.5, () -> tasks.get(1).cancel());

    loop.runUntilComplete(gather(List.of(tasks.get(0), tasks.get(2))));
    assertThat(log).containsExactly("a in at 0.0", "c in at 1.0");
    assertThat(lock.locked()).isFalse();
    assertThat(tasks.get(1).isCancelled()).isTrue();
    assertThatThrownBy(lock::release).hasMessage("Lock is not acquired.");
  }

  @Test
  void heldFormReleasesOnceEvenOnFailure() {
    Lock lock = new Lock();
    Held[] held = new Held[1];
    IllegalStateException boom = new IllegalStateException("boom");
    loop.runUntilComplete(Script.named("main")
        .await(() -> With.awaited("scope", lock::hold, h -> Script.named("body")
            .run(() -> {
              held[0] = h;
              log.add("locked=" + lock.locked());
              throw boom;
            }).build()), v -> { }, e -> log.add(e == boom ? "boom passes" : "other"))
        .build());

    assertThat(log).containsExactly("locked=true", "boom passes");
    assertThat(lock.locked()).isFalse();
    assertThat(held[0].isHeld()).isFalse();
    held[0].close();
    assertThat(lock.locked()).isFalse();
  }

  @Test
  void semaphoreLetsNTasksInAtATimeInArrivalOrder() {
    // Python: ['a at 0.0', 'b at 0.0', 'c at 1.0', 'd at 1.0', 'e at 2.0']
    Semaphore semaphore = new Semaphore(2);
    List<Coroutine<Void>> all = new ArrayList<>();
    for (String n : List.of("a", "b", "c", "d", "e")) {
      all.add(holding(n, semaphore.hold(), 1));
    }

    loop.runUntilComplete(gather(all));
    assertThat(log).containsExactly("a in at 0.0", "b in at 0.0", "c in at 1.0", "d in at 1.0",
        "e in at 2.0");
    assertThat(semaphore.value()).isEqualTo(2);
    assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boundedSemaphoreRefusesAnExtraRelease() {
    BoundedSemaphore semaphore = new BoundedSemaphore(1);
    loop.runUntilComplete(Script.named("main").await(semaphore::acquire).build());
    semaphore.release();

    // Python: ValueError('BoundedSemaphore released too many times')
    assertThatThrownBy(semaphore::release)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BoundedSemaphore released too many times");
  }

  @Test
  void eventWakesEveryWaiterWhenSet() {
    // Python: ['x woke at 2.0', 'y woke at 2.0']
    Event event = new Event();
    List<Coroutine<Void>> waiters = new ArrayList<>();
    for (String n : List.of("x", "y")) {
      waiters.add(Script.named(n).await(event::waitAsync)
          .run(() -> log.add(n + " woke at " + loop.time())).build());
    }
    loop.callLater(2, event::set);

    loop.runUntilComplete(gather(waiters));
    assertThat(log).containsExactly("x woke at 2.0", "y woke at 2.0");
    assertThat(event.isSet()).isTrue();
    event.clear();
    assertThat(event.isSet()).isFalse();
  }

  @Test
  void conditionNotifyWakesOneWaiterAtATimeWithTheLockHeld() {
    // Python: ['c1 got 0 at 1.0', 'c2 got 1 at 2.0']
    Condition cond = new Condition();
    List<Integer> items = new ArrayList<>();
    Coroutine<Void> c1 = consumer("c1", cond, items);
    Coroutine<Void> c2 = consumer("c2", cond, items);
    Script.Builder producer = Script.named("producer");
    for (int i = 0; i < 2; i++) {
      int item = i;
      producer.await(() -> sleep(1))
          .await(() -> With.awaited("notify", cond::hold, h -> Script.named("n").run(() -> {
            items.add(item);
            cond.notify(1);
          }).build()));
    }

    loop.runUntilComplete(gather(c1, c2, producer.build()));
    assertThat(log).containsExactly("c1 got 0 at 1.0", "c2 got 1 at 2.0");
    assertThatThrownBy(cond::notifyOne).hasMessage("cannot notify on un-acquired lock");
  }

  private Coroutine<Void> consumer(String name, Condition cond, List<Integer> items) {
    return With.awaited(name, cond::hold, h -> Script.named(name + " body")
        .await(() -> cond.waitFor(() -> !items.isEmpty()))
        .run(() -> log.add(name + " got " + items.remove(0) + " at " + loop.time()))
        .build());
  }

  @Test
  void conditionWaitReacquiresTheLockBeforeACancellationLeaves() {
    Condition cond = new Condition();
    Task<Void> waiter = loop.createTask(With.awaited("waiter", cond::hold,
        h -> Script.named("body").await(cond::waitAsync, v -> { }, e -> {
          log.add("cancelled holding the lock: " + cond.locked());
          throw e;
        }).build()));
    loop.callLater(1, waiter::cancel);

    assertThatThrownBy(() -> loop.runUntilComplete(waiter))
        .isInstanceOf(CancelledException.class);
    assertThat(log).containsExactly("cancelled holding the lock: true");
    assertThat(cond.locked()).isFalse();
  }

  @Test
  void barrierReleasesAllPartiesTogetherWithTheirIndexes() {
    // Python: ['c index 2 at 3.0', 'a index 0 at 3.0', 'b index 1 at 3.0'] 0 False
    Barrier barrier = new Barrier(3);
    List<Coroutine<Void>> parties = new ArrayList<>();
    String[] names = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
      String n = names[i];
      double delay = i + 1;
      parties.add(Script.named(n).await(() -> sleep(delay))
          .await(() -> barrierWait(barrier), v -> log.add(n + " index " + v + " at " + loop.time()))
          .build());
    }

    loop.runUntilComplete(gather(parties));
    assertThat(log).containsExactly("c index 2 at 3.0", "a index 0 at 3.0", "b index 1 at 3.0");
    assertThat(barrier.nWaiting()).isZero();
    assertThat(barrier.isBroken()).isFalse();
  }

  @Test
  void abortingABarrierBreaksItsWaiters() {
    // Python: ['broken at 1.0'] True
    Barrier barrier = new Barrier(2);
    Task<Void> lone = loop.createTask(Script.named("lone")
        .await(() -> barrierWait(barrier), v -> { },
            e -> log.add((e instanceof BrokenBarrierException ? "broken" : e.toString())
                + " at " + loop.time()))
        .build());

    loop.runUntilComplete(Script.named("main").await(() -> sleep(1)).await(barrier::abort)
        .await(() -> lone).build());
    assertThat(log).containsExactly("broken at 1.0");
    assertThat(barrier.isBroken()).isTrue();
  }

  private static Coroutine<Integer> barrierWait(Barrier barrier) {
    try {
      return barrier.waitAsync();
    } catch (BrokenBarrierException e) {
      throw new AssertionError("only thrown at the await", e);
    }
  }
}
