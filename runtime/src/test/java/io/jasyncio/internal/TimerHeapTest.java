package io.jasyncio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
  /** A timer of the test: a deadline that can be cancelled. */
  private static final class Timer {
    final int when;
    boolean cancelled;

    Timer(int when) {
      this.when = when;
    }

    /** Cancels it and tells the heap, as a TimerHandle in the loop's heap does. */
    void cancelIn(TimerHeap<Timer> heap) {
      cancelled = true;
      heap.countCancelled();
    }
  }

  private static TimerHeap<Timer> timerHeap() {
    return new TimerHeap<>(Comparator.comparingInt(t -> t.when), t -> t.cancelled);
  }

  @Test
  void pollsInOrderAndRemoveIfKeepsTheHeapOrdered() {
    TimerHeap<Integer> heap = new TimerHeap<>(Comparator.naturalOrder(), v -> false);
    Random random = new Random(42);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int v = random.nextInt(500);
      heap.add(v);
      if (v % 3 != 0) {
        expected.add(v);
      }
    }
    heap.removeIf(v -> v % 3 == 0);
    expected.sort(null);

    List<Integer> polled = new ArrayList<>();
    while (!heap.isEmpty()) {
      polled.add(heap.poll());
    }
    assertThat(polled).isEqualTo(expected);
    assertThat(heap.poll()).isNull();
    assertThat(heap.peek()).isNull();
  }

  @Test
  void dropsOnlyCancelledTimersAtTheTopWhileTheyAreAtMostHalf() {
    TimerHeap<Timer> heap = timerHeap();
    List<Timer> timers = add(heap, 200);
    timers.get(0).cancelIn(heap);
    timers.get(1).cancelIn(heap);
    for (Timer t : timers.subList(100, 198)) { // 100 cancelled of 200: not more than half
      t.cancelIn(heap);
    }
    List<Timer> dropped = new ArrayList<>();

    heap.dropCancelled(dropped::add);

    assertThat(dropped).containsExactly(timers.get(0), timers.get(1));
    assertThat(heap.size()).isEqualTo(198);
    assertThat(heap.cancelledCount()).isEqualTo(98);
    assertThat(heap.peek()).isSameAs(timers.get(2));
  }

  @Test
  void dropsEveryCancelledTimerAtOnceWhenTheyAreMoreThanHalfOfOverAHundred() {
    TimerHeap<Timer> heap = timerHeap();
    List<Timer> timers = add(heap, 200);
    for (Timer t : timers.subList(99, 200)) { // 101 of 200, none at the top
      t.cancelIn(heap);
    }
    List<Timer> dropped = new ArrayList<>();

    heap.dropCancelled(dropped::add);

    assertThat(dropped).hasSize(101).allMatch(t -> t.cancelled);
    assertThat(heap.size()).isEqualTo(99);
    assertThat(heap.cancelledCount()).isZero();
    List<Integer> left = new ArrayList<>();
    for (Timer t = heap.poll(); t != null; t = heap.poll()) {
      left.add(t.when);
    }
    assertThat(left).hasSize(99).isSorted().doesNotContain(99);
  }

  @Test
  void aHeapOfAHundredOrFewerIsNeverRebuilt() {
    TimerHeap<Timer> heap = timerHeap();
    List<Timer> timers = add(heap, 100);
    for (Timer t : timers.subList(1, 100)) {
      t.cancelIn(heap);
    }

    heap.dropCancelled(t -> { });

    assertThat(heap.size()).isEqualTo(100);
  }

  @Test
  void pollingACancelledTimerUncountsIt() {
    TimerHeap<Timer> heap = timerHeap();
    List<Timer> timers = add(heap, 3);
    timers.get(0).cancelIn(heap);

    heap.poll();

    assertThat(heap.cancelledCount()).isZero();
  }

  /** {@code n} timers due at 0, 1, ... n - 1, added in a shuffled order. */
  private static List<Timer> add(TimerHeap<Timer> heap, int n) {
    List<Timer> timers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      timers.add(new Timer(i));
    }
    List<Timer> shuffled = new ArrayList<>(timers);
    java.util.Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(heap::add);
    return timers;
  }
}
