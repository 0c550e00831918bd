package io.jasyncio.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs sample test classes through JUnit and checks how the extension ends each test. */
class VirtualTimeExtensionTest {
  @Test
  void aTestThatLeavesATaskPendingFailsNamingTheTask() {
    Events tests = run(LeakingSample.class);

    tests.assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
    tests.assertThatEvents().haveExactly(1, event(test("leavesASleeper"), finishedWithFailure(
        instanceOf(AssertionError.class),
        message(m -> m.startsWith("The test left work behind on its event loop\n"
            + "1 task still pending when the test body returned")
            && m.contains("name='sleeper'")
            && m.contains("at io.jasyncio.test.Clockwork.sleepForAnHour(Clockwork.java:")))));
    assertThat(LeakingSample.log).containsExactly("finally");
  }

  @Test
  void aTestThatAwaitsEverythingPasses() {
    Events tests = run(CleanSample.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
  }

  @Test
  void aTestThatFailsOnItsOwnKeepsItsFailureAndIsStillCleanedUp() {
    Events tests = run(FailingSample.class);

    tests.assertThatEvents().haveExactly(1, event(test("failsAndLeaks"), finishedWithFailure(
        instanceOf(AssertionError.class), message("the test's own failure"))));
    assertThat(FailingSample.log).containsExactly("finally");
  }

  @Test
  void aTestThatForgetsAFailedTaskFails() {
    Events tests = run(UnretrievedSample.class);

    tests.assertThatEvents().haveExactly(1, event(test("forgetsAFailure"), finishedWithFailure(
        instanceOf(AssertionError.class),
        message(m -> m.contains("1 exception never retrieved")
            && m.contains("name='doomed'")))));
  }

  @Test
  void aTestWithoutAScopeParameterIsLeftAlone() {
    Events tests = run(NoScopeSample.class);

    tests.assertThatEvents().haveExactly(1, event(test("plain"), finishedSuccessfully()));
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute()
        .testEvents();
  }

  // The samples below are run only through EngineTestKit: surefire skips nested classes.

  @ExtendWith(VirtualTimeExtension.class)
  static class LeakingSample {
    static final List<String> log = new ArrayList<>();

    @Test
    void leavesASleeper(TestScope scope) {
      scope.run(AsyncClockwork.leaveASleeper(log));
    }
  }

  @ExtendWith(VirtualTimeExtension.class)
  static class CleanSample {
    @Test
    void awaitsItsTask(TestScope scope) {
      List<String> log = new ArrayList<>();
      scope.createTask(AsyncClockwork.ring(log, 5, "rang"));
      scope.advanceUntilIdle();
      assertThat(log).containsExactly("rang");
    }

    @Test
    void runsACoroutine(TestScope scope) {
      assertThat(scope.run(AsyncClockwork.answerAfter(1))).isEqualTo(42);
    }
  }

  @ExtendWith(VirtualTimeExtension.class)
  static class FailingSample {
    static final List<String> log = new ArrayList<>();

    @Test
    void failsAndLeaks(TestScope scope) {
      scope.createTask(AsyncClockwork.sleepForAnHour(log));
      scope.runCurrent();
      throw new AssertionError("the test's own failure");
    }
  }

  @ExtendWith(VirtualTimeExtension.class)
  static class UnretrievedSample {
    @Test
    void forgetsAFailure(TestScope scope) {
      scope.run(AsyncClockwork.forgetAFailure());
    }
  }

  @ExtendWith(VirtualTimeExtension.class)
  static class NoScopeSample {
    @Test
    void plain() {
      assertThat(1 + 1).isEqualTo(2);
    }
  }
}
