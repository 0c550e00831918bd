package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jasyncio.internal.NeverAwaitedWatch;
import io.jasyncio.internal.Origin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces, {@link Task#getStack()}, the never-retrieved warning and debug mode, on
 * hand-written coroutines whose {@link Origin} says they are the methods {@code a} to {@code d}
 * of a {@code demo.Chain} written in {@code Chain.java}. The processor's tests check the same on
 * generated machines, whose frames are mapped line by line.
 */
class AsyncStackTraceTest {
  private final VirtualClock clock = new VirtualClock();
  private final EventLoop loop = EventLoop.create(clock);

  @AfterEach
  void close() {
    loop.close();
  }

  /**
   * A link of a chain: state 0 may sleep (line {@code first}), state 1 awaits the next link or,
   * as the last, throws (line {@code first + 1}), state 2 hands the result on.
   */
  static final class Link extends Coroutine<Integer> {
    private final Origin origin;
    private final Coroutine<Integer> next;
    private final double sleep;

    Link(String method, int first, double sleep, Coroutine<Integer> next) {
      super(method);
      this.origin = Origin.of("demo.Chain", method, "Chain.java", "", first, first + 1,
          first + 1);
      this.sleep = sleep;
      this.next = next;
    }

    @Override
    protected Origin origin() {
      return origin;
    }

    @Override
    @SuppressWarnings("fallthrough")
    protected void resume() throws Throwable {
      switch (state) {
        case 0:
          if (sleep > 0 && suspendOn(Asyncio.sleep(sleep), 1)) {
            return;
          }
          state = 1;
        case 1:
          if (next == null) {
            throw new IllegalStateException("boom");
          }
          if (suspendOn(next, 2)) {
            return;
          }
        case 2:
          complete(awaited());
          return;
        default:
          throw new IllegalStateException("no state " + state);
      }
    }
  }

  /** a -> b (after a sleep) -> c -> d, which sleeps and throws: the done-means of issue 9. */
  private static Link chain() {
    Link d = new Link("d", 30, 1, null);
    Link c = new Link("c", 23, 0, d);
    Link b = new Link("b", 17, 1, c);
    return new Link("a", 11, 0, b);
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void everyAwaitingCoroutineAppearsAtItsAwaitInOrderWithoutRuntimeFrames() {
    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(chain()));

    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    List<String> frames = Arrays.stream(thrown.getStackTrace()).map(String::valueOf).toList();
    assertThat(frames).startsWith(
        "demo.Chain.d(Chain.java:31)",
        "demo.Chain.c(Chain.java:24)",
        "demo.Chain.b(Chain.java:18)",
        "demo.Chain.a(Chain.java:12)");
    // The runtime's frames are gone but the method this test called to enter it.
    assertThat(frames.get(4)).startsWith("io.jasyncio.EventLoop.runUntilComplete(");
    assertThat(frames.get(5)).startsWith(getClass().getName() + ".")
        .contains("everyAwaitingCoroutineAppearsAtItsAwaitInOrderWithoutRuntimeFrames");
    assertThat(printed(thrown)).doesNotContain("io.jasyncio.Task.", "io.jasyncio.Coroutine.",
        "io.jasyncio.EventLoop.runOnce");
  }

  @Test
  void debugModeKeepsTheRuntimeFrames() {
    loop.setDebug(true);

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(chain()));

    String trace = printed(thrown);
    assertThat(trace).contains("demo.Chain.d(Chain.java:31)", "demo.Chain.a(Chain.java:12)",
        "io.jasyncio.Coroutine.runStep(", "io.jasyncio.Task.step(",
        "io.jasyncio.EventLoop.runOnce(");
  }

  /** Awaits {@code future}: the innermost await of a chain to cancel. */
  private static final class Waiter extends Coroutine<Integer> {
    private final AsyncFuture<Integer> future;

    Waiter(AsyncFuture<Integer> future) {
      super("waiter");
      this.future = future;
    }

    @Override
    @SuppressWarnings("fallthrough")
    protected void resume() throws Throwable {
      switch (state) {
        case 0:
          if (suspendOn(future, 1)) {
            return;
          }
        case 1:
          complete(awaited());
          return;
        default:
          throw new IllegalStateException("no state " + state);
      }
    }
  }

  /** a -> b (after a sleep) -> c -> d -> a waiter of a future that never completes. */
  private Link chainToCancel() {
    Link d = new Link("d", 30, 0, new Waiter(loop.createFuture()));
    Link c = new Link("c", 23, 0, d);
    Link b = new Link("b", 17, 1, c);
    return new Link("a", 11, 0, b);
  }

  @Test
  void aCancellationInDebugModeShowsWhereEachCoroutineOfTheChainWaited() {
    loop.setDebug(true);
    Task<Integer> task = loop.createTask(chainToCancel());
    loop.callLater(1.5, () -> task.cancel("stop"));

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(task));

    assertThat(thrown).isInstanceOf(CancelledException.class).hasMessage("stop");
    List<String> frames = Arrays.stream(thrown.getStackTrace()).map(String::valueOf).toList();
    assertThat(frames).containsSubsequence(
        "demo.Chain.d(Chain.java:31)",
        "demo.Chain.c(Chain.java:24)",
        "demo.Chain.b(Chain.java:18)",
        "demo.Chain.a(Chain.java:12)");
    assertThat(printed(thrown)).contains("io.jasyncio.EventLoop.runOnce(");
  }

  @Test
  void aCancellationOutsideDebugModeCarriesNoTraceAtAll() {
    loop.setDebug(false);
    Task<Integer> task = loop.createTask(chainToCancel());
    loop.callLater(1.5, () -> task.cancel("stop"));

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(task));

    assertThat(thrown).isInstanceOf(CancelledException.class).hasMessage("stop");
    assertThat(thrown.getStackTrace()).isEmpty();
  }

  @Test
  void aCancellationWithoutAMessageOutsideDebugModeHasNeitherMessageNorTrace() {
    Task<Integer> task = loop.createTask(chainToCancel());
    loop.callLater(1.5, task::cancel);

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(task));

    assertThat(thrown).isInstanceOf(CancelledException.class).hasMessage(null);
    assertThat(thrown.getStackTrace()).isEmpty();
    assertThat(task.isCancelled()).isTrue();
  }

  @Test
  void aCancelledExceptionUserCodeThrowsGetsItsAsyncTraceOutsideDebugMode() {
    CancelledException mine = new CancelledException("mine");
    Coroutine<Integer> thrower = new Coroutine<>("t") {
      private final Origin origin = Origin.of("demo.Chain", "t", "Chain.java", "", 40, 41);

      @Override
      protected Origin origin() {
        return origin;
      }

      @Override
      protected void resume() {
        throw mine;
      }
    };
    Link chain = new Link("a", 11, 0, new Link("b", 17, 1, thrower));

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(chain));

    // Only the runtime's own cancellations skip the rewrite: this one was made with a trace.
    assertThat(thrown).isSameAs(mine).hasMessage("mine");
    List<String> frames = Arrays.stream(thrown.getStackTrace()).map(String::valueOf).toList();
    assertThat(frames).containsSubsequence("demo.Chain.b(Chain.java:18)",
        "demo.Chain.a(Chain.java:12)");
  }

  @Test
  void anExceptionCaughtAndRethrownIsNotAnnotatedTwice() {
    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(chain()));

    long chainFrames = Arrays.stream(thrown.getStackTrace())
        .filter(f -> f.getClassName().equals("demo.Chain")).count();
    assertThat(chainFrames).isEqualTo(4);
  }

  @Test
  void aTaskAwaitingAFailedTaskAddsItsOwnAwaitAfterTheFailedChain() {
    Coroutine<Integer> waiter = new Coroutine<>("waiter") {
      private final Origin origin = Origin.of("demo.Main", "waiter", "Main.java", "", 40, 41);
      private Task<Integer> child;

      @Override
      protected Origin origin() {
        return origin;
      }

      @Override
      @SuppressWarnings("fallthrough")
      protected void resume() throws Throwable {
        switch (state) {
          case 0:
            child = Asyncio.createTask(chain());
            if (suspendOn(child, 1)) {
              return;
            }
          case 1:
            complete(awaited());
            return;
          default:
            throw new IllegalStateException();
        }
      }
    };

    Throwable thrown = catchThrowable(() -> loop.runUntilComplete(waiter));

    List<String> frames = Arrays.stream(thrown.getStackTrace()).map(String::valueOf).toList();
    assertThat(frames).startsWith(
        "demo.Chain.d(Chain.java:31)",
        "demo.Chain.c(Chain.java:24)",
        "demo.Chain.b(Chain.java:18)",
        "demo.Chain.a(Chain.java:12)",
        "demo.Main.waiter(Main.java:41)");
  }

  @Test
  void anExceptionObjectThrownAgainAndAgainStopsGrowing() {
    IllegalStateException shared = new IllegalStateException("preallocated");
    for (int i = 0; i < 5_000; i++) {
      Coroutine<Void> thrower = new Coroutine<>("thrower") {
        private final Origin origin = Origin.of("demo.Main", "thrower", "Main.java", "", 7);

        @Override
        protected Origin origin() {
          return origin;
        }

        @Override
        protected void resume() {
          throw shared;
        }
      };
      assertThat(catchThrowable(() -> loop.runUntilComplete(thrower))).isSameAs(shared);
    }

    assertThat(shared.getStackTrace()).hasSizeLessThanOrEqualTo(
        AsyncStackTraces.MAX_TRACE_FRAMES + AsyncStackTraces.MAX_AWAIT_FRAMES);
    assertThat(shared.getStackTrace()).extracting(String::valueOf)
        .contains("demo.Main.thrower(Main.java:7)");
  }

  @Test
  void getStackAndPrintStackShowWhereAPendingTaskWaits() {
    Task<Integer> task = loop.createTask(chain());
    AsyncFuture<List<StackTraceElement>> seen = loop.createFuture();
    loop.callLater(1.5, () -> seen.setResult(task.getStack())); // d sleeps from 1 s to 2 s
    String printed = print(task, seen);

    assertThat(seen.result()).extracting(String::valueOf).containsExactly(
        "demo.Chain.a(Chain.java:12)",
        "demo.Chain.b(Chain.java:18)",
        "demo.Chain.c(Chain.java:24)",
        "demo.Chain.d(Chain.java:31)");
    assertThat(task.getStack(1)).extracting(String::valueOf)
        .containsExactly("demo.Chain.d(Chain.java:31)");
    assertThat(printed).startsWith("Stack for <Task pending name='" + task.getName()
        + "'").contains(" (most recent call last):\n\tat demo.Chain.a(Chain.java:12)\n");
  }

  /** Runs until {@code seen} is set, printing the task's stack at that moment. */
  private String print(Task<?> task, AsyncFuture<?> seen) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    seen.addDoneCallback(f -> task.printStack(Integer.MAX_VALUE, out));
    loop.runUntilComplete(seen); // the callback runs in the turn that stops the loop
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void getStackOfAFailedTaskIsItsTraceOldestFirstAndOfAFinishedOneEmpty() {
    Task<Integer> failed = loop.createTask(chain());
    catchThrowable(() -> loop.runUntilComplete(failed));

    List<String> frames = failed.getStack().stream().map(String::valueOf).toList();
    assertThat(frames.subList(frames.size() - 4, frames.size())).containsExactly(
        "demo.Chain.a(Chain.java:12)",
        "demo.Chain.b(Chain.java:18)",
        "demo.Chain.c(Chain.java:24)",
        "demo.Chain.d(Chain.java:31)");
    assertThat(failed.getStack(1)).hasSize(1);

    Task<Integer> finished = loop.createTask(Asyncio.done(7));
    loop.runUntilComplete(finished);
    assertThat(finished.getStack()).isEmpty();
  }

  @Test
  void aFailedTaskNobodyAskedAboutIsLoggedWhenCollected() {
    String err;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      failAndDrop("neverAsked");
      NeverAwaitedWatch.collect();
      err = logged.text();
    }

    assertThat(err).contains("SEVERE: Task exception was never retrieved\nfuture: <Task finished"
        + " name='neverAsked' coro=<coroutine object a at ")
        .contains("exception=IllegalStateException('boom')>")
        .contains("java.lang.IllegalStateException: boom\n\tat demo.Chain.d(Chain.java:31)");
  }

  @Test
  void aFailedTaskWhoseExceptionWasReadDoesNotWarn() {
    String err;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      Task<Integer> task = loop.createTask(chain(), "askedAbout");
      catchThrowable(() -> loop.runUntilComplete(task)); // reads its exception
      NeverAwaitedWatch.collect();
      err = logged.text();
    }

    assertThat(err).doesNotContain("name='askedAbout'");
  }

  /** Runs a task that fails, where nothing reads its exception, and keeps no reference. */
  private void failAndDrop(String name) {
    loop.createTask(chain(), name);
    AsyncFuture<Void> later = loop.createFuture();
    loop.callLater(5, () -> later.setResult(null));
    loop.runUntilComplete(later);
  }

  @Test
  void debugModeLogsACallbackThatRunsTooLongOnTheLoopClockAsAWarning() {
    loop.setDebug(true);
    loop.setSlowCallbackDuration(0.25);

    String err;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callSoon(new Slow(0.5));
      loop.callSoon(new Slow(0.1));
      AsyncFuture<Void> done = loop.createFuture();
      loop.callSoon(() -> done.setResult(null));
      loop.runUntilComplete(done);
      err = logged.text();
    }

    assertThat(err).isEqualTo("WARNING: Executing <Handle slow 0.5> took 0.500 seconds\n");
  }

  @Test
  void slowCallbacksAreNotReportedOutsideDebugMode() {
    String err;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callSoon(new Slow(0.5));
      AsyncFuture<Void> done = loop.createFuture();
      loop.callSoon(() -> done.setResult(null));
      loop.runUntilComplete(done);
      err = logged.text();
    }

    assertThat(loop.getDebug()).isFalse();
    assertThat(err).isEmpty();
  }

  /** A callback that takes {@code seconds} of the virtual clock, as slow work would. */
  private final class Slow implements Runnable {
    private final double seconds;

    Slow(double seconds) {
      this.seconds = seconds;
    }

    @Override
    public void run() {
      clock.advance(seconds);
    }

    @Override
    public String toString() {
      return "slow " + seconds;
    }
  }

  @Test
  void debugModeRefusesLoopMethodsCalledFromAnotherThread() {
    loop.setDebug(true);
    Throwable[] refused = new Throwable[1];
    AsyncFuture<Void> done = loop.createFuture();
    loop.callSoon(() -> {
      Thread other = new Thread(() -> refused[0] = catchThrowable(() -> loop.callSoon(() -> {})));
      other.start();
      joinUninterruptibly(other); // blocks the loop for a moment, on purpose: the loop is running
      done.setResult(null);
    });
    loop.runUntilComplete(done);

    assertThat(refused[0]).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Non-thread-safe operation invoked on an event loop other than"
            + " the current one");
  }

  private static void joinUninterruptibly(Thread t) {
    for (;;) {
      try {
        t.join();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
