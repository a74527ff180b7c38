package io.paycron.subscription;

import java.time.ZoneId;

/**
 * A customer's subscription to a plan, as stored. Times are epoch milliseconds (0 = none). Period
 * {@code n} starts at {@code gridStart} plus {@code n - gridPeriod} plan intervals in {@code zone};
 * {@code period} is the last period paid (0 before the first), {@code collectingPeriod} the one
 * whose charge is booked or failing (0 when none), {@code attempts} its failed charges since the
 * first failure at {@code firstFailedAt}.
 */
record Subscription(
    String merchantId,
    String subscriptionId,
    String customerUid,
    String planId,
    String nextPlanId,
    ZoneId zone,
    long anchorAt,
    long gridStart,
    int gridPeriod,
    SubscriptionStatus status,
    int period,
    int collectingPeriod,
    long currentPeriodStart,
    long currentPeriodEnd,
    long trialEnd,
    long firstFailedAt,
    int attempts,
    String pendingMerchantUid,
    long nextBillingAt,
    long cancelAt,
    long canceledAt,
    String testClockId,
    long createdAt,
    long updatedAt,
    long version) {

  /** When period {@code n} of this subscription starts, under {@code plan}'s interval. */
  long periodStart(Plan plan, int n) {
    return plan.periodStart(gridStart, n - gridPeriod, zone);
  }

  Builder change() {
    return new Builder(this);
  }

  /** A changed copy; the repository stores it only if nobody changed the original meanwhile. */
  static final class Builder {
    private final Subscription s;
    private String customerUid;
    private String planId;
    private String nextPlanId;
    private long gridStart;
    private int gridPeriod;
    private SubscriptionStatus status;
    private int period;
    private int collectingPeriod;
    private long currentPeriodStart;
    private long currentPeriodEnd;
    private long firstFailedAt;
    private int attempts;
    private String pendingMerchantUid;
    private long nextBillingAt;
    private long cancelAt;
    private long canceledAt;

    private Builder(Subscription s) {
      this.s = s;
      customerUid = s.customerUid;
      planId = s.planId;
      nextPlanId = s.nextPlanId;
      gridStart = s.gridStart;
      gridPeriod = s.gridPeriod;
      status = s.status;
      period = s.period;
      collectingPeriod = s.collectingPeriod;
      currentPeriodStart = s.currentPeriodStart;
      currentPeriodEnd = s.currentPeriodEnd;
      firstFailedAt = s.firstFailedAt;
      attempts = s.attempts;
      pendingMerchantUid = s.pendingMerchantUid;
      nextBillingAt = s.nextBillingAt;
      cancelAt = s.cancelAt;
      canceledAt = s.canceledAt;
    }

    Builder customerUid(String value) {
      customerUid = value;
      return this;
    }

    Builder plan(String value, String next) {
      planId = value;
      nextPlanId = next;
      return this;
    }

    Builder grid(long start, int startPeriod) {
      gridStart = start;
      gridPeriod = startPeriod;
      return this;
    }

    Builder status(SubscriptionStatus value) {
      status = value;
      return this;
    }

    Builder paid(int value, long start, long end) {
      period = value;
      collectingPeriod = 0;
      currentPeriodStart = start;
      currentPeriodEnd = end;
      firstFailedAt = 0;
      attempts = 0;
      return this;
    }

    /** A charge for period {@code n} is booked: failures count from here. */
    Builder collecting(int n) {
      if (n != collectingPeriod) {
        firstFailedAt = 0;
        attempts = 0;
      }
      collectingPeriod = n;
      return this;
    }

    Builder failed(long firstFailed, int failures) {
      firstFailedAt = firstFailed;
      attempts = failures;
      return this;
    }

    Builder pending(String merchantUid, long at) {
      pendingMerchantUid = merchantUid;
      nextBillingAt = at;
      return this;
    }

    Builder cancelAt(long value) {
      cancelAt = value;
      return this;
    }

    Builder canceled(long at) {
      status = SubscriptionStatus.CANCELED;
      canceledAt = at;
      cancelAt = 0;
      pendingMerchantUid = null;
      nextBillingAt = 0;
      return this;
    }

    Subscription build(long now) {
      return new Subscription(
          s.merchantId,
          s.subscriptionId,
          customerUid,
          planId,
          nextPlanId,
          s.zone,
          s.anchorAt,
          gridStart,
          gridPeriod,
          status,
          period,
          collectingPeriod,
          currentPeriodStart,
          currentPeriodEnd,
          s.trialEnd,
          firstFailedAt,
          attempts,
          pendingMerchantUid,
          nextBillingAt,
          cancelAt,
          canceledAt,
          s.testClockId,
          s.createdAt,
          now,
          s.version + 1);
    }
  }
}
