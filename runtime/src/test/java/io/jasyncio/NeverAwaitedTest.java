package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.AsyncKitchen;
import example.Script;
import io.jasyncio.internal.NeverAwaitedWatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The never-awaited warning, made to appear at a chosen point with
 * {@link NeverAwaitedWatch#collect()}. Each test uses its own coroutine name, since a warning for
 * another test's garbage may show up too.
 *
 * <p>A coroutine made inside a running loop gets its watch only if it is still unclaimed when the
 * step or callback that made it ends; {@code isWatchArmed()} and the loop's
 * {@code freshArmedCount()} show which path a coroutine took.
 */
class NeverAwaitedTest {
  /** Where a task leaks a coroutine it made, beyond the task and the loop. */
  private static Coroutine<?> leaked;

  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
    leaked = null;
  }

  /** How many times {@code err} holds the warning for {@code name}. */
  private static int warnings(String err, String name) {
    return err.split("RuntimeWarning: coroutine '" + name + "' was never awaited\n", -1).length
        - 1;
  }

  /** Creates a coroutine and drops it, in its own frame so no local keeps it alive. */
  private static String createAndDrop(String name) {
    return Script.named(name).build().toString();
  }

  @Test
  void coroutineCollectedWithoutBeingAwaitedPrintsPythonsWarning() {
    String err = StdErr.capture(() -> {
      createAndDrop("forgottenSum");
      NeverAwaitedWatch.collect();
    });

    assertThat(err).contains("RuntimeWarning: coroutine 'forgottenSum' was never awaited\n");
  }

  @Test
  void eachForgottenCoroutineIsReportedOnce() {
    String err = StdErr.capture(() -> {
      createAndDrop("forgottenTwice");
      createAndDrop("forgottenTwice");
      NeverAwaitedWatch.collect();
      NeverAwaitedWatch.collect();
    });

    assertThat(err.split("coroutine 'forgottenTwice' was never awaited", -1)).hasSize(3);
  }

  @Test
  void awaitedOrScheduledCoroutinesPrintNothing() {
    String err = StdErr.capture(() -> {
      loop.runUntilComplete(Script.named("awaitedOne").build());
      loop.createTask(Script.named("scheduledOne").build()).cancel();
      loop.runUntilComplete(Asyncio.sleep(0));
      Asyncio.gather(Script.named("gatheredOne").build());
      NeverAwaitedWatch.collect();
    });

    assertThat(err).doesNotContain("awaitedOne").doesNotContain("scheduledOne")
        .doesNotContain("gatheredOne");
  }

  @Test
  void coroutinesClaimedInTheStepThatMadeThemNeverGetAWatch() {
    List<Coroutine<?>> made = new ArrayList<>();
    List<Boolean> armedWhenMade = new ArrayList<>();
    Script<Void> main = Script.named("main")
        .await(() -> {
          // await(new AsyncKitchen().numSum(5)): numSum, running inline, makes and awaits twice(5).
          Coroutine<Integer> numSum = new AsyncKitchen().numSum(5);
          made.add(numSum);
          armedWhenMade.add(numSum.isWatchArmed());
          return numSum;
        }, v -> log.add("numSum " + v))
        .run(() -> {
          Coroutine<Void> scheduled = Script.named("scheduledAtOnce").build();
          made.add(scheduled);
          armedWhenMade.add(scheduled.isWatchArmed());
          Asyncio.createTask(scheduled);
        })
        .await(() -> {
          Coroutine<Integer> a = Script.named("gatheredAtOnce").returning(() -> 2);
          Coroutine<Integer> b = Script.named("gatheredAtOnce").returning(() -> 4);
          made.add(a);
          made.add(b);
          armedWhenMade.add(a.isWatchArmed());
          armedWhenMade.add(b.isWatchArmed());
          return Asyncio.gather(a, b);
        }, v -> log.add("gathered " + v))
        .build();

    String err = StdErr.capture(() -> {
      loop.runUntilComplete(main);
      NeverAwaitedWatch.collect();
    });

    assertThat(log).containsExactly("numSum 10", "gathered [2, 4]");
    assertThat(armedWhenMade).containsExactly(false, false, false, false);
    assertThat(loop.freshArmedCount()).isZero();
    assertThat(made).noneMatch(Coroutine::isWatchArmed);
    // numSum and twice are left out: other tests' garbage may bear those names.
    assertThat(err).doesNotContain("scheduledAtOnce").doesNotContain("gatheredAtOnce");
  }

  @Test
  void coroutineLeakedByATaskIsReportedOnceAfterTheLoopFinishes() {
    String err = StdErr.capture(() -> {
      loop.runUntilComplete(Script.named("main")
          .run(() -> leaked = Script.named("leakedFromTask").build())
          .run(() -> createAndDrop("droppedInTask"))
          .build());
      assertThat(leaked.isWatchArmed()).isTrue();
      assertThat(loop.freshArmedCount()).isEqualTo(2);
      leaked = null;
      NeverAwaitedWatch.collect();
      NeverAwaitedWatch.collect();
    });

    assertThat(warnings(err, "leakedFromTask")).isEqualTo(1);
    assertThat(warnings(err, "droppedInTask")).isEqualTo(1);
  }

  @Test
  void coroutineKeptAcrossASuspensionAndAwaitedLaterIsNotReported() {
    Coroutine<?>[] kept = new Coroutine<?>[1];
    boolean[] armedBeforeAwait = new boolean[1];
    Script<Void> main = Script.named("main")
        .run(() -> kept[0] = Script.named("awaitedLater").returning(() -> 42))
        .await(() -> sleep(0))
        .run(() -> armedBeforeAwait[0] = kept[0].isWatchArmed())
        .await(() -> kept[0], v -> log.add("later " + v))
        .build();

    String err = StdErr.capture(() -> {
      loop.runUntilComplete(main);
      kept[0] = null;
      NeverAwaitedWatch.collect();
    });

    assertThat(log).containsExactly("later 42");
    assertThat(armedBeforeAwait[0]).isTrue();
    assertThat(loop.freshArmedCount()).isEqualTo(1);
    assertThat(err).doesNotContain("awaitedLater");
  }

  @Test
  void coroutineMadeWhereNoLoopRunsIsArmedAtOnce() {
    Coroutine<Void> plain = Script.named("madeInPlainCode").build();

    assertThat(plain.isWatchArmed()).isTrue();
    loop.runUntilComplete(plain);
    assertThat(plain.isWatchArmed()).isFalse();
    assertThat(loop.freshArmedCount()).isZero();
  }

  @Test
  void collectInsideAStepReportsWhatThatStepDropped() {
    String err = StdErr.capture(() -> loop.runUntilComplete(Script.named("main")
        .run(() -> {
          createAndDrop("droppedThenCollected");
          NeverAwaitedWatch.collect();
          System.err.println("collect returned");
        })
        .build()));

    assertThat(err).contains("RuntimeWarning: coroutine 'droppedThenCollected' was never awaited\n"
        + "collect returned\n");
    assertThat(warnings(err, "droppedThenCollected")).isEqualTo(1);
  }

  @Test
  void errorEscapingACallbackStillArmsWhatItMade() {
    loop.callSoon(() -> {
      createAndDrop("madeBeforeAnError");
      throw new AssertionError("boom");
    });

    String err = StdErr.capture(() -> {
      assertThatThrownBy(loop::runForever).hasMessage("boom");
      NeverAwaitedWatch.collect();
    });

    assertThat(warnings(err, "madeBeforeAnError")).isEqualTo(1);
  }

  @Test
  void freshCoroutineClaimedOnAnotherThreadBeforeTheStepEndsIsNotArmed() {
    Coroutine<?>[] handed = new Coroutine<?>[1];
    Object[] elsewhere = new Object[1];
    List<Throwable> errors = new ArrayList<>();
    Script<Void> main = Script.named("main")
        .run(() -> {
          Coroutine<Integer> coro = Script.named("ranElsewhere").returning(() -> 8);
          handed[0] = coro;
          Thread other = new Thread(() -> {
            EventLoop otherLoop = EventLoop.create(new VirtualClock());
            try {
              elsewhere[0] = otherLoop.runUntilComplete(coro);
            } catch (Throwable e) {
              elsewhere[0] = e;
            } finally {
              otherLoop.close();
            }
          });
          other.start();
          other.join();
        })
        .await(() -> handed[0], v -> log.add("second await " + v), errors::add)
        .build();

    String err = StdErr.capture(() -> {
      loop.runUntilComplete(main);
      handed[0] = null;
      NeverAwaitedWatch.collect();
    });

    assertThat(elsewhere[0]).isEqualTo(8);
    assertThat(loop.freshArmedCount()).isZero();
    assertThat(log).isEmpty();
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(err).doesNotContain("ranElsewhere");
  }

  @Test
  void freshCoroutineAwaitedTwiceInTheStepThatMadeItThrows() {
    List<Throwable> errors = new ArrayList<>();
    Coroutine<?>[] once = new Coroutine<?>[1];

    loop.runUntilComplete(Script.named("main")
        .run(() -> once[0] = Script.named("usedOnce").build())
        .await(() -> once[0])
        .await(() -> once[0], v -> log.add("second"), errors::add)
        .run(() -> {
          Coroutine<Void> scheduled = Script.named("scheduledOnce").build();
          Asyncio.createTask(scheduled);
          try {
            Asyncio.createTask(scheduled);
          } catch (IllegalStateException e) {
            errors.add(e);
          }
        })
        .build());

    assertThat(log).isEmpty();
    assertThat(errors).hasSize(2).allMatch(e -> e instanceof IllegalStateException);
    assertThat(loop.freshArmedCount()).isZero();
  }

  @Test
  void longStepDoesNotHoldTheCoroutinesItAlreadyAwaited() {
    Script.Builder many = Script.named("main")
        .run(() -> leaked = Script.named("keptThroughSweeps").build());
    int[] count = {0};
    for (int i = 0; i < 10_000; i++) {
      // Each child finishes inline, so all 10,000 are made and awaited in one step.
      many.await(() -> Script.named("inlineChild").returning(() -> 1), v -> count[0]++);
    }
    int[] capacity = new int[1];
    many.run(() -> capacity[0] = loop.fresh.capacity());

    loop.runUntilComplete(many.build());

    assertThat(count[0]).isEqualTo(10_000);
    // Claimed children are swept out when the list fills, so it never grew toward 10,000.
    assertThat(capacity[0]).isLessThan(100);
    // The unclaimed one survived the sweeps and was armed when the step ended.
    assertThat(leaked.isWatchArmed()).isTrue();
    assertThat(loop.freshArmedCount()).isEqualTo(1);
  }
}
