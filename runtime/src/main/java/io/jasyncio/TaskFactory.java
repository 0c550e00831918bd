package io.jasyncio;

/**
 * How a loop starts the tasks it creates, set with {@link EventLoop#setTaskFactory}: asyncio's
 * task factories.
 *
 * <table>
 *   <caption>Factories</caption>
 *   <tr><th>factory</th><th>asyncio</th><th>{@code createTask(coro)}</th></tr>
 *   <tr><td>{@link #STANDARD}</td><td>the default</td><td>queues the task's first step; the
 *       body runs on a later turn of the loop</td></tr>
 *   <tr><td>{@link #EAGER}</td><td>{@code asyncio.eager_task_factory} (Python 3.12)</td>
 *       <td>runs the body at once, inside the caller, up to its first real suspension; a body
 *       that finishes without suspending returns a task that is already done, and never
 *       touches the ready queue</td></tr>
 * </table>
 *
 * <p>Eager start applies only while the loop runs on this thread (a task created before
 * {@code runUntilComplete} is queued as usual), as in Python. It changes the order in which
 * bodies run: code that relies on {@code createTask} running nothing yet sees the difference,
 * which is why it is a choice.
 */
public enum TaskFactory {
  /** Queue each new task's first step: asyncio's default. */
  STANDARD,
  /** Start each new task at once, in its creator's step: Python 3.12's eager task factory. */
  EAGER
}
