package io.jasyncio;

import static io.jasyncio.Asyncio.gather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.AsyncKitchen;
import example.Kitchen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed tutorial's programs, on hand-written state machines, against Python 3.11's output. */
class KitchenTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> out = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void sleepZeroInterleavesReadingAndWhatsappLineByLine() {
    loop.runUntilComplete(gather(AsyncKitchen.readingBook(out), AsyncKitchen.checkingWhatsapp(out)));

    assertThat(out).containsExactly(
        "reading page 1", "reading new message 1",
        "reading page 2", "reading new message 2",
        "reading page 3", "reading new message 3",
        "reading page 4", "reading new message 4");
    assertThat(loop.time()).isEqualTo(0.0);
  }

  @Test
  void boilingWaterSleepsWhileTheOthersYieldThreeTimes() {
    List<Void> results = loop.runUntilComplete(gather(AsyncKitchen.boilingWater(out),
        AsyncKitchen.readingBook(out), AsyncKitchen.checkingWhatsapp(out)));

    assertThat(out).containsExactly(
        "boiling for 1 sec",
        "reading page 1", "reading new message 1",
        "reading page 2", "reading new message 2",
        "reading page 3", "reading new message 3",
        "reading page 4", "reading new message 4",
        "boiling for 3 sec",
        "boiling for 5 sec");
    assertThat(results).containsExactly(null, null, null);
    assertThat(loop.time()).isEqualTo(3.0);
  }

  @Test
  void instanceMethodAwaitsItsSiblingInline() {
    assertThat(loop.runUntilComplete(new AsyncKitchen().numSum(5))).isEqualTo(10);
  }

  @Test
  void designExampleRunsAGatherMadeBeforeAnyLoop() {
    AsyncFuture<List<Object>> both =
        gather(AsyncKitchen.boilingWater(out), new AsyncKitchen().numSum(5));

    try (Runner runner = new Runner(new VirtualClock())) {
      assertThat(runner.run(both)).containsExactly(null, 10);
      assertThat(runner.getLoop().time()).isEqualTo(3.0);
    }
    assertThat(out).containsExactly("boiling for 1 sec", "boiling for 3 sec", "boiling for 5 sec");
    assertThat(Asyncio.run(gather(new AsyncKitchen().numSum(1), new AsyncKitchen().twice(2))))
        .containsExactly(2, 4);
  }

  @Test
  void templateRunAsWrittenNamesTheGeneratedMethod() {
    assertThatThrownBy(() -> Kitchen.boilingWater(out))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Kitchen.boilingWater() is an @Async template and does not run by itself;"
            + " call AsyncKitchen.boilingWater() instead");
    assertThat(out).containsExactly("boiling for 1 sec");
    assertThatThrownBy(() -> new Kitchen().numSum(5))
        .hasMessage("Kitchen.numSum() is an @Async template and does not run by itself;"
            + " call AsyncKitchen.numSum() instead");
  }

  @Test
  void templateOfANestedClassNamesTheFlattenedGeneratedClass() {
    assertThatThrownBy(Kitchen.Pantry::fetch)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Kitchen.Pantry.fetch() is an @Async template and does not run by itself;"
            + " call AsyncKitchen_Pantry.fetch() instead");
  }

  @Test
  void templateWithoutAwaitRunsAsWritten() {
    Coroutine<Integer> twice = new Kitchen().twice(21);

    assertThat(twice.toString()).matches("<coroutine object twice at 0x[0-9a-f]+>");
    assertThat(Asyncio.run(twice)).isEqualTo(42);
  }

  @Test
  void gatherOfACollectionKeepsItsOrder() {
    List<Coroutine<Integer>> sums = Arrays.asList(
        new AsyncKitchen().numSum(1), new AsyncKitchen().numSum(2), new AsyncKitchen().numSum(3));

    assertThat(loop.runUntilComplete(gather(sums))).containsExactly(2, 4, 6);
  }
}
