package io.jasyncio.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.processor.generate.StateRanges.Range;
import org.junit.jupiter.api.Test;

class StateRangesTest {
  @Test
  void statesThatFitTheLimitStayOneRange() {
    assertThat(StateRanges.of(new int[] {10, 20, 30}, 60)).containsExactly(new Range(0, 2));
  }

  @Test
  void statesPastTheLimitAreCutInOrderIntoRangesThatFitIt() {
    assertThat(StateRanges.of(new int[] {10, 20, 30, 5, 40, 25}, 60))
        .containsExactly(new Range(0, 2), new Range(3, 4), new Range(5, 5));
  }

  @Test
  void aStateLongerThanTheLimitGetsARangeOfItsOwn() {
    assertThat(StateRanges.of(new int[] {10, 90, 10}, 60))
        .containsExactly(new Range(0, 0), new Range(1, 1), new Range(2, 2));
  }

  @Test
  void oneStateIsOneRangeWhateverItsLength() {
    assertThat(StateRanges.of(new int[] {500}, 60)).containsExactly(new Range(0, 0));
  }

  @Test
  void linesAreCountedByLineBreaks() {
    assertThat(StateRanges.linesOf("a;")).isEqualTo(1);
    assertThat(StateRanges.linesOf("if (x) {\n  return;\n}")).isEqualTo(3);
  }
}
