package io.jasyncio.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.memberselector.MemberSelectors;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a {@link ClusterPool} picks the member a task goes to. Every route names one member, so
 * Hazelcast never re-sends a task by itself when its member leaves: the pool decides that
 * ({@link Trip}).
 */
interface Route {
  /**
   * Sends {@code task} to a member of the cluster.
   *
   * @throws BrokenMemberException if no member can take tasks
   * @throws RuntimeException what Hazelcast throws at once (the executor is shut down, this
   *     instance is not active, {@code task} cannot be serialized)
   */
  Sent send(ClusterTask task);

  /** The executor tasks go through, for what the pool says about itself. */
  IExecutorService executor();

  /**
   * A task on its way: the member's answer to come, and which member it is.
   *
   * @param reply completes with the member's reply, or with the error Hazelcast reports
   * @param member the member, as Hazelcast prints it
   */
  record Sent(Future<Reply> reply, String member) {}

  /**
   * Tasks to the data members of {@code hazelcast}'s cluster that {@code admission} admits, in
   * turn (lite members hold no partitions and are left out), so that the chunks of a {@code map}
   * spread evenly.
   */
  static Route roundRobin(HazelcastInstance hazelcast, IExecutorService executor,
      Admission admission) {
    AtomicInteger turn = new AtomicInteger();
    return new Route() {
      @Override
      public Sent send(ClusterTask task) {
        List<Member> members = new ArrayList<>();
        int data = 0;
        for (Member m : hazelcast.getCluster().getMembers()) {
          if (!m.isLiteMember()) {
            data++;
            if (admission.admits(m)) {
              members.add(m);
            }
          }
        }
        if (members.isEmpty()) {
          throw new BrokenMemberException(data == 0 || admission.isCutOff()
              || !hazelcast.getLifecycleService().isRunning()
              ? "no member is left in the cluster that " + hazelcast.getName() + " is in to take"
                  + " tasks"
              : "none of the " + data + " members that " + hazelcast.getName() + " sees has"
                  + " proven it belongs to this cluster (it may be reconnecting), so none can"
                  + " take tasks");
        }
        Member member = members.get(Math.floorMod(turn.getAndIncrement(), members.size()));
        return new Sent(executor.submitToMember(task, member), member.toString());
      }

      @Override
      public IExecutorService executor() {
        return executor;
      }
    };
  }

  /** Tasks to a data member that Hazelcast picks at random, for a bare {@code IExecutorService}. */
  static Route anyDataMember(IExecutorService executor) {
    return new Route() {
      @Override
      public Sent send(ClusterTask task) {
        return new Sent(executor.submit(task, MemberSelectors.DATA_MEMBER_SELECTOR),
            "a data member");
      }

      @Override
      public IExecutorService executor() {
        return executor;
      }
    };
  }
}
