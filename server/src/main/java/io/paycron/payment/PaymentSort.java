package io.paycron.payment;

/** The V1 {@code sorting} values, each a fixed ORDER BY (never user text in SQL). */
enum PaymentSort {
  // Within one millisecond the live payment of a merchant_uid is the newer: a failed one can
  // only ever come before it.
  STARTED_DESC("-started", "started_at DESC, " + Order.LIVE_LAST + " DESC, imp_uid DESC"),
  STARTED_ASC("started", "started_at ASC, " + Order.LIVE_LAST + " ASC, imp_uid ASC"),
  PAID_DESC("-paid", "paid_at DESC, imp_uid DESC"),
  PAID_ASC("paid", "paid_at ASC, imp_uid ASC"),
  UPDATED_DESC("-updated", "updated_at DESC, imp_uid DESC"),
  UPDATED_ASC("updated", "updated_at ASC, imp_uid ASC");

  private static final class Order {
    static final String LIVE_LAST = "CASE WHEN status = 'FAILED' THEN 0 ELSE 1 END";
  }

  final String wire;
  final String orderBy;

  PaymentSort(String wire, String orderBy) {
    this.wire = wire;
    this.orderBy = orderBy;
  }

  static PaymentSort parse(String value) {
    if (value == null || value.isBlank()) {
      return STARTED_DESC;
    }
    for (PaymentSort sort : values()) {
      if (sort.wire.equals(value.trim())) {
        return sort;
      }
    }
    throw new IllegalArgumentException(value);
  }
}
