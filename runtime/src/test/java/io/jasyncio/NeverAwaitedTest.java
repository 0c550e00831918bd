package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import example.Script;
import io.jasyncio.internal.NeverAwaitedWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The never-awaited warning, made to appear at a chosen point with
 * {@link NeverAwaitedWatch#collect()}. Each test uses its own coroutine name, since a warning for
 * another test's garbage may show up too.
 */
class NeverAwaitedTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());

  @AfterEach
  void close() {
    loop.close();
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
}
