package io.jasyncio.hazelcast;

import io.jasyncio.BrokenWorkerException;

/**
 * A {@link ClusterPool} task failed because the cluster could not run it: the members it was
 * sent to left (it was sent again each time, up to {@link ClusterPool#RESUBMITS} times), no
 * member was left to take it (or the client had lost them all), or a member JVM of a
 * {@link LocalCluster} could not start. The message says which; the cause is Hazelcast's last
 * word on it ({@code MemberLeftException}, {@code TargetDisconnectedException},
 * {@code HazelcastClientOfflineException}, ...). The pool itself goes on: a member that joins
 * later takes the next tasks.
 *
 * <p>It is a {@link BrokenWorkerException}, so code that catches a dead process-pool worker
 * catches a lost cluster member the same way. Python's {@code BrokenExecutor}, for one task.
 */
public class BrokenMemberException extends BrokenWorkerException {
  private static final long serialVersionUID = 1L;

  /** With a message that says what happened to the member. */
  public BrokenMemberException(String message) {
    super(message);
  }

  /** With a message that says what happened, and the failure Hazelcast reported. */
  public BrokenMemberException(String message, Throwable cause) {
    super(message, cause);
  }
}
