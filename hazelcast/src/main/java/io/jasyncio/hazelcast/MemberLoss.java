package io.jasyncio.hazelcast;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Which errors of a task sent to a member mean that the member, not the task, failed. A task's
 * own exception never arrives as an error (it travels in its {@link Reply}), so an error is always
 * Hazelcast's; these are the ones after which the task may run on another member.
 */
final class MemberLoss {
  private MemberLoss() {}

  /** The error a member's future failed with, without the wrappers futures add. */
  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    // MemberLeftException is an ExecutionException too: unwrap only the plain wrappers.
    while ((e instanceof CompletionException || e.getClass() == ExecutionException.class)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * Whether {@code error}, as a member's future reported it, says the member could not run or
   * answer the task: it left the cluster or was not in it any more, its connection closed, it
   * was shutting down (a task failing then is reported so by {@link ClusterTask}), or its
   * executor refused the task (it was shutting down, or its queue was full); or this client is
   * cut off from every member (offline while it reconnects, or shut down for good).
   */
  static boolean isLoss(Throwable error) {
    return error instanceof MemberLeftException
        || error instanceof TargetNotMemberException
        || error instanceof TargetDisconnectedException
        || error instanceof HazelcastInstanceNotActiveException
        || error instanceof RejectedExecutionException
        || error instanceof HazelcastClientOfflineException
        || error instanceof HazelcastClientNotActiveException;
  }
}
