package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import org.junit.jupiter.api.Test;

class SequentialSectionTest {
  @Test
  void theBookBlocksTheMessagesUntilItsLastPage() {
    Printed out = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new SequentialSection().run(runner, out.stream());
    }

    assertThat(out.lines()).isEqualTo(TutorialText.SEQUENTIAL);
  }
}
