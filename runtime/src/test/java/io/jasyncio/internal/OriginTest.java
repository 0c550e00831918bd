package io.jasyncio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a machine's line table: plain entries, runs copied line for line, and long tables. */
class OriginTest {
  @Test
  void aPlainEntryCoversItsLineAndTheLinesAfterItUpToTheNext() {
    Origin origin = Origin.of("demo.Kitchen", "numSum", "Kitchen.java", "119:18 124:19 129:20");

    assertThat(origin.sourceLine(118)).isEqualTo(-1);
    assertThat(origin.sourceLine(119)).isEqualTo(18);
    assertThat(origin.sourceLine(123)).isEqualTo(18);
    assertThat(origin.sourceLine(124)).isEqualTo(19);
    assertThat(origin.sourceLine(500)).isEqualTo(20);
  }

  @Test
  void aRunMapsEachLineToItsOwnSourceLineAndTheLinesAfterItToItsLast() {
    Origin origin = Origin.of("demo.Kitchen", "numSum", "Kitchen.java", "70:9 71:10-13 80:20");

    assertThat(origin.sourceLine(70)).isEqualTo(9);
    assertThat(origin.sourceLine(71)).isEqualTo(10);
    assertThat(origin.sourceLine(73)).isEqualTo(12);
    assertThat(origin.sourceLine(74)).isEqualTo(13);
    assertThat(origin.sourceLine(79)).isEqualTo(13);
    assertThat(origin.sourceLine(80)).isEqualTo(20);
  }

  @Test
  void anEntryItCannotReadIsLeftOutRatherThanFailingTheTrace() {
    Origin origin = Origin.of("demo.Kitchen", "numSum", "Kitchen.java",
        "70:9 71:10~13 72 73:x 75:12 74:30 80:20");

    assertThat(origin.sourceLine(71)).isEqualTo(9);
    assertThat(origin.sourceLine(75)).isEqualTo(12);
    assertThat(origin.sourceLine(79)).isEqualTo(12);
    assertThat(origin.sourceLine(80)).isEqualTo(20);
  }

  @Test
  void anEmptyTableMapsNoLine() {
    assertThat(Origin.of("demo.Kitchen", "boil", "Kitchen.java", "").sourceLine(10))
        .isEqualTo(-1);
  }

  @Test
  void aTableOfManyEntriesMapsEveryLine() {
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      table.append(i == 0 ? "" : " ").append(100 + 2 * i).append(':').append(10 + i)
          .append('-').append(11 + i);
    }
    Origin origin = Origin.of("demo.Big", "big", "Big.java", table.toString());

    for (int i = 0; i < 20_000; i++) {
      assertThat(origin.sourceLine(100 + 2 * i)).isEqualTo(10 + i);
      assertThat(origin.sourceLine(101 + 2 * i)).isEqualTo(11 + i);
    }
  }
}
