package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The loop's {@link EventLoopMXBean}, read from the test thread while the loop runs on its own:
 * registered when the loop first runs and gone once it is closed; {@code ps} and {@code pstree}
 * as Python 3.14's {@code python -m asyncio ps/pstree} print them (checked against the
 * algorithm of CPython's {@code Lib/asyncio/tools.py} run on the same tasks); a loop blocked in a
 * callback or a task step reported as busy; tasks awaiting each other in a circle refused by
 * {@code pstree}.
 */
class EventLoopMXBeanTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  private static String row(String... cells) {
    return String.format("%-10s %-20s %-20s %-50s %-50s %-15s %-15s", (Object[]) cells)
        .stripTrailing();
  }

  @Test
  void theMBeanOfARunningLoopListsItsTasksAsPsAndPstreeDo() throws Exception {
    HungPipeline p = HungPipeline.start();
    ObjectName name;
    try {
      LoopRegistry.flush();
      name = LoopRegistry.nameOf(p.loop, p.thread);
      assertThat(name.getKeyProperty("type")).isEqualTo("EventLoop");
      assertThat(name.getKeyProperty("name")).isEqualTo("\"pipeline-loop\"");
      assertThat(server.isRegistered(name)).isTrue();
      EventLoopMXBean bean = JMX.newMXBeanProxy(server, name, EventLoopMXBean.class);

      String tid = String.valueOf(p.thread.getId());
      String main = HungPipeline.idOf(p.tasks.get(0));
      String reader = HungPipeline.idOf(p.tasks.get(1));
      String writer = HungPipeline.idOf(p.tasks.get(2));
      assertThat(bean.ps().split("\n")).containsExactly(
          row("tid", "task id", "task name", "coroutine stack", "awaiter chain", "awaiter name",
              "awaiter id"),
          "-".repeat(180),
          row(tid, main, "main", "Pipeline.main", "", "", "0x0"),
          row(tid, reader, "reader", "Pipeline.read", "Pipeline.main", "main", main),
          row(tid, reader, "reader", "Pipeline.read", "Pipeline.write", "writer", writer),
          row(tid, writer, "writer", "Pipeline.write", "Pipeline.main", "main", main));
      assertThat(bean.pstree().split("\n")).containsExactly(
          "└── (T) main",
          "    └──  Pipeline.main Pipeline.java:30",
          "        ├── (T) reader",
          "        │   └──  Pipeline.read Pipeline.java:12",
          "        └── (T) writer",
          "            └──  Pipeline.write Pipeline.java:20",
          "                └── (T) reader",
          "                    └──  Pipeline.read Pipeline.java:12");
    } finally {
      p.stop();
    }
    LoopRegistry.flush();
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void aLoopBlockedInACallbackIsBusyAndTheAnswerSaysWhereItsThreadIs() throws Exception {
    HungPipeline p = HungPipeline.start();
    CountDownLatch blocking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      p.loop.callSoonThreadsafe(() -> blockUntil(blocking, release));
      blocking.await();
      LoopMonitor monitor = new LoopMonitor(p.loop, p.thread, Duration.ofMillis(50));

      String answer = monitor.ps();

      assertThat(answer).startsWith("The event loop of thread 'pipeline-loop' (tid "
          + p.thread.getId() + ") is busy: it did not answer within 50 ms, running a callback."
          + " Its thread is at:\n");
      assertThat(answer).contains("\tat io.jasyncio.EventLoopMXBeanTest.blockUntil(");
    } finally {
      release.countDown();
      p.stop();
    }
  }

  @Test
  void aLoopBlockedInATaskStepNamesTheTask() throws Exception {
    HungPipeline p = HungPipeline.start();
    CountDownLatch blocking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Task<?>[] blocker = new Task<?>[1];
    try {
      p.loop.callSoonThreadsafe(() -> blocker[0] = p.loop.createTask(
          new CallGraphTest.Awaits("spin", 40, () -> {
            blockUntil(blocking, release);
            return Asyncio.sleep(0);
          }), "blocker"));
      blocking.await();

      String answer = new LoopMonitor(p.loop, p.thread, Duration.ofMillis(50)).pstree();

      assertThat(answer).contains("is busy: it did not answer within 50 ms, running a step of"
          + " blocker (" + HungPipeline.idOf(blocker[0]) + ").");
    } finally {
      release.countDown();
      p.stop();
    }
  }

  private static void blockUntil(CountDownLatch blocking, CountDownLatch release) {
    blocking.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void pstreeRefusesTasksThatAwaitEachOtherInACircle() throws Exception {
    EventLoop loop = EventLoop.create(new VirtualClock());
    Task<?>[] tasks = new Task<?>[2];
    tasks[0] = loop.createTask(new CallGraphTest.Awaits("first", 10, () -> tasks[1]), "first");
    tasks[1] = loop.createTask(new CallGraphTest.Awaits("second", 20, () -> tasks[0]),
        "second");
    loop.runUntilComplete(Asyncio.sleep(1));
    LoopMonitor monitor = new LoopMonitor(loop, Thread.currentThread(), Duration.ofSeconds(1));
    // Not running: the monitor does not read the tasks from this thread.
    assertThat(monitor.pstree()).isEqualTo("The event loop of thread '"
        + Thread.currentThread().getName() + "' is not running.");
    LoopRegistry.flush();
    ObjectName name = LoopRegistry.nameOf(loop, Thread.currentThread());
    List<String> answers = new java.util.ArrayList<>();
    List<Throwable> overJmx = new java.util.ArrayList<>();
    loop.callSoon(() -> {
      answers.add(monitor.ps()); // asked on the loop's own thread: answered at once
      try {
        monitor.pstree();
      } catch (IllegalStateException e) {
        answers.add(e.getMessage());
      }
      try {
        server.invoke(name, "pstree", new Object[0], new String[0]);
      } catch (Exception e) {
        overJmx.add(e); // what AsyncioTool gets, and prints the cause of
      }
    });
    loop.runUntilComplete(Asyncio.sleep(1));

    assertThat(answers.get(0)).contains("first", "second");
    assertThat(answers.get(1)).isEqualTo(String.join("\n",
        "ERROR: await-graph contains cycles - cannot print a tree!",
        "",
        // The circle is named from the first task awaiting another, as Python's search finds it.
        "cycle: second → first → second"));
    assertThat(overJmx).singleElement().isInstanceOf(javax.management.RuntimeMBeanException.class)
        .extracting(Throwable::getCause).isInstanceOf(IllegalStateException.class)
        .extracting(Throwable::getMessage).isEqualTo(answers.get(1));
    loop.close();
    assertThat(monitor.ps()).isEqualTo("The event loop of thread '"
        + Thread.currentThread().getName() + "' is closed.");
  }

  @Test
  void closingALoopThatNeverRanRegistersNothing() throws Exception {
    EventLoop loop = EventLoop.create();
    loop.close();
    LoopRegistry.flush();
    assertThat(server.queryNames(LoopRegistry.nameOf(loop, Thread.currentThread()), null))
        .isEmpty();
  }
}
