package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Runner;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import io.jasyncio.test.TestScope;
import io.jasyncio.test.VirtualTimeExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VirtualTimeExtension.class)
class BoilingSectionTest {
  private static final List<String> TUTORIAL = TutorialText.BOILING;

  @Test
  void sectionPrintsTheTutorialsLinesInThreeSecondsOfLoopTime() {
    Printed out = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new BoilingSection().run(runner, out.stream());

      assertThat(out.lines()).isEqualTo(TUTORIAL);
      assertThat(runner.getLoop().time()).isEqualTo(3.0);
    }
  }

  @Test
  void theBookAndTheMessagesAreDoneWhileTheWaterBoils(TestScope scope) {
    TimedLines out = new TimedLines(scope);

    scope.run(AsyncGatherSection.main(List.of(
        AsyncBoilingSection.boilingWater(out),
        AsyncGatherSection.readingBook(out),
        AsyncGatherSection.checkingWhatsapp(out))));

    assertThat(out.lines).isEqualTo(TUTORIAL);
    assertThat(out.times).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 3.0);
    assertThat(scope.currentTime()).isEqualTo(3.0);
  }

  @Test
  void boilingAloneSleepsTwoThenOneSecond(TestScope scope) {
    TimedLines out = new TimedLines(scope);

    scope.run(AsyncBoilingSection.boilingWater(out));

    assertThat(out.lines).containsExactly(
        "boiling for 1 sec", "boiling for 3 sec", "boiling for 5 sec");
    assertThat(out.times).containsExactly(0.0, 2.0, 3.0);
  }

  @Test
  void theWaterIsStillBoilingAfterTwoAndAHalfSeconds(TestScope scope) {
    TimedLines out = new TimedLines(scope);
    Task<Void> boiling = scope.createTask(AsyncBoilingSection.boilingWater(out));

    scope.advanceTimeBy(2.5);

    assertThat(boiling.isDone()).isFalse();
    assertThat(out.lines).containsExactly("boiling for 1 sec", "boiling for 3 sec");

    scope.advanceUntilIdle();

    assertThat(boiling.isDone()).isTrue();
    assertThat(scope.currentTime()).isEqualTo(3.0);
  }

  /** Records each printed line with the loop time at which it was printed. */
  private static final class TimedLines extends PrintStream {
    private final TestScope scope;
    final List<String> lines = new ArrayList<>();
    final List<Double> times = new ArrayList<>();

    TimedLines(TestScope scope) {
      super(OutputStream.nullOutputStream());
      this.scope = scope;
    }

    @Override
    public void println(String line) {
      lines.add(line);
      times.add(scope.currentTime());
    }
  }
}
