package io.jasyncio.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.demo.FuzzyMatch;
import io.jasyncio.demo.FuzzyMatch.Pair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options, JDK versions, the shared inputs, and the Java peers doing the counted work. */
class HarnessTest {
  @Test
  void parsesOptions() {
    Compare.Settings s = Compare.Settings.parse("--quick", "--out", "r.json", "--only",
        "switch, memory", "--no-jmh", "--jdk", "/opt/jdk25");
    assertThat(s.quick()).isTrue();
    assertThat(s.json()).isEqualTo(Path.of("r.json"));
    assertThat(s.workloads()).containsExactly(Workload.SWITCH, Workload.MEMORY);
    assertThat(s.jmh()).isFalse();
    assertThat(s.jdk()).isEqualTo(Path.of("/opt/jdk25"));
    assertThatThrownBy(() -> Compare.Settings.parse("--fast"))
        .hasMessage("unknown option --fast");
    assertThatThrownBy(() -> Compare.Settings.parse("--out")).hasMessage("--out needs a value");
  }

  @Test
  void readsFeatureVersions() {
    assertThat(JvmLauncher.parseFeature("25.0.1")).hasValue(25);
    assertThat(JvmLauncher.parseFeature("17")).hasValue(17);
    assertThat(JvmLauncher.parseFeature("1.8.0_402")).hasValue(8);
    assertThat(JvmLauncher.parseFeature("")).isEmpty();
  }

  @Test
  void inputsAreThoseOfThePythonScript() {
    // Printed by jasyncio_peers.py: delays(5), pairs(3) and their fuzzy_match scores.
    assertThat(Inputs.delays(5)).containsExactly(0.1, 0.075, 0.082, 0.045, 0.046);
    List<Pair> pairs = Inputs.pairs(3);
    assertThat(pairs).containsExactly(new Pair("match is is the", "cricket cricket in aisa"),
        new Pair("aisa in cricket messi tajmahal", "cricket cricket in aisa"),
        new Pair("football football goal famous goal", "cricket cricket in aisa"));
    assertThat(pairs).extracting(p -> FuzzyMatch.fuzzyMatch(p).score()).containsExactly(21, 57,
        25);
  }

  @Test
  void javaPeersDoTheCountedWork() {
    int n = 100;
    for (Workload w : List.of(Workload.SWITCH, Workload.SPAWN, Workload.TASKS,
        Workload.ALL_TASKS, Workload.INLINE, Workload.AWAIT, Workload.TIMERS, Workload.OFFLOAD)) {
      long expected = w == Workload.SWITCH ? 2 * n : w == Workload.INLINE ? 10 * n : n;
      for (Peer p : w.peers) {
        if (p == Peer.ASYNCIO || p == Peer.VIRTUAL_THREADS) {
          continue;
        }
        List<Timing.Median> m = Timing.ONCE.measure(JavaPeers.run(w, p, n));
        assertThat(m).as(w.id + " on " + p.id).singleElement()
            .satisfies(x -> assertThat(x.count()).isEqualTo(expected))
            .satisfies(x -> assertThat(x.metric()).isEqualTo(w.metrics.get(0).id()));
      }
    }
  }

  @Test
  void theCancelWorkloadEndsEveryTaskCancelledAndTimesBothHalves() {
    List<Timing.Median> m = Timing.ONCE.measure(JavaPeers.run(Workload.CANCEL, Peer.JASYNCIO,
        100));

    assertThat(m).extracting(Timing.Median::metric).containsExactly("cancel.create", "cancel");
    assertThat(m).allSatisfy(x -> assertThat(x.count()).isEqualTo(100));
  }

  @Test
  void everyWorkloadNamesItsMetricsAndPeers() {
    for (Workload w : Workload.values()) {
      assertThat(Workload.byId(w.id)).isSameAs(w);
      assertThat(w.peers).contains(Peer.JASYNCIO, Peer.ASYNCIO);
      assertThat(w.quickSize).isLessThan(w.fullSize);
    }
  }
}
