package io.jasyncio.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VirtualTimeExtension.class)
class TestScopeTest {
  private final List<String> log = new ArrayList<>();

  @Test
  void timeStartsAtZero(TestScope scope) {
    assertThat(scope.currentTime()).isEqualTo(0.0);
  }

  @Test
  void runRunsToTheEndAndMovesTimeAsTheTimersNeed(TestScope scope) {
    assertThat(scope.run(AsyncClockwork.answerAfter(3600))).isEqualTo(42);
    assertThat(scope.currentTime()).isEqualTo(3600.0);
  }

  @Test
  void runThrowsTheCoroutinesOwnException(TestScope scope) {
    assertThatThrownBy(() -> scope.run(AsyncClockwork.fail()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void advanceTimeByRunsTimersDueStrictlyBeforeTheNewTime(TestScope scope) {
    scope.createTask(AsyncClockwork.ring(log, 1, "one"));
    scope.createTask(AsyncClockwork.ring(log, 2, "two"));
    scope.createTask(AsyncClockwork.ring(log, 3, "three"));

    scope.advanceTimeBy(2);

    assertThat(log).containsExactly("one");
    assertThat(scope.currentTime()).isEqualTo(2.0);

    scope.runCurrent();

    assertThat(log).containsExactly("one", "two");
    assertThat(scope.currentTime()).isEqualTo(2.0);

    scope.advanceTimeBy(Duration.ofMillis(1500));

    assertThat(log).containsExactly("one", "two", "three");
    assertThat(scope.currentTime()).isEqualTo(3.5);
  }

  @Test
  void advanceTimeByMovesTimeWhenNothingIsScheduled(TestScope scope) {
    scope.advanceTimeBy(10);

    assertThat(scope.currentTime()).isEqualTo(10.0);
    assertThat(scope.loop().time()).isEqualTo(10.0);
  }

  @Test
  void advanceTimeByRefusesToGoBack(TestScope scope) {
    assertThatThrownBy(() -> scope.advanceTimeBy(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scope.advanceTimeBy(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runCurrentRunsWhatIsReadyWithoutMovingTime(TestScope scope) {
    Task<Void> now = scope.createTask(AsyncClockwork.ring(log, 0, "now"));
    Task<Void> later = scope.createTask(AsyncClockwork.ring(log, 5, "later"));

    scope.runCurrent();

    assertThat(now.isDone()).isTrue();
    assertThat(later.isDone()).isFalse();
    assertThat(log).containsExactly("now");
    assertThat(scope.currentTime()).isEqualTo(0.0);

    scope.advanceUntilIdle();
  }

  @Test
  void advanceUntilIdleRunsEveryTimerAndStopsAtTheLast(TestScope scope) {
    Task<Integer> answer = scope.createTask(AsyncClockwork.answerAfter(7));
    scope.createTask(AsyncClockwork.ring(log, 2, "two"));

    scope.advanceUntilIdle();

    assertThat(answer.result()).isEqualTo(42);
    assertThat(log).containsExactly("two");
    assertThat(scope.currentTime()).isEqualTo(7.0);
  }

  @Test
  void tasksMadeInsideTheLoopRunThere(TestScope scope) {
    assertThat(scope.run(AsyncClockwork.leaveASleeper(log))).isEqualTo(1);
    assertThat(scope.currentTime()).isEqualTo(1.0);

    scope.advanceTimeBy(3600);

    assertThat(log).containsExactly("woke", "finally");
    assertThat(scope.currentTime()).isEqualTo(3601.0);
  }
}
