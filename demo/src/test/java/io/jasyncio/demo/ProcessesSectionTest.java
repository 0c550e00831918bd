package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessesSectionTest {
  /** {@code r[1::15]} as the tutorial shows it. */
  static final List<String> TUTORIAL = List.of(
      "[{('football is famous', 'messi is famous'): 55},",
      " {('tajmahal is famous', 'messi is famous'): 67},",
      " {('tajmahal in india', 'messi is famous'): 19},",
      " {('football is famous', 'messi is famous'): 55},",
      " {('tajmahal is famous', 'messi is famous'): 67},",
      " {('tajmahal in india', 'messi is famous'): 19},",
      " {('football is famous', 'messi is famous'): 55},",
      " {('tajmahal is famous', 'messi is famous'): 67},",
      " {('tajmahal in india', 'messi is famous'): 19},",
      " {('football is famous', 'messi is famous'): 55},",
      " {('tajmahal is famous', 'messi is famous'): 67},",
      " {('tajmahal in india', 'messi is famous'): 19},",
      " {('football is famous', 'messi is famous'): 55},",
      " {('tajmahal is famous', 'messi is famous'): 67},",
      " {('tajmahal in india', 'messi is famous'): 19}]");

  @Test
  void sectionPrintsTheTutorialsFifteenRowsExactly() {
    Printed out = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new ProcessesSection(2, 0, new Printed().stream()).run(runner, out.stream());
    }

    assertThat(out.lines()).isEqualTo(TUTORIAL);
  }

  @Test
  void objLstHasEveryPairInTheTutorialsOrder() {
    List<FuzzyMatch.Pair> pairs = ProcessesSection.objLst();

    assertThat(pairs).hasSize(225);
    assertThat(pairs.get(0)).hasToString("('football is famous', 'messi plays football')");
    assertThat(pairs.get(1)).hasToString("('football is famous', 'messi is famous')");
  }

  @Test
  void poolResultsAreThoseOfTheFunctionRunHereInInputOrder() {
    List<FuzzyMatch.Pair> pairs = Throughput.phrases(300);

    List<FuzzyMatch.Match> remote = ProcessesSection.cpuTasks(2, pairs);

    assertThat(remote).isEqualTo(pairs.stream().map(FuzzyMatch::fuzzyMatch).toList());
  }

  @Test
  void throughputRunReportsEachPoolAndShowsProgress() {
    Printed out = new Printed();
    Printed progress = new Printed();

    new Throughput(2, 2500, progress.stream()).run(out.stream());

    assertThat(out.lines()).hasSize(5);
    assertThat(out.lines().get(0)).isEqualTo("2,500 pairs of phrases, chunks of 1,000:");
    String timing = " +[0-9.]+ s, +[0-9,]+ pairs/s";
    assertThat(out.lines().get(1)).matches("  process pool, 1 worker:" + timing);
    assertThat(out.lines().get(2)).matches("  process pool, 2 workers:" + timing);
    assertThat(out.lines().get(3)).matches("  thread pool, 2 threads:" + timing);
    assertThat(String.join("\n", progress.lines())).contains("2500/2500");
  }

  @Test
  void clusterRunPrintsTheSameRowsThenTimesTheClusterBesideTheProcessPool() {
    Printed out = new Printed();
    Printed progress = new Printed();

    try (Runner runner = new Runner(new VirtualClock())) {
      new ProcessesSection(2, 2500, 2, progress.stream()).run(runner, out.stream());
    }

    assertThat(out.lines().subList(0, 15)).isEqualTo(TUTORIAL);
    List<String> throughput = out.lines().subList(15, out.lines().size());
    assertThat(throughput).hasSize(5);
    assertThat(throughput.get(0)).isEmpty();
    assertThat(throughput.get(1)).isEqualTo("2,500 pairs of phrases, chunks of 1,000:");
    String timing = " +[0-9.]+ s, +[0-9,]+ pairs/s";
    assertThat(throughput.get(2)).matches("  process pool, 2 workers:" + timing);
    assertThat(throughput.get(3)).matches("  cluster, 2 members:" + timing);
    assertThat(throughput.get(4)).startsWith("(the members' JVMs started in ");
    assertThat(String.join("\n", progress.lines())).contains("2500/2500");
  }
}
