package io.jasyncio.test;

import java.util.List;
import java.util.Optional;

/**
 * What a test left behind, and the failure that lists it: tasks still pending when its body
 * returned (each with its name and where it waits), exceptions never retrieved and coroutines
 * never awaited.
 *
 * @param pendingStacks the stack of each task left pending, as {@code Task.printStack} prints it
 * @param neverRetrieved the failed futures nobody asked for their exception
 * @param neverAwaited the names of the coroutines never awaited
 */
record Leaks(List<String> pendingStacks, List<Warnings.Unretrieved> neverRetrieved,
    List<String> neverAwaited) {

  /** The failure for these leaks, or empty if there are none. */
  Optional<AssertionError> failure() {
    if (pendingStacks.isEmpty() && neverRetrieved.isEmpty() && neverAwaited.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message = new StringBuilder("The test left work behind on its event loop");
    if (!pendingStacks.isEmpty()) {
      message.append("\n").append(count(pendingStacks.size(), "task"))
          .append(" still pending when the test body returned (cancelled since); await them, or"
              + " cancel them and await their end, before the test returns:");
      pendingStacks.forEach(stack -> message.append("\n").append(stack.strip()));
    }
    if (!neverRetrieved.isEmpty()) {
      message.append("\n").append(count(neverRetrieved.size(), "exception"))
          .append(" never retrieved; await the task or future, or call its exception():");
      for (Warnings.Unretrieved u : neverRetrieved) {
        message.append("\n").append(u.future().startsWith("<Task") ? "Task" : "Future")
            .append(" exception was never retrieved\nfuture: ").append(u.future());
      }
    }
    if (!neverAwaited.isEmpty()) {
      message.append("\n").append(count(neverAwaited.size(), "coroutine"))
          .append(" never awaited; await it, or schedule it with createTask:");
      neverAwaited.forEach(name -> message.append("\nRuntimeWarning: coroutine '").append(name)
          .append("' was never awaited"));
    }
    AssertionError error = new AssertionError(message.toString());
    neverRetrieved.forEach(u -> error.addSuppressed(u.exception()));
    return Optional.of(error);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
