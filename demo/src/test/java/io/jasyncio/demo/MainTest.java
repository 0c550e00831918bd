package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.ProcessPool;
import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
import io.jasyncio.hazelcast.LocalCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  private final Printed out = new Printed();
  private final Printed err = new Printed();

  /** Main's logic with every section's loop on a virtual clock: no real sleeping. */
  private int run(String... args) {
    return Main.run(args, out.stream(), err.stream(), () -> new Runner(new VirtualClock()));
  }

  /** The lines Main itself printed on standard error, without the progress bar's. */
  private List<String> errLines() {
    return err.lines().stream().filter(l -> !l.contains("pairs/s") && !l.contains("%")).toList();
  }

  @Test
  void unknownSectionListsTheSectionsInTheTutorialsOrderAndExitsWithStatus2() {
    int status = run("kitchen");

    assertThat(status).isEqualTo(2);
    assertThat(out.lines()).isEmpty();
    assertThat(err.lines()).containsExactly("unknown section 'kitchen'; the sections are: "
        + "coroutine, sequential, generators, gather, boiling, threads, processes");
  }

  @Test
  void unknownSectionAmongKnownOnesRunsNothing() {
    int status = run("gather", "kitchen");

    assertThat(status).isEqualTo(2);
    assertThat(out.lines()).isEmpty();
  }

  @Test
  void oneSectionPrintsOnlyItsOwnLines() {
    int status = run("gather");

    assertThat(status).isZero();
    assertThat(err.lines()).isEmpty();
    assertThat(out.lines()).isEqualTo(TutorialText.GATHER);
  }

  @Test
  void noSectionRunsEverySectionInTheTutorialsOrder() {
    Printed systemErr = new Printed();
    int[] status = new int[1];

    systemErr.asSystemErrDuring(() -> status[0] = run("--pairs", "0", "--workers", "1"));

    assertThat(status[0]).isZero();
    assertThat(out.lines().stream().filter(l -> l.startsWith("== ")).toList())
        .containsExactly("== coroutine", "== sequential", "== generators", "== gather",
            "== boiling", "== threads", "== processes");
    assertThat(out.lines()).hasSize(7 + 3 + 8 + 8 + 8 + 11 + 3 + 15);
    assertThat(out.lines()).endsWith(ProcessesSectionTest.TUTORIAL.toArray(String[]::new));
    assertThat(errLines()).isEmpty();
    assertThat(systemErr.lines())
        .containsExactly("RuntimeWarning: coroutine 'numSum' was never awaited");
  }

  @Test
  void workersAndPairsOptionsGoToTheProcessesSection() {
    int status = run("--workers", "1", "--pairs", "1500", "processes");

    assertThat(status).isZero();
    assertThat(out.lines()).startsWith(ProcessesSectionTest.TUTORIAL.toArray(String[]::new));
    assertThat(out.lines()).contains("1,500 pairs of phrases, chunks of 1,000:");
    assertThat(out.lines()).filteredOn(l -> l.startsWith("  process pool, 1 worker:")).hasSize(2);
    assertThat(out.lines()).anyMatch(l -> l.startsWith("  thread pool, 1 thread:"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--workers", "--pairs"})
  void optionWithoutAWholeNumberIsAUsageError(String option) {
    assertThat(run(option, "many", "processes")).isEqualTo(2);
    assertThat(run("processes", option)).isEqualTo(2);
    assertThat(out.lines()).isEmpty();
    assertThat(err.lines()).allMatch(l -> l.startsWith(option + " needs a whole number"));
  }

  @Test
  void moreWorkersThanAPoolMayHaveIsAUsageErrorBeforeAnySectionRuns() {
    int bound = ProcessPool.maxWorkers();

    assertThat(run("--workers", "100000", "coroutine", "processes")).isEqualTo(2);

    assertThat(out.lines()).isEmpty();
    assertThat(err.lines()).containsExactly("--workers 100000 is more than a process pool may"
        + " have (" + bound + ": 4 per core; the system property jasyncio.pool.maxWorkers"
        + " changes that)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "two"})
  void clusterOptionNeedsAtLeastOneMember(String members) {
    assertThat(run("processes", "--cluster", members)).isEqualTo(2);
    assertThat(out.lines()).isEmpty();
    assertThat(err.lines())
        .containsExactly("--cluster needs a whole number of at least 1 after it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"17", "100000"})
  void clusterOverTheBoundIsAUsageErrorNamingIt(String members) {
    assertThat(run("processes", "--cluster", members)).isEqualTo(2);
    assertThat(out.lines()).isEmpty();
    assertThat(err.lines()).containsExactly("--cluster takes at most "
        + LocalCluster.MAX_MEMBERS + " members (LocalCluster.MAX_MEMBERS), not " + members);
  }

  @Test
  void workerJvmThatCannotStartIsReportedClearly() {
    System.setProperty("jasyncio.worker.java", "/nonexistent/bin/java");
    int status;
    try {
      status = run("--pairs", "0", "processes");
    } finally {
      System.clearProperty("jasyncio.worker.java");
    }

    assertThat(status).isEqualTo(4);
    assertThat(err.lines()).singleElement().asString().startsWith(
        "section 'processes' needs worker JVMs: cannot start a worker JVM with"
        + " /nonexistent/bin/java");
  }

  @Test
  void severalSectionsRunInTheOrderGivenUnderHeaders() {
    int status = run("boiling", "sequential");

    assertThat(status).isZero();
    assertThat(out.lines()).isEqualTo(TutorialText.concat(
        List.of("== boiling"), TutorialText.BOILING,
        List.of("== sequential"), TutorialText.SEQUENTIAL));
  }
}
