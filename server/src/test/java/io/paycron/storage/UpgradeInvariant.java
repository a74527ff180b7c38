package io.paycron.storage;

/**
 * Rules that the rows of a store at the latest version keep, whichever release wrote them: what a
 * migration that moves or derives data (a backfill, a copy into a new table) must get right. Each
 * query returns the rows that break its rule.
 */
enum UpgradeInvariant {

  /** V3: one live payment per merchant_uid is held by live_uid, NULL once the payment failed. */
  LIVE_UID_IS_THE_MERCHANT_UID_UNTIL_A_PAYMENT_FAILS(
      """
      SELECT imp_uid FROM payments
      WHERE (status = 'FAILED' AND live_uid IS NOT NULL)
         OR (status <> 'FAILED' AND (live_uid IS NULL OR live_uid <> merchant_uid))"""),

  /** V5, V6: a schedule off test clocks is queued, at its own time, exactly while SCHEDULED. */
  EVERY_SCHEDULED_SCHEDULE_OFF_TEST_CLOCKS_IS_QUEUED_AT_ITS_TIME(
      """
      SELECT s.merchant_uid FROM schedules s
      LEFT JOIN schedule_queue q
        ON q.merchant_id = s.merchant_id AND q.merchant_uid = s.merchant_uid
      WHERE s.status = 'SCHEDULED' AND s.test_clock_id IS NULL
        AND (q.merchant_uid IS NULL OR q.schedule_at <> s.schedule_at)"""),

  NOTHING_ELSE_IS_QUEUED(
      """
      SELECT q.merchant_uid FROM schedule_queue q
      LEFT JOIN schedules s
        ON s.merchant_id = q.merchant_id AND s.merchant_uid = q.merchant_uid
      WHERE s.merchant_uid IS NULL OR s.status <> 'SCHEDULED' OR s.test_clock_id IS NOT NULL"""),

  /** V4 copied the attempts into a new table: each payment still has its first attempt. */
  EVERY_PAYMENT_HAS_ITS_FIRST_ATTEMPT(
      """
      SELECT p.imp_uid FROM payments p
      LEFT JOIN payment_attempts a
        ON a.idempotency_key = p.merchant_id || ':' || p.imp_uid || ':1'
           AND a.merchant_id = p.merchant_id AND a.imp_uid = p.imp_uid
      WHERE a.idempotency_key IS NULL""");

  final String breaches;

  UpgradeInvariant(String breaches) {
    this.breaches = breaches;
  }
}
