package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Fuzz} and {@link SequenceMatcher} against the values Python computes, in
 * {@code token_sort_ratio.tsv} (made by {@code demo/scripts/token_sort_ratio_table.py}).
 */
class FuzzTest {
  private record Row(String s1, String s2, int tokenSortRatio, double difflibRatio) {}

  private static List<Row> table() throws IOException {
    try (InputStream in = FuzzTest.class.getResourceAsStream("token_sort_ratio.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.split("\t", -1))
          .map(f -> new Row(f[0], f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3])))
          .toList();
    }
  }

  @Test
  void tokenSortRatioMatchesPythonOnEveryRowOfTheTable() throws IOException {
    List<Row> rows = table();

    assertThat(rows).hasSizeGreaterThan(150);
    for (Row r : rows) {
      assertThat(Fuzz.tokenSortRatio(r.s1(), r.s2()))
          .as("token_sort_ratio(%s, %s)", r.s1(), r.s2()).isEqualTo(r.tokenSortRatio());
    }
  }

  @Test
  void sequenceMatcherRatioIsDifflibsToTheLastBit() throws IOException {
    for (Row r : table()) {
      assertThat(new SequenceMatcher(r.s1(), r.s2()).ratio())
          .as("SequenceMatcher(None, %s, %s).ratio()", r.s1(), r.s2())
          .isEqualTo(r.difflibRatio());
    }
  }

  @Test
  void tutorialScoresAreDifflibsAndDependOnArgumentOrder() {
    assertThat(Fuzz.tokenSortRatio("football is famous", "messi is famous")).isEqualTo(55);
    assertThat(Fuzz.tokenSortRatio("tajmahal is famous", "messi is famous")).isEqualTo(67);
    assertThat(Fuzz.tokenSortRatio("tajmahal in india", "messi is famous")).isEqualTo(19);
    assertThat(Fuzz.tokenSortRatio("messi is famous", "tajmahal in india")).isEqualTo(25);
  }
}
