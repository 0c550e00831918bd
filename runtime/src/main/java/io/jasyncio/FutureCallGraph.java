package io.jasyncio;

import java.util.List;

/**
 * The async call graph of a future or task, asyncio's {@code FutureCallGraph}, as
 * {@link Asyncio#captureCallGraph()} returns it: the future, where its coroutines wait (for a
 * task), and the graphs of the tasks awaiting it, each with the tasks awaiting them in turn.
 *
 * @param future the future or task
 * @param callStack a task's frames, innermost first (the top of the stack first, down towards
 *     the task's own coroutine); empty for a plain future or a task that is done
 * @param awaitedBy the graphs of the tasks that await {@code future}: directly, through a
 *     {@code gather} or a {@code shield}, or as the task whose {@code TaskGroup} holds it
 */
public record FutureCallGraph(AsyncFuture<?> future, List<FrameCallGraphEntry> callStack,
    List<FutureCallGraph> awaitedBy) {
  /**
   * A graph; the lists are copied.
   *
   * @throws NullPointerException if an argument is null
   */
  public FutureCallGraph {
    if (future == null) {
      throw new NullPointerException("future");
    }
    callStack = List.copyOf(callStack);
    awaitedBy = List.copyOf(awaitedBy);
  }
}
