package io.paycron.schedule;

import io.paycron.gateway.Money;
import io.paycron.payment.Buyer;
import io.paycron.payment.ChargeCommand;

/**
 * One scheduled payment, as stored. Times are epoch milliseconds; 0 means "did not happen". A
 * schedule of a customer on a test clock carries that clock's id and is due by its time.
 */
public record Schedule(
    String merchantId,
    String merchantUid,
    String customerUid,
    String customerId,
    long scheduleAt,
    Money amount,
    String name,
    Buyer buyer,
    String customData,
    String noticeUrl,
    int cardQuota,
    String promotionId,
    String pgProvider,
    String pgId,
    ScheduleStatus status,
    String paymentStatus,
    String impUid,
    String failReason,
    long executedAt,
    long revokedAt,
    long createdAt,
    long version,
    String testClockId) {

  /** What executing this schedule charges: exactly what {@code again} would. */
  ChargeCommand chargeCommand() {
    return new ChargeCommand(
        merchantUid, amount, name, buyer, customData, noticeUrl, cardQuota, customerUid);
  }
}
