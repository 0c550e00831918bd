package io.jasyncio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.Runner;
import io.jasyncio.VirtualClock;
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

  @ParameterizedTest
  @ValueSource(strings = {"threads", "processes"})
  void sectionOfALaterIssueNamedExplicitlySaysSoAndFails(String section) {
    int status = run(section);

    assertThat(status).isNotZero().isNotEqualTo(2);
    assertThat(out.lines()).isEmpty();
    assertThat(err.lines()).singleElement().asString()
        .startsWith("section '" + section + "' comes with a later");
  }

  @Test
  void oneSectionPrintsOnlyItsOwnLines() {
    int status = run("gather");

    assertThat(status).isZero();
    assertThat(err.lines()).isEmpty();
    assertThat(out.lines()).isEqualTo(TutorialText.GATHER);
  }

  @Test
  void noSectionRunsTheBuiltOnesInTheTutorialsOrderAndNotesTheOthers() {
    Printed systemErr = new Printed();
    int[] status = new int[1];

    systemErr.asSystemErrDuring(() -> status[0] = run());

    assertThat(status[0]).isZero();
    assertThat(out.lines().stream().filter(l -> l.startsWith("== ")).toList())
        .containsExactly(
            "== coroutine", "== sequential", "== generators", "== gather", "== boiling");
    assertThat(out.lines()).hasSize(5 + 3 + 8 + 8 + 8 + 11);
    assertThat(out.lines()).endsWith("boiling for 3 sec", "boiling for 5 sec");
    assertThat(err.lines()).hasSize(2);
    assertThat(err.lines().get(0)).startsWith("section 'threads' comes with a later");
    assertThat(err.lines().get(1)).startsWith("section 'processes' comes with a later");
    assertThat(systemErr.lines())
        .containsExactly("RuntimeWarning: coroutine 'numSum' was never awaited");
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
