package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.EventLoop;
import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherSectionTest {
  /** What the tutorial prints for {@code await main([reading_book(), checking_whatsapp()])}. */
  private static final List<String> TUTORIAL = TutorialText.GATHER;

  @Test
  void sectionInterleavesPagesAndMessagesAsTheTutorialDoes() {
    Printed out = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new GatherSection().run(runner, out.stream());
    }

    assertThat(out.lines()).isEqualTo(TUTORIAL);
  }

  @Test
  void sleepZeroYieldsWithoutTakingTime() {
    Printed out = new Printed();
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      loop.runUntilComplete(AsyncGatherSection.main(List.of(
          AsyncGatherSection.readingBook(out.stream()),
          AsyncGatherSection.checkingWhatsapp(out.stream()))));

      assertThat(out.lines()).isEqualTo(TUTORIAL);
      assertThat(loop.time()).isEqualTo(0.0);
    } finally {
      loop.close();
    }
  }

  @Test
  void eachCoroutineAloneRunsStraightThrough() {
    Printed out = new Printed();
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      loop.runUntilComplete(AsyncGatherSection.readingBook(out.stream()));
      loop.runUntilComplete(AsyncGatherSection.checkingWhatsapp(out.stream()));
    } finally {
      loop.close();
    }

    assertThat(out.lines()).isEqualTo(TutorialText.SEQUENTIAL);
  }
}
