package io.jasyncio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A pipeline that hangs, on a loop running on a thread of its own, for the tests of the loop's
 * MBean and of {@code AsyncioTool}: {@code main} (line 30 of a {@code demo.Pipeline}) awaits a
 * gather of {@code reader}, which waits for ever on line 12, and {@code writer}, which awaits
 * {@code reader} on line 20. Run as a program, it prints {@code ready}, the loop thread's id and
 * the three tasks' ids once the pipeline hangs and its MBean is registered, and exits when its
 * standard input ends.
 */
final class HungPipeline {
  final EventLoop loop = EventLoop.create();
  final Thread thread;
  /** main, reader, writer: set on the loop thread before {@link #start()} returns. */
  final List<Task<?>> tasks = new CopyOnWriteArrayList<>();

  private HungPipeline() {
    thread = new Thread(loop::runForever, "pipeline-loop");
  }

  /** Starts the pipeline; returns once each of its tasks waits. */
  static HungPipeline start() throws InterruptedException {
    HungPipeline p = new HungPipeline();
    CountDownLatch waiting = new CountDownLatch(2);
    AsyncFuture<?>[] never = new AsyncFuture<?>[1];
    p.thread.setDaemon(true);
    p.thread.start();
    p.loop.callSoonThreadsafe(() -> {
      never[0] = p.loop.createFuture();
      p.tasks.add(p.loop.createTask(new CallGraphTest.Awaits("main", 30, () -> {
        Task<?> reader = Asyncio.createTask(new CallGraphTest.Awaits("read", 12, () -> {
          waiting.countDown();
          return never[0];
        }), "reader");
        Task<?> writer = Asyncio.createTask(new CallGraphTest.Awaits("write", 20, () -> {
          waiting.countDown();
          return reader;
        }), "writer");
        p.tasks.add(reader);
        p.tasks.add(writer);
        return Asyncio.gather(reader, writer);
      }), "main"));
    });
    // Each task suspends right after counting down, in the same step: anything the loop runs
    // after this (such as the MBean's snapshot) sees them all waiting.
    waiting.await();
    return p;
  }

  /** Stops the loop, waits for its thread, and closes it. */
  void stop() throws InterruptedException {
    loop.callSoonThreadsafe(loop::stop);
    thread.join();
    loop.close();
  }

  /** The id the call graph and the MBean give {@code future}. */
  static String idOf(Object future) {
    return LoopSnapshot.idOf(future);
  }

  /** Runs the pipeline until standard input ends; see the class comment. */
  public static void main(String[] args) throws Exception {
    HungPipeline p = start();
    LoopRegistry.flush();
    System.out.println("ready " + p.thread.getId() + " " + idOf(p.tasks.get(0)) + " "
        + idOf(p.tasks.get(1)) + " " + idOf(p.tasks.get(2)));
    System.out.flush();
    while (System.in.read() >= 0) {
      // the test closes our standard input when it is done
    }
    p.stop();
  }
}
