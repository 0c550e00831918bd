package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.EventLoop;
import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
  void theBookAndTheMessagesAreDoneWhileTheWaterBoils() {
    EventLoop loop = EventLoop.create(new VirtualClock());
    TimedLines out = new TimedLines(loop);
    try {
      loop.runUntilComplete(AsyncGatherSection.main(List.of(
          AsyncBoilingSection.boilingWater(out),
          AsyncGatherSection.readingBook(out),
          AsyncGatherSection.checkingWhatsapp(out))));

      assertThat(out.lines).isEqualTo(TUTORIAL);
      assertThat(out.times).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 3.0);
      assertThat(loop.time()).isEqualTo(3.0);
    } finally {
      loop.close();
    }
  }

  @Test
  void boilingAloneSleepsTwoThenOneSecond() {
    EventLoop loop = EventLoop.create(new VirtualClock());
    TimedLines out = new TimedLines(loop);
    try {
      loop.runUntilComplete(AsyncBoilingSection.boilingWater(out));
    } finally {
      loop.close();
    }

    assertThat(out.lines).containsExactly(
        "boiling for 1 sec", "boiling for 3 sec", "boiling for 5 sec");
    assertThat(out.times).containsExactly(0.0, 2.0, 3.0);
  }

  /** Records each printed line with the loop time at which it was printed. */
  private static final class TimedLines extends PrintStream {
    private final EventLoop loop;
    final List<String> lines = new ArrayList<>();
    final List<Double> times = new ArrayList<>();

    TimedLines(EventLoop loop) {
      super(OutputStream.nullOutputStream());
      this.loop = loop;
    }

    @Override
    public void println(String line) {
      lines.add(line);
      times.add(loop.time());
    }
  }
}
