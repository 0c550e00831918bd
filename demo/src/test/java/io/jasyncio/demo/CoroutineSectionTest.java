package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.EventLoop;
import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import org.junit.jupiter.api.Test;

class CoroutineSectionTest {
  private static final String REPR = "<coroutine object numSum at 0x[0-9a-f]+>";
  private static final String WARNING = "RuntimeWarning: coroutine 'numSum' was never awaited";

  @Test
  void sectionPrintsTheTutorialsLinesWithTheWarningRightAfterTheCoroutineObject() {
    Printed outAndErr = new Printed();

    outAndErr.asSystemErrDuring(() -> {
      try (Runner runner = new Runner(new VirtualClock())) {
        new CoroutineSection().run(runner, outAndErr.stream());
      }
    });

    assertThat(outAndErr.lines()).hasSize(4);
    assertThat(outAndErr.lines().get(0)).isEqualTo("10");
    assertThat(outAndErr.lines().get(1)).matches(REPR);
    assertThat(outAndErr.lines().get(2)).isEqualTo(WARNING);
    assertThat(outAndErr.lines().get(3)).isEqualTo("10");
  }

  @Test
  void warningGoesToStandardErrorAndTheResultsToTheGivenStream() {
    Printed out = new Printed();
    Printed err = new Printed();

    err.asSystemErrDuring(() -> {
      try (Runner runner = new Runner(new VirtualClock())) {
        new CoroutineSection().run(runner, out.stream());
      }
    });

    assertThat(out.lines()).hasSize(3);
    assertThat(out.lines().get(0)).isEqualTo("10");
    assertThat(out.lines().get(1)).matches(REPR);
    assertThat(out.lines().get(2)).isEqualTo("10");
    assertThat(err.lines()).containsExactly(WARNING);
  }

  @Test
  void plainFunctionReturnsItsArgument() {
    assertThat(CoroutineSection.numsum(10)).isEqualTo(10);
  }

  @Test
  void sectionNameIsWhatTheCommandLineTakes() {
    assertThat(new CoroutineSection().name()).isEqualTo("coroutine");
  }

  @Test
  void awaitingTheCoroutinePrintsItsValue() {
    Printed out = new Printed();
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      loop.runUntilComplete(AsyncCoroutineSection.printAwaited(out.stream()));
    } finally {
      loop.close();
    }

    assertThat(out.lines()).containsExactly("10");
  }

  @Test
  void awaitedCoroutineGivesTheSameValueWithoutTakingTime() {
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      assertThat(loop.runUntilComplete(AsyncCoroutineSection.numSum(10))).isEqualTo(10);
      assertThat(loop.time()).isEqualTo(0.0);
    } finally {
      loop.close();
    }
  }
}
