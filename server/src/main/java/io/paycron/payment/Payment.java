package io.paycron.payment;

import io.paycron.gateway.CardInfo;
import io.paycron.gateway.Money;

/**
 * A payment as stored. Times are epoch milliseconds; 0 means "did not happen". Money is minor
 * units; {@code cancelAmount} is what was refunded, in the payment's currency.
 */
public record Payment(
    String merchantId,
    String impUid,
    String merchantUid,
    String customerUid,
    String customerUidUsage,
    String pgProvider,
    String pgId,
    String pgTid,
    String applyNum,
    CardInfo card,
    int cardQuota,
    String name,
    Money amount,
    long cancelAmount,
    Buyer buyer,
    String customData,
    String noticeUrl,
    PaymentStatus status,
    String failReason,
    String cancelReason,
    boolean sandbox,
    long startedAt,
    long paidAt,
    long failedAt,
    long cancelledAt,
    long updatedAt,
    long version) {

  /**
   * The idempotency key of a merchant_uid's {@code attempt}-th payment (1 + its failed ones before
   * it): what the gateway is charged with and what reconciliation looks it up by (it is stored with
   * the attempt).
   *
   * <p>It is made only of what survives a restore of a backup: a schedule charged after the backup
   * runs again with the same merchant_uid and attempt number, so the gateway answers with the
   * original charge instead of charging again (an imp_uid is new each time). The merchant id never
   * contains ':' and the attempt number is digits, so the merchant_uid, which may contain anything,
   * is what follows the second ':' and no two triples share a key. Keys made before this rule were
   * {@code merchant:imp_uid:1}, whose second field is never all digits: the two never collide.
   */
  public static String idempotencyKey(String merchantId, int attempt, String merchantUid) {
    return merchantId + ":" + attempt + ":" + merchantUid;
  }

  /** This new payment failed before it reached a gateway: nothing was charged. */
  Payment failedBeforeSending(String reason) {
    return new Payment(
        merchantId,
        impUid,
        merchantUid,
        customerUid,
        customerUidUsage,
        pgProvider,
        pgId,
        null,
        null,
        card,
        cardQuota,
        name,
        amount,
        0,
        buyer,
        customData,
        noticeUrl,
        PaymentStatus.FAILED,
        reason,
        null,
        sandbox,
        startedAt,
        0,
        startedAt,
        0,
        startedAt,
        1);
  }

  /** What can still be refunded. */
  public Money refundable() {
    return Money.of(amount.minorUnits() - cancelAmount, amount.currency());
  }
}
