package io.paycron.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxCardTest {

  @Test
  void knowsEveryDocumentedTestCard() {
    assertThat(SandboxCard.of("4242424242424242")).isEqualTo(SandboxCard.APPROVE);
    assertThat(SandboxCard.of("4000000000000069").refusesBillingKey()).isTrue();
    assertThat(SandboxCard.of("4000000000009995").declinesCharges()).isTrue();
    assertThat(SandboxCard.of("4000000000000119")).isEqualTo(SandboxCard.TIMEOUT_CHARGED);
    assertThat(SandboxCard.of("4000000000000218")).isEqualTo(SandboxCard.TIMEOUT_NOT_CHARGED);
  }

  @Test
  void approvesOtherLuhnValidNumbersAndRefusesInvalidOnes() {
    assertThat(SandboxCard.of("4111111111111111")).isEqualTo(SandboxCard.APPROVE);
    assertThat(SandboxCard.of("4111111111111112")).isNull();
    assertThat(SandboxCard.of("411111111111")).isNull();
  }

  @Test
  void findsTheScenarioBehindAStoredDeclineCode() {
    assertThat(SandboxCard.valueOfCode("stolen_card")).isEqualTo(SandboxCard.DECLINE_STOLEN);
  }
}
