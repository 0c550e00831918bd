package io.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pending tasks of a loop at one moment, for {@code ps} and {@code pstree}: taken on the
 * loop's thread, between two callbacks, and made of values that any thread may read afterwards.
 *
 * @param threadId the id of the loop's thread ({@link Thread#getId()})
 * @param tasks the pending tasks, oldest first
 */
record LoopSnapshot(long threadId, List<TaskInfo> tasks) {
  /**
   * One pending task.
   *
   * @param id its id, {@code 0x} and its identity hash code, as the call graph shows it
   * @param name its name
   * @param stack where its coroutines wait, innermost first
   * @param awaiters the ids of the tasks awaiting it (see {@link FutureCallGraph#awaitedBy()})
   */
  record TaskInfo(String id, String name, List<FrameCallGraphEntry> stack,
      List<String> awaiters) {}

  /** The snapshot of {@code loop}; called on its thread, where no task runs. */
  static LoopSnapshot take(EventLoop loop) {
    assert loop.inEventLoop();
    List<Task<?>> pending = loop.allTasks();
    Collections.reverse(pending); // the loop lists the most recent first
    List<TaskInfo> tasks = new ArrayList<>(pending.size());
    for (Task<?> t : pending) {
      List<String> awaiters = new ArrayList<>();
      for (Task<?> a : CallGraphs.awaiters(t)) {
        awaiters.add(idOf(a));
      }
      tasks.add(new TaskInfo(idOf(t), t.getName(), List.copyOf(CallGraphs.suspendedStack(t)),
          List.copyOf(awaiters)));
    }
    return new LoopSnapshot(Thread.currentThread().getId(), List.copyOf(tasks));
  }

  /** {@code 0x1b2c}: a future's id in call graphs and task tables. */
  static String idOf(Object future) {
    return "0x" + Integer.toHexString(System.identityHashCode(future));
  }
}
