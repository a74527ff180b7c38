package io.paycron.subscription;

/** A subscription on the wire (API.md §10): snake_case, UNIX seconds, 0 when a time is unset. */
record SubscriptionResponse(
    String subscription_id,
    String customer_uid,
    String plan_id,
    String next_plan_id,
    String status,
    String time_zone,
    long anchor_at,
    int period,
    long current_period_start,
    long current_period_end,
    long trial_end,
    long next_billing_at,
    String next_merchant_uid,
    int failed_attempts,
    boolean cancel_at_period_end,
    long cancel_at,
    long canceled_at,
    String test_clock_id,
    long created_at,
    long updated_at,
    long version) {

  static SubscriptionResponse of(Subscription s) {
    return new SubscriptionResponse(
        s.subscriptionId(),
        s.customerUid(),
        s.planId(),
        s.nextPlanId(),
        s.status().wire(),
        s.zone().getId(),
        seconds(s.anchorAt()),
        s.period(),
        seconds(s.currentPeriodStart()),
        seconds(s.currentPeriodEnd()),
        seconds(s.trialEnd()),
        seconds(s.nextBillingAt()),
        s.pendingMerchantUid(),
        s.attempts(),
        s.cancelAt() > 0,
        seconds(s.cancelAt()),
        seconds(s.canceledAt()),
        s.testClockId(),
        seconds(s.createdAt()),
        seconds(s.updatedAt()),
        s.version());
  }

  private static long seconds(long millis) {
    return millis / 1000;
  }
}
