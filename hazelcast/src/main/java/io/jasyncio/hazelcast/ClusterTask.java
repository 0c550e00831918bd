package io.jasyncio.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * What a member of the cluster runs for a {@link ClusterPool}: a task in jasyncio's serialized
 * form (a function and its arguments, or a callable), read through jasyncio's deserialization
 * filter and within the {@link PayloadLimits} with the member's class loader, run, and answered
 * with a {@link Reply}.
 *
 * <p>On a member that holds a {@link Secret} (one a {@link LocalCluster} started), only a task
 * signed with it runs: anything else is refused before its payload is read.
 *
 * <p>The member needs the classes of the function, its arguments and its results on its class
 * path, as a process pool's worker does.
 */
final class ClusterTask implements Callable<Reply>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 2L;

  private final byte[] payload;
  /** The payload's signature with the cluster's secret, or null on a cluster without one. */
  private final byte[] signature;
  /** The member running it, set by Hazelcast before {@link #call()}. */
  private transient HazelcastInstance member;

  ClusterTask(byte[] payload, byte[] signature) {
    this.payload = payload;
    this.signature = signature;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.member = member;
  }

  /**
   * Runs the task on the member.
   *
   * @throws HazelcastInstanceNotActiveException if the task failed while its member was shutting
   *     down: the failure may be the shut-down's doing (an interrupt, a closed resource), so it is
   *     reported as the member's loss, which the pool answers by sending the task elsewhere
   * @throws SecurityException if this member holds a secret and the task is not signed with it
   */
  @Override
  public Reply call() {
    Secret secret = member == null ? null : Secret.of(member);
    if (secret != null && !secret.isSignature(payload, signature)) {
      throw new SecurityException("member " + member.getName() + " runs only the tasks of the"
          + " pool that started it, and this one is not signed with its cluster's secret");
    }
    try {
      return Reply.results(new BoundedPayloads(PayloadLimits.fromSystemProperties())
          .readTask(payload, loader()).run());
    } catch (Throwable e) {
      if (member != null && !member.getLifecycleService().isRunning()) {
        HazelcastInstanceNotActiveException lost = new HazelcastInstanceNotActiveException(
            "member " + member.getName() + " shut down while running this task");
        lost.initCause(e);
        throw lost;
      }
      return Reply.failure(e);
    }
  }

  /** Hazelcast's threads carry the member's configured class loader as their context loader. */
  private static ClassLoader loader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : ClusterTask.class.getClassLoader();
  }

  @Override
  public String toString() {
    return "<jasyncio task of " + payload.length + " bytes>";
  }
}
