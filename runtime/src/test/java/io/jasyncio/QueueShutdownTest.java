package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queue.shutdown with Python 3.13's semantics, for Queue, LifoQueue and PriorityQueue. */
class QueueShutdownTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Script.OnError logged(String who) {
    return e -> log.add(who + " got " + e.getClass().getSimpleName() + " at " + loop.time());
  }

  @Test
  void putsThrowAtOnceAndGetsOnlyOnceTheQueueIsEmpty() {
    Queue<String> q = new Queue<>();
    q.putNowait("a");
    q.putNowait("b");

    q.shutdown();

    assertThat(q.toString()).isEqualTo("<Queue maxsize=0 _queue=[a, b] tasks=2 shutdown>");
    assertThatThrownBy(() -> q.putNowait("c")).isInstanceOf(QueueShutDownException.class);
    loop.runUntilComplete(Script.named("main")
        .await(() -> q.put("c"), v -> log.add("put c"), logged("put"))
        .await(q::get, v -> log.add("got " + v))
        .build());
    assertThat(q.getNowait()).isEqualTo("b");
    assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDownException.class);
    loop.runUntilComplete(Script.named("late")
        .await(q::get, v -> log.add("got " + v), logged("get")).build());
    assertThat(log).containsExactly("put got QueueShutDownException at 0.0", "got a",
        "get got QueueShutDownException at 0.0");
    assertThat(q.qsize()).isZero();
  }

  @Test
  void blockedGettersAreWokenToThrow() {
    Queue<String> q = new Queue<>();
    Task<Void> first = loop.createTask(Script.named("first")
        .await(q::get, v -> log.add("first got " + v), logged("first")).build());
    Task<Void> second = loop.createTask(Script.named("second")
        .await(q::get, v -> log.add("second got " + v), logged("second")).build());
    loop.callLater(2, q::shutdown);

    loop.runUntilComplete(Asyncio.gather(first, second));

    assertThat(log).containsExactly("first got QueueShutDownException at 2.0",
        "second got QueueShutDownException at 2.0");
  }

  @Test
  void blockedPuttersAreWokenToThrowAndWhatWasPutCanStillBeTaken() {
    Queue<String> q = new Queue<>(1);
    q.putNowait("kept");
    Task<Void> putter = loop.createTask(Script.named("putter")
        .await(() -> q.put("refused"), v -> log.add("put"), logged("putter")).build());
    loop.callLater(1, q::shutdown);

    loop.runUntilComplete(putter);

    assertThat(log).containsExactly("putter got QueueShutDownException at 1.0");
    assertThat(q.getNowait()).isEqualTo("kept");
    assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDownException.class);
  }

  @Test
  void aShutdownAfterAGetterWasWokenByAPutLetsItTakeTheItem() {
    // put_nowait wakes the getter; the shutdown comes before it runs: the queue is not empty,
    // so the get still returns the item.
    Queue<String> q = new Queue<>();
    Task<Void> getter = loop.createTask(Script.named("getter")
        .await(q::get, v -> log.add("got " + v), logged("getter")).build());
    loop.callLater(1, () -> {
      q.putNowait("x");
      q.shutdown();
    });

    loop.runUntilComplete(getter);

    assertThat(log).containsExactly("got x");
  }

  @Test
  void immediateShutdownDropsTheItemsCountsThemDoneAndWakesJoin() {
    Queue<String> q = new Queue<>();
    q.putNowait("a");
    q.putNowait("b");
    q.putNowait("c");
    Task<Void> joiner = loop.createTask(Script.named("joiner")
        .await(q::join, v -> log.add("joined at " + loop.time())).build());
    Task<Void> consumer = loop.createTask(Script.named("consumer")
        .await(q::get, v -> log.add("took " + v))
        .await(() -> sleep(5))
        .run(q::taskDone)
        .await(q::get, v -> log.add("took " + v), logged("consumer"))
        .build());
    loop.callLater(1, () -> q.shutdown(true));

    loop.runUntilComplete(Asyncio.gather(joiner, consumer));

    // "a" was taken before the shutdown and is not done until 5.0: join waits for it, not for
    // the two items the shutdown dropped. taskDone() queues the joiner's wake-up, and the
    // consumer's next get throws in the same step, before the joiner runs.
    assertThat(log).containsExactly("took a", "consumer got QueueShutDownException at 5.0",
        "joined at 5.0");
    assertThat(q.qsize()).isZero();
    assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void immediateShutdownMakesBlockedGettersThrowAndPendingJoinReturn() {
    Queue<String> q = new Queue<>();
    Task<Void> getter = loop.createTask(Script.named("getter")
        .await(q::get, v -> log.add("got " + v), logged("getter")).build());
    loop.callLater(1, () -> q.shutdown(true));

    loop.runUntilComplete(getter);
    loop.runUntilComplete(Script.named("join")
        .await(q::join, v -> log.add("joined at " + loop.time())).build());

    assertThat(log).containsExactly("getter got QueueShutDownException at 1.0", "joined at 1.0");
  }

  @Test
  void lifoAndPriorityQueuesGiveWhatIsLeftInTheirOrderThenThrow() {
    LifoQueue<Integer> lifo = new LifoQueue<>();
    PriorityQueue<Integer> priority = new PriorityQueue<>(0, Comparator.reverseOrder());
    for (int i : new int[] {2, 3, 1}) {
      lifo.putNowait(i);
      priority.putNowait(i);
    }
    lifo.shutdown();
    priority.shutdown();

    assertThatThrownBy(() -> lifo.putNowait(4)).isInstanceOf(QueueShutDownException.class);
    assertThatThrownBy(() -> priority.putNowait(4)).isInstanceOf(QueueShutDownException.class);
    assertThat(List.of(lifo.getNowait(), lifo.getNowait(), lifo.getNowait()))
        .containsExactly(1, 3, 2);
    assertThat(List.of(priority.getNowait(), priority.getNowait(), priority.getNowait()))
        .containsExactly(3, 2, 1);
    assertThatThrownBy(lifo::getNowait).isInstanceOf(QueueShutDownException.class);
    assertThatThrownBy(priority::getNowait).isInstanceOf(QueueShutDownException.class);
  }
}
