package io.jasyncio.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * The challenge {@link Admission} sends a member before any task: it answers with its
 * {@link Secret}'s proof of the nonce and its own member id, which only a member that was handed
 * the secret can compute.
 */
final class MemberProof implements Callable<byte[]>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private final byte[] nonce;
  /** The member answering, set by Hazelcast before {@link #call()}. */
  private transient HazelcastInstance member;

  MemberProof(byte[] nonce) {
    this.nonce = nonce.clone();
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.member = member;
  }

  /**
   * The proof.
   *
   * @throws SecurityException if this member holds no secret
   */
  @Override
  public byte[] call() {
    Secret secret = Secret.of(member);
    if (secret == null) {
      throw new SecurityException("member " + member.getName() + " holds no cluster secret");
    }
    return secret.proof(nonce, member.getCluster().getLocalMember().getUuid());
  }
}
