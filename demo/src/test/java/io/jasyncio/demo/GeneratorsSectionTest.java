package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Generator;
import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsSectionTest {
  @Test
  void theRoundRobinInterleavesTheTwoGeneratorsAsTheTutorialPrints() {
    Printed out = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new GeneratorsSection().run(runner, out.stream());
    }

    assertThat(out.lines()).isEqualTo(TutorialText.GENERATORS);
  }

  @Test
  void eachGeneratorRunsOnlyAsFarAsItsNextYield() {
    Printed out = new Printed();
    Generator<Void> book = AsyncGeneratorsSection.readingBookConcur(out.stream());

    assertThat(out.lines()).isEmpty();
    book.next();
    assertThat(out.lines()).containsExactly("reading page 1");
    GeneratorsSection.main(List.of(book));
    assertThat(out.lines()).containsExactly(
        "reading page 1", "reading page 2", "reading page 3", "reading page 4");
  }
}
