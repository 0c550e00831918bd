package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import example.AsyncKitchen;
import example.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** toString() in asyncio's repr format (Python 3.11 output quoted where it differs in detail). */
class ReprTest {
  private static final String HEX = "0x[0-9a-f]+";

  private final EventLoop loop = EventLoop.create(new VirtualClock());

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void coroutineReadsLikeAPythonCoroutineObject() {
    Coroutine<Integer> c = new AsyncKitchen().numSum(10);

    assertThat(c.toString()).matches("<coroutine object numSum at " + HEX + ">");
    loop.runUntilComplete(c);
  }

  @Test
  void futureShowsItsStateAndOutcome() {
    AsyncFuture<Object> f = loop.createFuture();
    assertThat(f).hasToString("<Future pending>");
    f.setResult(42);
    assertThat(f).hasToString("<Future finished result=42>");

    AsyncFuture<Object> s = loop.createFuture();
    s.setResult("abc");
    assertThat(s).hasToString("<Future finished result='abc'>");

    AsyncFuture<Object> n = loop.createFuture();
    n.setResult(null);
    assertThat(n).hasToString("<Future finished result=None>");

    AsyncFuture<Object> e = loop.createFuture();
    e.setException(new IllegalArgumentException("x"));
    assertThat(e).hasToString("<Future finished exception=IllegalArgumentException('x')>");

    AsyncFuture<Object> c = loop.createFuture();
    c.cancel();
    assertThat(c).hasToString("<Future cancelled>");
  }

  @Test
  void taskShowsItsNameAndCoroutine() {
    Task<Integer> task = loop.createTask(new AsyncKitchen().numSum(3));
    String coro = "coro=<coroutine object numSum at " + HEX + ">";

    assertThat(task.getName()).matches("Task-\\d+");
    assertThat(task.toString()).matches("<Task pending name='Task-\\d+' " + coro + ">");
    loop.runUntilComplete(task);
    assertThat(task.toString()).matches("<Task finished name='Task-\\d+' " + coro + " result=6>");
  }

  @Test
  void aTaskCancelledWhileItSleepsOrAwaitsAFutureIsCancellingUntilUncancelled() {
    // Python 3.11: <Task cancelling ...> for both, <Task pending ...> after uncancel().
    AsyncFuture<Void> future = loop.createFuture();
    Task<Void> sleeper = loop.createTask(Asyncio.sleep(10));
    Task<Void> waiter = loop.createTask(Script.named("w").await(() -> future).build());
    loop.runUntilComplete(Asyncio.sleep(0));

    sleeper.cancel();
    waiter.cancel();

    assertThat(sleeper.toString()).startsWith("<Task cancelling name='Task-");
    assertThat(waiter.toString()).startsWith("<Task cancelling name='Task-");
    waiter.uncancel();
    assertThat(waiter.toString()).startsWith("<Task pending name='Task-");
  }

  @Test
  void failedCancellingAndCancelledTasks() {
    Task<Void> bad = loop.createTask(Script.named("bad").run(() -> {
      throw new IllegalStateException("boom");
    }).build(), "bad-task");
    Task<Void> cancelled = loop.createTask(Script.named("c").build());
    cancelled.cancel();
    assertThat(cancelled.toString()).startsWith("<Task cancelling name='Task-");

    loop.runUntilComplete(Asyncio.sleep(0));

    assertThat(bad.toString()).matches("<Task finished name='bad-task' coro=<coroutine object bad"
        + " at " + HEX + "> exception=IllegalStateException\\('boom'\\)>");
    assertThat(cancelled.toString())
        .matches("<Task cancelled name='Task-\\d+' coro=<coroutine object c at " + HEX + ">>");
  }

  @Test
  void taskNamesCountUp() {
    Task<Void> first = loop.createTask(Script.named("a").build());
    Task<Void> second = loop.createTask(Script.named("b").build());

    long n = Long.parseLong(first.getName().substring("Task-".length()));
    assertThat(second.getName()).isEqualTo("Task-" + (n + 1));
    loop.runUntilComplete(second);
  }
}
