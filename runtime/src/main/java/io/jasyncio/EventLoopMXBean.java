package io.jasyncio;

/**
 * The management interface of a running event loop, for looking at its tasks from outside the
 * JVM, as {@code python -m asyncio ps PID} and {@code pstree PID} do for a Python process. Each
 * loop registers one with the platform MBean server when it first runs, named
 * {@code io.jasyncio:type=EventLoop,name="<thread name>",id=<loop id>}, and unregisters it when
 * it is closed; {@code -Djasyncio.jmx=false} turns this off. Read it with JConsole, VisualVM or
 * {@code java -cp jasyncio-runtime.jar io.jasyncio.tools.AsyncioTool ps|pstree PID}.
 *
 * <p>Each operation asks the loop, on its own thread and between two callbacks, for its pending
 * tasks, and waits for the answer a bounded time. A loop that does not answer in time (a
 * callback or a task step blocks its thread) is reported as busy, with the task whose step runs
 * and where its thread is.
 */
public interface EventLoopMXBean {
  /**
   * The table of {@code python -m asyncio ps}: one row per pending task and each task awaiting
   * it, with the loop thread's id, the task's id and name, its coroutine stack (innermost first),
   * and its awaiter's stack, name and id.
   */
  String ps();

  /**
   * The tree of {@code python -m asyncio pstree}: each task nobody awaits at a root, with its
   * coroutine frames and, under the frame where each waits, the tasks it awaits.
   *
   * @throws IllegalStateException if tasks await each other in a circle, naming the circle
   */
  String pstree();
}
