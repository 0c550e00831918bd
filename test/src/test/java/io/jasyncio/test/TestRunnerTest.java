package io.jasyncio.test;

import static io.jasyncio.test.TestRunner.runTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRunnerTest {
  private final List<String> log = new ArrayList<>();

  @Test
  void runTestReturnsTheResultAfterVirtualTime() {
    double[] time = new double[1];

    int answer = runTest(scope -> {
      time[0] = scope.currentTime();
      return AsyncClockwork.answerAfter(3600);
    });

    assertThat(answer).isEqualTo(42);
    assertThat(time[0]).isEqualTo(0.0);
  }

  @Test
  void eachRunHasAFreshLoopAndClock() {
    List<Double> starts = new ArrayList<>();

    for (int i = 0; i < 2; i++) {
      runTest(scope -> {
        starts.add(scope.currentTime());
        return AsyncClockwork.answerAfter(10);
      });
    }

    assertThat(starts).containsExactly(0.0, 0.0);
  }

  @Test
  void aTaskLeftPendingFailsTheTestWithItsNameAndStackAndIsCancelled() {
    AssertionError failure = catchThrowableOfType(AssertionError.class,
        () -> runTest(scope -> AsyncClockwork.leaveASleeper(log)));

    assertThat(failure).hasMessageContaining(
        "1 task still pending when the test body returned (cancelled since)");
    assertThat(failure.getMessage())
        .contains("Stack for <Task pending name='sleeper' coro=<coroutine object sleepForAnHour")
        .contains("at io.jasyncio.test.Clockwork.sleepForAnHour(Clockwork.java:");
    assertThat(log).containsExactly("finally");
  }

  @Test
  void anExceptionNeverRetrievedFailsTheTest() {
    AssertionError failure = catchThrowableOfType(AssertionError.class,
        () -> runTest(scope -> AsyncClockwork.forgetAFailure()));

    assertThat(failure.getMessage())
        .contains("1 exception never retrieved")
        .contains("Task exception was never retrieved\nfuture: <Task finished name='doomed'")
        .contains("exception=IllegalStateException('boom')")
        .doesNotContain("still pending");
    assertThat(failure.getSuppressed()).singleElement()
        .isInstanceOf(IllegalStateException.class)
        .hasFieldOrPropertyWithValue("message", "boom");
  }

  @Test
  void aCoroutineNeverAwaitedFailsTheTest() {
    assertThatThrownBy(() -> runTest(scope -> AsyncClockwork.forgetACoroutine()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 coroutine never awaited")
        .hasMessageContaining("RuntimeWarning: coroutine 'answerAfter' was never awaited");
  }

  @Test
  void theBodysOwnExceptionWinsAndCarriesWhatItLeftBehind() {
    assertThatThrownBy(() -> runTest(scope -> {
      scope.createTask(AsyncClockwork.sleepForAnHour(log), "sleeper");
      return AsyncClockwork.fail();
    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .isInstanceOf(AssertionError.class)
            .extracting(Throwable::getMessage).asString().contains("name='sleeper'"));
    assertThat(log).containsExactly("finally");
  }

  @Test
  void aCleanBodyPassesWithNothingToReport() {
    int answer = runTest(scope -> AsyncClockwork.answerAfter(0));

    assertThat(answer).isEqualTo(42);
  }
}
