package io.jasyncio.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result lines, the table's ratios and count check, the targets and the JSON. */
class ReportTest {
  private static final Column PY = new Column(Peer.ASYNCIO, "Python 3.11.7");
  private static final Column J17 = new Column(Peer.JASYNCIO, "JDK 17");
  private static final Column J25 = new Column(Peer.JASYNCIO, "JDK 25");
  private static final Column VT25 = new Column(Peer.VIRTUAL_THREADS, "JDK 25");
  private static final Column FLOOR17 = new Column(Peer.FLOOR, "JDK 17");

  private static Measurement m(Column c, String metric, double figure, long count) {
    return new Measurement(metric, Workload.metric(metric).unit(), c.peer(), c.runtime(), figure,
        count, 3);
  }

  private static Table table(List<Measurement> ms) {
    return new Table(List.of(PY, J17, J25, VT25, FLOOR17), ms, "JDK 17");
  }

  @Test
  void resultLinesRoundTrip() {
    Timing.Median m = new Timing.Median("process.chunk1", 12.5, 20_000, 3);
    assertThat(ResultLine.parse(ResultLine.format(m))).isEqualTo(m);
    assertThat(ResultLine.parse("WARNING: something else")).isNull();
  }

  @Test
  void pythonAndJavaPrintTheSameLineFormat() {
    assertThat(ResultLine.parse("RESULT\tswitch\t1932.92\t200000\t1"))
        .isEqualTo(new Timing.Median("switch", 1932.92, 200_000, 1));
  }

  @Test
  void ratioOfACostIsPeerOverJasyncioOnTheSameJdk() {
    Table t = table(List.of(m(PY, "switch", 3000, 10), m(J17, "switch", 10, 10),
        m(J25, "switch", 20, 10), m(VT25, "switch", 200, 10), m(FLOOR17, "switch", 5, 10)));
    assertThat(t.advantage("switch", Peer.ASYNCIO)).hasValue(300.0);
    assertThat(t.advantage("switch", Peer.VIRTUAL_THREADS)).hasValue(10.0); // 200 / 20, JDK 25
    assertThat(t.advantage("switch", Peer.FLOOR)).hasValue(0.5);
    assertThat(t.advantage("switch", Peer.COMPLETABLE_FUTURE)).isEmpty();
    assertThat(t.ratios()).contains("| switch | 300x | 10x | - | 2.0x |");
  }

  @Test
  void ratioOfARateIsJasyncioOverPeer() {
    Table t = table(List.of(m(PY, "fuzzy.threads", 25_000, 7), m(J17, "fuzzy.threads", 100_000,
        7)));
    assertThat(t.advantage("fuzzy.threads", Peer.ASYNCIO)).hasValue(4.0);
  }

  @Test
  void differentCountsAreReportedByColumn() {
    Table t = table(List.of(m(PY, "spawn", 3000, 1000), m(J17, "spawn", 10, 999)));
    assertThat(t.countsMatch()).isFalse();
    assertThat(t.figures()).contains("NO: Python asyncio 1000, jasyncio JDK 17 999");
    Table same = table(List.of(m(PY, "spawn", 3000, 1000), m(J17, "spawn", 10, 1000)));
    assertThat(same.countsMatch()).isTrue();
    assertThat(same.figures()).contains("| spawn | ns/task | 3,000 | 10.0 | - | - | - | yes (1,000) |");
  }

  @Test
  void targetsSayMetMissedOrNotChecked() {
    Table t = table(List.of(m(PY, "switch", 3000, 10), m(J17, "switch", 10, 10)));
    List<Targets.Check> checks = new Targets(t, List.of(
        new Allocation.Row("jasyncioAwaitDone", 6.0, 0.04),
        new Allocation.Row("jasyncioAwaitInline", 12.0, 48.0)), 48, "JDK 17").check();
    assertThat(checks).extracting(Targets.Check::verdict).startsWith("met", "met", "not checked");
    assertThat(Targets.markdown(checks))
        .contains("| await of a finished future: under 5 ns (JMH) | 6.00 ns | MISSED |")
        .contains("its state machine (48 B) | 48.0 B/await | met |");
  }

  @Test
  void jsonHasTheFieldsOtherToolsRead() {
    String json = JsonReport.render(Map.of("date", "2025-01-02"),
        List.of(m(J17, "process.chunk1", 12.5, 20_000), m(PY, "switch", 2900, 10)),
        List.of(new Allocation.Row("jasyncioAwaitDone", 1.5, 0.0)), "JDK 17",
        List.of(new Targets.Check("t \"q\"", "1 ns", null)), true);
    assertThat(json)
        .contains("\"date\": \"2025-01-02\"")
        .contains("{\"workload\": \"process\", \"metric\": \"process.chunk1\", \"system\": "
            + "\"jasyncio\", \"runtime\": \"JDK 17\", \"jdk\": 17, \"figure\": 12.5, \"unit\": "
            + "\"us/item\", \"count\": 20000, \"runs\": 3}")
        .contains("\"system\": \"asyncio\", \"runtime\": \"Python 3.11.7\", \"jdk\": null")
        .contains("{\"target\": \"t \\\"q\\\"\", \"measured\": \"1 ns\", \"met\": null}")
        .contains("\"countsMatch\": true");
    assertThat(JsonReport.value(Double.NaN)).isEqualTo("null");
    assertThat(JsonReport.value(1234567.0)).isEqualTo("1234570");
    assertThat(JsonReport.string("a\tb\u0001")).isEqualTo("\"a\\tb\\u0001\"");
  }

  @Test
  void figuresKeepAboutThreeDigits() {
    assertThat(Table.format(2900.4)).isEqualTo("2,900");
    assertThat(Table.format(12.34)).isEqualTo("12.3");
    assertThat(Table.format(1.234)).isEqualTo("1.23");
    assertThat(Table.format(0.0444)).isEqualTo("0.044");
    assertThat(Table.times(0.456)).isEqualTo("0.46x");
  }
}
