package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import io.jasyncio.test.TestScope;
import io.jasyncio.test.VirtualTimeExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VirtualTimeExtension.class)
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
  void sleepZeroYieldsWithoutTakingTime(TestScope scope) {
    Printed out = new Printed();

    scope.run(AsyncGatherSection.main(List.of(
        AsyncGatherSection.readingBook(out.stream()),
        AsyncGatherSection.checkingWhatsapp(out.stream()))));

    assertThat(out.lines()).isEqualTo(TUTORIAL);
    assertThat(scope.currentTime()).isEqualTo(0.0);
  }

  @Test
  void eachCoroutineAloneRunsStraightThrough(TestScope scope) {
    Printed out = new Printed();

    scope.run(AsyncGatherSection.readingBook(out.stream()));
    scope.run(AsyncGatherSection.checkingWhatsapp(out.stream()));

    assertThat(out.lines()).isEqualTo(TutorialText.SEQUENTIAL);
  }
}
