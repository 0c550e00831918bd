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

/** Queue, PriorityQueue and LifoQueue against Python 3.11 (outputs quoted). */
class QueueTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void boundedQueueMakesTheProducerWaitAndJoinWaitsForTaskDone() {
    // Python: ['put 0 at 0.0', 'put 1 at 0.0', 'put 2 at 0.0', 'got 0 at 1.0', 'put 3 at 1.0',
    //          'got 1 at 2.0', 'got 2 at 3.0', 'got 3 at 4.0', 'joined at 4.0']
    Queue<Integer> q = new Queue<>(2);
    Script.Builder consumer = Script.named("consumer");
    for (int i = 0; i < 4; i++) {
      Object[] item = new Object[1];
      consumer.await(q::get, v -> item[0] = v).await(() -> sleep(1)).run(() -> {
        log.add("got " + item[0] + " at " + loop.time());
        q.taskDone();
      });
    }
    Script.Builder main = Script.named("main").run(() -> loop.createTask(consumer.build()));
    for (int i = 0; i < 4; i++) {
      int item = i;
      main.await(() -> q.put(item)).run(() -> log.add("put " + item + " at " + loop.time()));
    }
    main.await(q::join).run(() -> log.add("joined at " + loop.time()));

    loop.runUntilComplete(main.build());
    assertThat(log).containsExactly("put 0 at 0.0", "put 1 at 0.0", "put 2 at 0.0",
        "got 0 at 1.0", "put 3 at 1.0", "got 1 at 2.0", "got 2 at 3.0", "got 3 at 4.0",
        "joined at 4.0");
    // Python: ValueError('task_done() called too many times')
    assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task_done() called too many times");
  }

  @Test
  void nowaitFormsThrowWhenEmptyOrFull() {
    Queue<String> q = new Queue<>(1);
    assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmptyException.class);
    q.putNowait("a");
    assertThat(q.full()).isTrue();
    assertThatThrownBy(() -> q.putNowait("b")).isInstanceOf(QueueFullException.class);
    assertThat(q.getNowait()).isEqualTo("a");
    assertThat(q.empty()).isTrue();
    assertThat(new Queue<String>().full()).isFalse();
  }

  @Test
  void gettersAreServedInArrivalOrderAndACancelledGetterIsSkipped() {
    Queue<String> q = new Queue<>();
    List<Task<Void>> getters = new ArrayList<>();
    for (String n : List.of("g1", "g2", "g3")) {
      getters.add(loop.createTask(Script.named(n)
          .await(q::get, v -> log.add(n + " got " + v)).build()));
    }
    loop.callLater(1, () -> getters.get(0).cancel());
    loop.callLater(2, () -> {
      q.putNowait("x");
      q.putNowait("y");
    });

    loop.runUntilComplete(Asyncio.gather(List.of(getters.get(1), getters.get(2))));
    assertThat(log).containsExactly("g2 got x", "g3 got y");
  }

  @Test
  void priorityAndLifoQueuesChangeTheOrder() {
    // Python: [1, 2, 3] [2, 1, 3]
    PriorityQueue<Integer> pq = new PriorityQueue<>();
    LifoQueue<Integer> lq = new LifoQueue<>();
    PriorityQueue<String> byLength = new PriorityQueue<>(0, Comparator.comparing(String::length));
    for (int x : new int[] {3, 1, 2}) {
      pq.putNowait(x);
      lq.putNowait(x);
    }
    byLength.putNowait("ccc");
    byLength.putNowait("a");

    assertThat(List.of(pq.getNowait(), pq.getNowait(), pq.getNowait())).containsExactly(1, 2, 3);
    assertThat(List.of(lq.getNowait(), lq.getNowait(), lq.getNowait())).containsExactly(2, 1, 3);
    assertThat(byLength.getNowait()).isEqualTo("a");
  }
}
