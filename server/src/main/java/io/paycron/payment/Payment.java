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
   * The idempotency key of the payment's (single) attempt: what the gateway is charged with and
   * what reconciliation looks up, so it must be derived the same way everywhere.
   */
  public String firstAttemptKey() {
    return merchantId + ":" + impUid + ":1";
  }

  /** What can still be refunded. */
  public Money refundable() {
    return Money.of(amount.minorUnits() - cancelAmount, amount.currency());
  }
}
