package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the secret of a {@link LocalCluster} signs and proves, and what it never shows. */
class SecretTest {
  private final Secret secret = Secret.random();
  private final byte[] payload = {1, 2, 3};

  @Test
  void signatureHoldsOnlyForItsPayloadAndItsSecret() {
    byte[] signature = secret.sign(payload);

    assertThat(secret.isSignature(payload, signature)).isTrue();
    assertThat(secret.isSignature(new byte[] {1, 2, 4}, signature)).isFalse();
    assertThat(Secret.random().isSignature(payload, signature)).isFalse();
    assertThat(secret.isSignature(payload, null)).isFalse();
  }

  @Test
  void proofIsBoundToTheNonceAndTheMembersId() {
    UUID member = UUID.randomUUID();

    assertThat(secret.proof(payload, member)).isEqualTo(secret.proof(payload, member))
        .isNotEqualTo(secret.proof(payload, UUID.randomUUID()))
        .isNotEqualTo(secret.proof(new byte[] {9}, member));
  }

  @Test
  void memberReadsTheSecretItWasHandedAndTheClusterNameComesFromIt() {
    Secret handed = Secret.parse(secret.hex() + "\n");

    assertThat(handed.clusterName()).isEqualTo(secret.clusterName())
        .isNotEqualTo(Secret.random().clusterName()).doesNotContain(secret.hex());
    assertThat(handed.isSignature(payload, secret.sign(payload))).isTrue();
    assertThat(secret.toString()).doesNotContain(secret.hex());
    assertThatThrownBy(() -> Secret.parse("abcd")).isInstanceOf(IllegalArgumentException.class);
  }
}
