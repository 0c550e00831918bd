package io.jasyncio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
  @Test
  void pollsInOrderAndRemoveIfKeepsTheHeapOrdered() {
    TimerHeap<Integer> heap = new TimerHeap<>(Comparator.naturalOrder());
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
}
