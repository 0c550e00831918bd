package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop's own API: callbacks, timers, run/stop/close, one loop per thread. */
class EventLoopTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void callbacksRunFifoAndTimersByDeadline() {
    loop.callLater(2, () -> log.add("later 2"));
    loop.callAt(1, () -> log.add("at 1"));
    loop.callSoon(() -> log.add("soon 1"));
    loop.callSoon(() -> log.add("soon 2"));
    loop.callLater(3, loop::stop);

    loop.runForever();

    assertThat(log).containsExactly("soon 1", "soon 2", "at 1", "later 2");
    assertThat(loop.time()).isEqualTo(3.0);
  }

  @Test
  void cancelledHandlesAndTimersDoNotRun() {
    Handle soon = loop.callSoon(() -> log.add("soon"));
    TimerHandle timer = loop.callLater(1, () -> log.add("timer"));
    soon.cancel();
    timer.cancel();

    loop.runUntilComplete(sleep(2));

    assertThat(log).isEmpty();
    assertThat(soon.isCancelled()).isTrue();
    assertThat(timer.when()).isEqualTo(1.0);
  }

  @Test
  void manyCancelledTimersAreDroppedAndNeverWaitedFor() {
    List<TimerHandle> timers = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      timers.add(loop.callLater(i, () -> log.add("timer")));
    }
    timers.forEach(TimerHandle::cancel);

    loop.runUntilComplete(sleep(0.5));

    assertThat(log).isEmpty();
    assertThat(loop.time()).isEqualTo(0.5);
  }

  @Test
  void doneCallbacksAndWakeUpsAreQueuedInRegistrationOrder() {
    // Python 3.11 prints ['w1 start', 'w2 start', 'after set', 'soon', 'cb1', 'w1 got 7',
    //   'cb2', 'w2 got 7', 'main after 1', 'main after 2'].
    AsyncFuture<Integer> f = loop.createFuture();
    loop.runUntilComplete(Script.named("main")
        .run(() -> {
          f.addDoneCallback(x -> log.add("cb1"));
          Asyncio.createTask(waiter(f, 1));
        })
        .await(() -> sleep(0))
        .run(() -> {
          f.addDoneCallback(x -> log.add("cb2"));
          Asyncio.createTask(waiter(f, 2));
        })
        .await(() -> sleep(0))
        .run(() -> {
          loop.callSoon(() -> log.add("soon"));
          f.setResult(7);
          log.add("after set");
        })
        .await(() -> sleep(0))
        .log(log, "main after 1")
        .await(() -> sleep(0))
        .log(log, "main after 2")
        .build());

    assertThat(log).containsExactly("w1 start", "w2 start", "after set", "soon", "cb1",
        "w1 got 7", "cb2", "w2 got 7", "main after 1", "main after 2");
  }

  private Coroutine<Void> waiter(AsyncFuture<Integer> f, int n) {
    return Script.named("waiter").log(log, "w" + n + " start")
        .await(() -> f, v -> log.add("w" + n + " got " + v)).build();
  }

  @Test
  void removedDoneCallbackDoesNotRun() {
    AsyncFuture<Integer> f = loop.createFuture();
    java.util.function.Consumer<AsyncFuture<Integer>> cb = x -> log.add("removed");
    f.addDoneCallback(cb);
    f.addDoneCallback(x -> log.add("kept"));
    f.addDoneCallback(cb);

    assertThat(f.removeDoneCallback(cb)).isEqualTo(2);
    f.setResult(1);
    loop.runUntilComplete(sleep(0));

    assertThat(log).containsExactly("kept");
  }

  @Test
  void aFailingCallbackIsReportedAndTheLoopGoesOn() {
    String err;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callSoon(() -> {
        throw new IllegalStateException("callback broke");
      });
      loop.callSoon(() -> log.add("next"));
      loop.runUntilComplete(sleep(0));
      err = logged.text();
    }

    assertThat(log).containsExactly("next");
    assertThat(err).contains("Exception in callback").contains("callback broke");
  }

  @Test
  void doneCallbacksRunInOrderWithOtherEntriesAndAFailingOneIsReported() {
    AsyncFuture<Integer> f = loop.createFuture();
    AsyncFuture<Integer> g = loop.createFuture();
    f.addDoneCallback(x -> log.add("f first " + x.result()));
    f.addDoneCallback(x -> {
      throw new IllegalStateException("done-callback broke");
    });
    f.addDoneCallback(x -> log.add("f third"));
    g.addDoneCallback(x -> log.add("g"));
    String err;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callSoon(() -> log.add("before"));
      loop.callSoon(() -> {
        f.setResult(1);                   // queues f's three callbacks
        loop.callSoon(() -> log.add("between"));
        g.setResult(2);                   // then g's, after the handle queued between
        f.addDoneCallback(x -> log.add("f late")); // done already: queued at once, last
      });
      loop.runUntilComplete(sleep(0));
      loop.runUntilComplete(sleep(0));
      err = logged.text();
    }

    assertThat(log).containsExactly("before", "f first 1", "f third", "between", "g",
        "f late");
    assertThat(err).contains("Exception in callback <Handle ").contains("done-callback broke");
  }

  @Test
  void getRunningLoopIsTheLoopRunningOnThisThread() {
    assertThatThrownBy(Asyncio::getRunningLoop)
        .isInstanceOf(IllegalStateException.class).hasMessage("no running event loop");
    List<EventLoop> seen = new ArrayList<>();
    loop.callSoon(() -> seen.add(Asyncio.getRunningLoop()));
    loop.runUntilComplete(sleep(0));

    assertThat(seen).containsExactly(loop);
    assertThat(loop.isRunning()).isFalse();
  }

  @Test
  void oneLoopPerThread() {
    EventLoop other = EventLoop.create(new VirtualClock());
    List<Throwable> errors = new ArrayList<>();
    loop.callSoon(() -> {
      try {
        other.runUntilComplete(sleep(0));
      } catch (IllegalStateException e) {
        errors.add(e);
      }
      try {
        loop.runForever();
      } catch (IllegalStateException e) {
        errors.add(e);
      }
    });
    loop.runUntilComplete(sleep(0));
    other.close();

    assertThat(errors).extracting(Throwable::getMessage).containsExactly(
        "Cannot run the event loop while another loop is running",
        "This event loop is already running");
  }

  @Test
  void closedLoopRefusesWorkAndARunningLoopCannotClose() {
    List<Throwable> errors = new ArrayList<>();
    loop.callSoon(() -> {
      try {
        loop.close();
      } catch (IllegalStateException e) {
        errors.add(e);
      }
    });
    loop.runUntilComplete(sleep(0));
    loop.close();
    loop.close();

    assertThat(errors).extracting(Throwable::getMessage)
        .containsExactly("Cannot close a running event loop");
    assertThat(loop.isClosed()).isTrue();
    assertThatThrownBy(() -> loop.callSoon(() -> { })).hasMessage("Event loop is closed");
    assertThatThrownBy(() -> loop.runUntilComplete(sleep(0)))
        .hasMessage("Event loop is closed");
  }

  @Test
  void stopBeforeCompletionLeavesTheFuturePending() {
    AsyncFuture<Void> never = loop.createFuture();
    loop.callLater(1, loop::stop);

    assertThatThrownBy(() -> loop.runUntilComplete(never))
        .hasMessage("Event loop stopped before Future completed.");
  }
}
