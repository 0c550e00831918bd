package io.jasyncio.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random key a {@link LocalCluster} shares with the member JVMs it starts (on their standard
 * input, never on a command line), from which the cluster's name comes and with which tasks are
 * signed and members prove they were started by it. Hazelcast's community edition authenticates
 * nothing: whoever knows the cluster name and a port can join or connect, and a member runs
 * whatever it is sent. With the key, a stranger that learns the name still gets no task (it
 * cannot prove itself, see {@link Admission}) and cannot submit one (members run only signed
 * ones, see {@link ClusterTask}).
 *
 * <p>Members and the client keep it in their Hazelcast user context under {@link #CONTEXT_KEY}.
 */
final class Secret {
  /** Where a member or client keeps its cluster's secret, in {@code getUserContext()}. */
  static final String CONTEXT_KEY = "io.jasyncio.hazelcast.Secret";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int BYTES = 32;
  /** What a MAC is for: the first byte it covers. */
  private static final byte NAME = 1;
  private static final byte TASK = 2;
  private static final byte PROOF = 3;

  private final byte[] key;

  private Secret(byte[] key) {
    this.key = key;
  }

  /** A new random secret. */
  static Secret random() {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    return new Secret(key);
  }

  /**
   * The secret written by {@link #hex()}.
   *
   * @throws IllegalArgumentException if {@code hex} is not one
   */
  static Secret parse(String hex) {
    byte[] key = HexFormat.of().parseHex(hex.strip());
    if (key.length != BYTES) {
      throw new IllegalArgumentException("a cluster secret has " + BYTES + " bytes, not "
          + key.length);
    }
    return new Secret(key);
  }

  /** The secret that {@code hazelcast} holds in its user context, or null. */
  static Secret of(HazelcastInstance hazelcast) {
    return hazelcast.getUserContext().get(CONTEXT_KEY) instanceof Secret s ? s : null;
  }

  /** The key in hexadecimal, to hand to a member JVM on its standard input. */
  String hex() {
    return HexFormat.of().formatHex(key);
  }

  /** The cluster's name: nothing that sees only the name learns the key from it. */
  String clusterName() {
    return "jasyncio-" + HexFormat.of().formatHex(mac(NAME, new byte[0])).substring(0, 24);
  }

  /** The signature of a task's payload. */
  byte[] sign(byte[] payload) {
    return mac(TASK, payload);
  }

  /** Whether {@code signature} is this secret's for {@code payload}, in constant time. */
  boolean isSignature(byte[] payload, byte[] signature) {
    return signature != null && MessageDigest.isEqual(mac(TASK, payload), signature);
  }

  /**
   * What the member {@code member} answers to the challenge {@code nonce}: bound to its own id, so
   * a stranger cannot pass on an answer it got from a true member.
   */
  byte[] proof(byte[] nonce, UUID member) {
    return mac(PROOF, (HexFormat.of().formatHex(nonce) + "/" + member)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The MAC of {@code data} under {@code purpose}, so no MAC made for one passes for another. */
  private byte[] mac(byte purpose, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update(purpose);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
    }
  }

  /** Never the key: a secret may end up in a log. */
  @Override
  public String toString() {
    return "<cluster secret>";
  }
}
