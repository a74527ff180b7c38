package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that names a charge at the gateway: unambiguous whatever a merchant_uid contains. */
class IdempotencyKeyTest {

  private static final List<String> MERCHANT_UIDS =
      List.of(
          "order",
          "order:1",
          "1:order",
          "order:1:2",
          ":",
          "::",
          "2",
          "1:2",
          "imps_000000000001",
          "imps_000000000001:1",
          "주문:2026-11");

  @Test
  void givesEachMerchantUidAndAttemptItsOwnKeyAndCanBeReadBack() {
    Set<String> keys = new HashSet<>();
    for (String merchantId : List.of("mer_sandbox", "mer_0a1b2c3d4e5f6071")) {
      for (String merchantUid : MERCHANT_UIDS) {
        for (int attempt = 1; attempt <= 3; attempt++) {
          String key = Payment.idempotencyKey(merchantId, attempt, merchantUid);
          assertThat(keys.add(key)).as("a second triple with key %s", key).isTrue();
          // the fields come back out: the key names exactly one charge
          assertThat(key.split(":", 3))
              .containsExactly(merchantId, Integer.toString(attempt), merchantUid);
        }
      }
    }
  }

  @Test
  void neverEqualsAKeyOfTheFormerImpUidRule() {
    // before, a payment's key was merchant:imp_uid:1, and the reconciler still looks those up
    String former = "mer_sandbox:imps_000000000001:1";
    for (String merchantUid : MERCHANT_UIDS) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThat(Payment.idempotencyKey("mer_sandbox", attempt, merchantUid))
            .isNotEqualTo(former);
      }
    }
    assertThat(Payment.idempotencyKey("mer_sandbox", 1, "imps_000000000001"))
        .isEqualTo("mer_sandbox:1:imps_000000000001");
  }
}
