package io.jasyncio.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimingTest {
  @Test
  void medianOfOddAndEvenLengths() {
    assertThat(Timing.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Timing.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void mediansPerMetricInWorkloadOrder() {
    List<Timing.Median> m = Timing.medians(List.of(
        Sample.of(10, "a", 5).and("b", 1), Sample.of(10, "a", 1).and("b", 2),
        Sample.of(10, "a", 3).and("b", 3)));
    assertThat(m).containsExactly(new Timing.Median("a", 3, 10, 3),
        new Timing.Median("b", 2, 10, 3));
  }

  @Test
  void runsThatDidDifferentWorkAreAnError() {
    assertThatThrownBy(() -> Timing.medians(List.of(Sample.of(10, "a", 1), Sample.of(9, "a", 1))))
        .hasMessageContaining("run 2 did 9 units of work, the first 10");
  }

  @Test
  void warmsUpThenMeasuresWithinTheBudget() {
    AtomicLong now = new AtomicLong();
    AtomicInteger runs = new AtomicInteger();
    // Each run takes 0.4 s of the fake clock: 1 s of warm-up is 3 runs, 1 s of measuring 3 more.
    List<Timing.Median> m = new Timing(1, 1, 10).measure(() -> {
      now.addAndGet(400_000_000L);
      return Sample.of(1, "x", runs.incrementAndGet());
    }, now::get);
    assertThat(runs).hasValue(6);
    assertThat(m).containsExactly(new Timing.Median("x", 5, 1, 3));
  }

  @Test
  void onceRunsExactlyOnce() {
    AtomicInteger runs = new AtomicInteger();
    Timing.ONCE.measure(() -> Sample.of(1, "x", runs.incrementAndGet()), () -> 0L);
    assertThat(runs).hasValue(1);
  }

  @Test
  void stopsAtMaxRuns() {
    AtomicInteger runs = new AtomicInteger();
    List<Timing.Median> m = new Timing(0, 100, 4)
        .measure(() -> Sample.of(1, "x", runs.incrementAndGet()), () -> 0L);
    assertThat(m.get(0).runs()).isEqualTo(4);
  }
}
