package io.paycron.schedule;

import java.math.BigDecimal;

/**
 * The V1 Schedule object (API.md §7.3). customer_uid, merchant_uid, schedule_at and amount are
 * never null; unset times are 0; payment_status is null until the attempt is settled.
 */
record ScheduleResponse(
    String customerUid,
    String merchantUid,
    String impUid,
    String customerId,
    String pgProvider,
    String pgId,
    long scheduleAt,
    long executedAt,
    long revokedAt,
    BigDecimal amount,
    String currency,
    String name,
    String buyerName,
    String buyerEmail,
    String buyerTel,
    String buyerAddr,
    String buyerPostcode,
    String customData,
    String scheduleStatus,
    String paymentStatus,
    String failReason,
    String promotionId) {

  static ScheduleResponse of(Schedule s) {
    return new ScheduleResponse(
        s.customerUid(),
        s.merchantUid(),
        s.impUid(),
        s.customerId(),
        s.pgProvider(),
        s.pgId(),
        s.scheduleAt() / 1000,
        s.executedAt() / 1000,
        s.revokedAt() / 1000,
        s.amount().toMajor(),
        s.amount().currency().getCurrencyCode(),
        s.name(),
        s.buyer().name(),
        s.buyer().email(),
        s.buyer().tel(),
        s.buyer().addr(),
        s.buyer().postcode(),
        s.customData(),
        s.status().wire(),
        s.paymentStatus(),
        s.failReason(),
        s.promotionId());
  }
}
