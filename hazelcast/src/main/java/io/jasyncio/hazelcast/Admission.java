package io.jasyncio.hazelcast;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which members a {@link ClusterPool} may send tasks to, and how its tasks are signed.
 *
 * <p>{@link #open()} admits every member and signs nothing: a cluster the application configured
 * itself, whose network is its wall. {@link #guard} is a {@link LocalCluster}'s: it challenges
 * each member that joins with a {@link MemberProof} and admits it only once it answered with the
 * proof of the cluster's {@link Secret}, so a stranger that joined under the cluster's name never
 * gets a task; and it signs each task, so members run none from a stranger. A member that leaves
 * is forgotten; when the client loses the cluster, every member is, and all are challenged again
 * once it is back.
 */
final class Admission {
  private static final System.Logger LOG = System.getLogger(Admission.class.getName());
  /** Where a client keeps its guard, in {@code getUserContext()}. */
  static final String CONTEXT_KEY = "io.jasyncio.hazelcast.Admission";
  /** The executor that challenges go through, apart from tasks, so none waits behind them. */
  static final String EXECUTOR = "jasyncio-admission";
  private static final Admission OPEN = new Admission(null, null, null);

  private final HazelcastInstance hazelcast;
  private final IExecutorService challenges;
  private final Secret secret;
  /** Each challenged member's verdict: true once admitted, false if it failed. */
  private final Map<UUID, CompletableFuture<Boolean>> verdicts = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  /** Whether the client lost the cluster, until it is back. */
  private volatile boolean cutOff;
  /** Completes with the next member admitted, then is replaced. */
  private final AtomicReference<CompletableFuture<Member>> next =
      new AtomicReference<>(new CompletableFuture<>());

  private Admission(HazelcastInstance hazelcast, IExecutorService challenges, Secret secret) {
    this.hazelcast = hazelcast;
    this.challenges = challenges;
    this.secret = secret;
  }

  /** Admits every member; signs nothing. */
  static Admission open() {
    return OPEN;
  }

  /** The guard that {@code hazelcast} holds in its user context, or {@link #open()}. */
  static Admission of(HazelcastInstance hazelcast) {
    return hazelcast.getUserContext().get(CONTEXT_KEY) instanceof Admission a ? a : OPEN;
  }

  /**
   * Starts guarding {@code client}'s cluster with {@code secret}: challenges the members there and
   * those that come, and keeps itself in the client's user context for {@link #of}.
   */
  static Admission guard(HazelcastInstance client, Secret secret) {
    Admission admission = new Admission(client, client.getExecutorService(EXECUTOR), secret);
    client.getUserContext().put(CONTEXT_KEY, admission);
    client.getLifecycleService().addLifecycleListener(event -> {
      if (event.getState() == LifecycleState.CLIENT_DISCONNECTED) {
        admission.cutOff = true;
        admission.verdicts.clear();
      } else if (event.getState() == LifecycleState.CLIENT_CONNECTED) {
        admission.cutOff = false;
        admission.challengeAll();
      }
    });
    client.getCluster().addMembershipListener(new InitialMembershipListener() {
      @Override
      public void init(InitialMembershipEvent event) {
        event.getMembers().forEach(admission::challenge);
      }

      @Override
      public void memberAdded(MembershipEvent event) {
        admission.challenge(event.getMember());
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        admission.verdicts.remove(event.getMember().getUuid());
      }
    });
    return admission;
  }

  /** Whether tasks may go to {@code member}. */
  boolean admits(Member member) {
    if (secret == null) {
      return true;
    }
    CompletableFuture<Boolean> verdict = verdicts.get(member.getUuid());
    return verdict != null && Boolean.TRUE.equals(verdict.getNow(false));
  }

  /** Whether the guarded client lost every member of the cluster and is not back yet. */
  boolean isCutOff() {
    return cutOff;
  }

  /** The signature of a task's payload, or null if tasks are not signed. */
  byte[] sign(byte[] payload) {
    return secret == null ? null : secret.sign(payload);
  }

  /**
   * Completes with whether {@code member} was admitted, once its challenge is answered (at once,
   * true, if open).
   */
  CompletionStage<Boolean> verdict(Member member) {
    if (secret == null) {
      return CompletableFuture.completedFuture(true);
    }
    return verdicts.computeIfAbsent(member.getUuid(), id -> new CompletableFuture<>());
  }

  /** Completes with the next member admitted after this call. */
  CompletionStage<Member> nextAdmitted() {
    return next.get();
  }

  private void challengeAll() {
    hazelcast.getCluster().getMembers().forEach(this::challenge);
  }

  private void challenge(Member member) {
    if (member.isLiteMember()) {
      return;
    }
    CompletableFuture<Boolean> verdict = new CompletableFuture<>();
    CompletableFuture<Boolean> earlier = verdicts.put(member.getUuid(), verdict);
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    byte[] expected = secret.proof(nonce, member.getUuid());
    Trip.stageOf(challenges.<byte[]>submitToMember(new MemberProof(nonce), member))
        .whenComplete((proof, error) -> {
          boolean admitted = error == null && MessageDigest.isEqual(expected, proof);
          if (!admitted) {
            LOG.log(Level.WARNING, () -> "member " + member + " did not prove it belongs to this"
                + " cluster; it gets no task" + (error == null ? "" : " (" + error + ")"));
          }
          verdict.complete(admitted);
          if (earlier != null) {
            earlier.complete(admitted);
          }
          if (admitted) {
            next.getAndSet(new CompletableFuture<>()).complete(member);
          }
        });
  }
}
