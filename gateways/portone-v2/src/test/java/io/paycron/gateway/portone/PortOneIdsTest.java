package io.paycron.gateway.portone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortOneIdsTest {

  /** The longest key Paycron makes: merchant id, attempt, and a 200-character merchant_uid. */
  private static final String LONGEST_KEY =
      "mrc_0123456789abcdef:12:" + "주문/2026 #1?&=%+~ü".repeat(11) + "x".repeat(13);

  @Test
  void aChargeKeyAlwaysBecomesTheSamePaymentId() {
    // pinned: a changed derivation would make reconciliation look for payments under new ids
    assertThat(PortOneIds.paymentId("mrc_7f3a:1:sub_2026-11_0001"))
        .isEqualTo("pc41d5ab44cb840f448e166f7679a841");
  }

  @Test
  void paymentIdsAreShortLowercaseLettersAndDigitsWhateverTheKeyHolds() {
    String paymentId = PortOneIds.paymentId(LONGEST_KEY);

    assertThat(LONGEST_KEY).hasSize(24 + 200);
    assertThat(paymentId).hasSize(32).matches("pc[0-9a-f]{30}");
  }

  @Test
  void eachAttemptOfAMerchantUidIsItsOwnPayment() {
    assertThat(PortOneIds.paymentId("mrc_7f3a:1:order-1"))
        .isNotEqualTo(PortOneIds.paymentId("mrc_7f3a:2:order-1"))
        .isNotEqualTo(PortOneIds.paymentId("mrc_7f3b:1:order-1"));
  }

  @Test
  void cancelIdempotencyKeysKeepToPortOnesHeaderRules() {
    String key = PortOneIds.cancelIdempotencyKey("mrc_7f3a:cncl_4be1d0c9a2");

    assertThat(key).isEqualTo("paycron-cancel-9UfcpywgNCabriQwv0kh5SlFwjUbPM9Ssk-2kFXpB-k");
    assertThat(PortOneIds.cancelIdempotencyKey(LONGEST_KEY))
        .hasSizeBetween(16, 256)
        .matches("[A-Za-z0-9_-]+");
  }

  @Test
  void cancelTagsAreShortAndDifferPerRefund() {
    assertThat(PortOneIds.cancelTag("mrc_7f3a:cncl_4be1d0c9a2"))
        .isEqualTo("[paycron:f547dca72c20]");
    assertThat(PortOneIds.cancelTag("mrc_7f3a:cncl_4be1d0c9a3"))
        .isNotEqualTo(PortOneIds.cancelTag("mrc_7f3a:cncl_4be1d0c9a2"));
  }

  @Test
  void pathSegmentsEscapeEverythingAUrlPathCannotHold() {
    assertThat(PortOneIds.pathSegment("billing-key-0199a4c2_x.y"))
        .isEqualTo("billing-key-0199a4c2_x.y");
    assertThat(PortOneIds.pathSegment("a/b c?d#e%f+g&h=ü"))
        .isEqualTo("a%2Fb%20c%3Fd%23e%25f%2Bg%26h%3D%C3%BC");
  }
}
