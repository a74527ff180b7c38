package io.paycron.subscription;

import io.paycron.clock.TestClocks;
import io.paycron.common.Secrets;
import io.paycron.customer.BillingKeyService;
import io.paycron.merchant.Merchant;
import io.paycron.payment.ChargeInput;
import io.paycron.schedule.ScheduleBook;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions through the API: create, read, cancel, pause, resume, change plan or card. Each
 * runs in the customer's time (its test clock's, if it is on one), and a charge that becomes due at
 * once on a test clock is run before the answer.
 */
@Service
class SubscriptionService {

  static final String NOT_FOUND = "subscription not found";
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:]{1,40}");

  private final SubscriptionRepository subscriptions;
  private final PlanService plans;
  private final SubscriptionBilling billing;
  private final SubscriptionPayments payments;
  private final BillingKeyService billingKeys;
  private final ScheduleBook book;
  private final TestClocks testClocks;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SubscriptionService(
      SubscriptionRepository subscriptions,
      PlanService plans,
      SubscriptionBilling billing,
      SubscriptionPayments payments,
      BillingKeyService billingKeys,
      ScheduleBook book,
      TestClocks testClocks,
      TransactionTemplate transactions,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.billing = billing;
    this.payments = payments;
    this.billingKeys = billingKeys;
    this.book = book;
    this.testClocks = testClocks;
    this.transactions = transactions;
    this.clock = clock;
  }

  Subscription create(Merchant merchant, ApiRequest request) {
    String id = request.string("subscription_id").orElse("sub_" + Secrets.randomHex(12));
    if (!ID.matcher(id).matches()) {
      throw new ApiException.InvalidRequest(
          "subscription_id: 1 to 40 letters, digits, '_', '.' or ':' (it starts every"
              + " merchant_uid the subscription charges with), got "
              + id);
    }
    String customerUid = ChargeInput.identifier(request, "customer_uid");
    requireBillingKey(merchant, customerUid);
    Plan plan = plans.named(merchant, ChargeInput.identifier(request, "plan_id"));
    ZoneId zone = zone(request);
    Optional<Long> anchorSeconds = request.longValue("anchor_at");
    anchorSeconds.ifPresent(SubscriptionService::requireTime);
    Subscription created =
        inTimeOf(
            merchant,
            customerUid,
            () ->
                transactions.execute(
                    tx -> insert(merchant, id, customerUid, plan, zone, anchorSeconds)));
    runDueNow(created);
    return get(merchant, id);
  }

  private Subscription insert(
      Merchant merchant,
      String id,
      String customerUid,
      Plan plan,
      ZoneId zone,
      Optional<Long> anchorSeconds) {
    long now = clock.millis();
    long anchor = anchorSeconds.map(s -> s * 1000).orElse(now);
    long billingStart =
        Instant.ofEpochMilli(anchor)
            .atZone(zone)
            .plusDays(plan.trialDays())
            .toInstant()
            .toEpochMilli();
    boolean trial = plan.trialDays() > 0;
    Subscription s =
        new Subscription(
            merchant.id(),
            id,
            customerUid,
            plan.planId(),
            null,
            zone,
            anchor,
            billingStart,
            1,
            trial ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE,
            0,
            0,
            trial ? anchor : 0,
            trial ? billingStart : 0,
            trial ? billingStart : 0,
            0,
            0,
            null,
            0,
            0,
            0,
            testClocks.clockOf(merchant.id(), customerUid).orElse(null),
            now,
            now,
            0);
    Subscription.Builder b = s.change();
    billing.bookPeriod(s, b, 1, billingStart);
    Subscription stored = b.build(now);
    if (!subscriptions.insert(stored)) {
      throw new ApiException.Conflict(
          "subscription_id: subscription " + id + " exists; choose another id");
    }
    billing.emitCreated(stored);
    return stored;
  }

  Subscription get(Merchant merchant, String id) {
    return subscriptions
        .find(merchant.id(), id)
        .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
  }

  List<Subscription> ofCustomer(Merchant merchant, String customerUid) {
    return subscriptions.findByCustomer(merchant.id(), customerUid);
  }

  /** Cancels now, or at the end of the current period (no further charge is made either way). */
  Subscription cancel(Merchant merchant, String id, boolean atPeriodEnd) {
    return act(
        merchant,
        id,
        s -> {
          long now = clock.millis();
          long end =
              s.status() == SubscriptionStatus.TRIALING ? s.trialEnd() : s.currentPeriodEnd();
          if (atPeriodEnd && end > now) {
            billing.revokePending(s);
            return SubscriptionBilling.Decision.of(
                s.change().pending(null, 0).cancelAt(end).build(now), SubscriptionEvents.UPDATED);
          }
          return billing.cancel(s, now);
        });
  }

  Subscription pause(Merchant merchant, String id) {
    return act(
        merchant,
        id,
        s -> {
          if (!s.status().canPause()) {
            throw new ApiException.Conflict(
                "subscription "
                    + id
                    + " is "
                    + s.status().wire()
                    + "; only an active or"
                    + " trialing subscription can be paused");
          }
          billing.revokePending(s);
          return SubscriptionBilling.Decision.of(
              s.change().status(SubscriptionStatus.PAUSED).pending(null, 0).build(clock.millis()),
              SubscriptionEvents.PAUSED);
        });
  }

  /**
   * Resumes billing at the next period boundary from now; the periods that passed while paused are
   * not charged.
   */
  Subscription resume(Merchant merchant, String id) {
    Subscription resumed =
        act(
            merchant,
            id,
            s -> {
              if (s.status() != SubscriptionStatus.PAUSED) {
                throw new ApiException.Conflict(
                    "subscription " + id + " is " + s.status().wire() + ", not paused");
              }
              long now = clock.millis();
              Plan plan = billing.plan(s.merchantId(), s.planId());
              int next = s.period() + 1;
              while (s.periodStart(plan, next) < now) {
                next++;
              }
              Subscription.Builder b =
                  s.change()
                      .status(
                          s.period() == 0 && s.trialEnd() > now
                              ? SubscriptionStatus.TRIALING
                              : SubscriptionStatus.ACTIVE);
              billing.bookPeriod(s, b, next, s.periodStart(plan, next));
              return SubscriptionBilling.Decision.of(b.build(now), SubscriptionEvents.RESUMED);
            });
    return resumed;
  }

  /**
   * Changes the plan (from the next period on: the next charge is made at the new plan's amount,
   * and its interval counts from there) or the card (the customer_uid charged from now on).
   */
  Subscription update(Merchant merchant, String id, ApiRequest request) {
    Optional<Plan> newPlan =
        request
            .string("plan_id")
            .map(planId -> plans.named(merchant, ChargeInput.identifier(request, "plan_id")));
    Optional<String> newCustomer =
        request.string("customer_uid").map(c -> ChargeInput.identifier(request, "customer_uid"));
    if (newPlan.isEmpty() && newCustomer.isEmpty()) {
      throw new ApiException.InvalidRequest("plan_id or customer_uid: one is required");
    }
    newCustomer.ifPresent(c -> requireBillingKey(merchant, c));
    Subscription current = get(merchant, id);
    newCustomer.ifPresent(c -> requireSameClock(merchant, current, c));
    Subscription updated =
        act(merchant, id, s -> changePlanOrCard(s, newPlan.orElse(null), newCustomer.orElse(null)));
    if (newCustomer.isPresent()) {
      inTimeOf(
          merchant,
          updated.customerUid(),
          () -> transactions.execute(tx -> payments.retryNow(updated)));
      runDueNow(updated);
    }
    return get(merchant, id);
  }

  private SubscriptionBilling.Decision changePlanOrCard(
      Subscription s, Plan plan, String customer) {
    long now = clock.millis();
    Subscription.Builder b = s.change();
    String customerUid = customer == null ? s.customerUid() : customer;
    b.customerUid(customerUid);
    Plan chargePlan =
        billing.plan(s.merchantId(), s.nextPlanId() == null ? s.planId() : s.nextPlanId());
    if (plan != null) {
      b.plan(s.planId(), plan.planId().equals(s.planId()) ? null : plan.planId());
      chargePlan = plan;
    }
    boolean periodChargePending =
        s.pendingMerchantUid() != null
            && s.pendingMerchantUid()
                .equals(
                    SubscriptionCharge.merchantUid(s.subscriptionId(), s.collectingPeriod(), 0));
    if (s.pendingMerchantUid() != null) {
      // a retry keeps the plan of the period it collects; only a period's first charge changes
      Plan amendWith =
          periodChargePending ? chargePlan : billing.plan(s.merchantId(), billing.planOfPending(s));
      boolean amended =
          book.amend(
              s.merchantId(),
              s.pendingMerchantUid(),
              customerUid,
              amendWith.amount(),
              billing.chargeNameOfPending(s, amendWith));
      if (amended && periodChargePending && plan != null) {
        billing.recordChargePlan(s, plan);
      }
    }
    return SubscriptionBilling.Decision.of(b.build(now), SubscriptionEvents.UPDATED);
  }

  /** Runs a change of a subscription that is not canceled, in its customer's time. */
  private Subscription act(
      Merchant merchant,
      String id,
      java.util.function.Function<Subscription, SubscriptionBilling.Decision> change) {
    Subscription s = get(merchant, id);
    if (s.status() == SubscriptionStatus.CANCELED) {
      throw new ApiException.Conflict(
          "subscription " + id + " is canceled; a canceled subscription cannot change");
    }
    Subscription changed =
        inTimeOf(
            merchant,
            s.customerUid(),
            () ->
                transactions.execute(
                    tx ->
                        billing
                            .change(
                                merchant.id(),
                                id,
                                current -> {
                                  if (current.status() == SubscriptionStatus.CANCELED) {
                                    throw new ApiException.Conflict(
                                        "subscription " + id + " is canceled");
                                  }
                                  return change.apply(current);
                                })
                            .orElseThrow()));
    runDueNow(changed);
    return changed;
  }

  private void requireBillingKey(Merchant merchant, String customerUid) {
    if (billingKeys.find(merchant, customerUid).isEmpty()) {
      throw new ApiException.InvalidRequest(
          "customer_uid: " + customerUid + " has no billing key; issue one first");
    }
  }

  private void requireSameClock(Merchant merchant, Subscription s, String customerUid) {
    Optional<String> clockOfNew = testClocks.clockOf(merchant.id(), customerUid);
    if (!clockOfNew.equals(Optional.ofNullable(s.testClockId()))) {
      throw new ApiException.InvalidRequest(
          "customer_uid: "
              + customerUid
              + " is on "
              + clockOfNew.map(c -> "test clock " + c).orElse("the real clock")
              + ", the subscription on "
              + Optional.ofNullable(s.testClockId())
                  .map(c -> "test clock " + c)
                  .orElse("the real clock"));
    }
  }

  private <T> T inTimeOf(Merchant merchant, String customerUid, Supplier<T> work) {
    return testClocks.inTimeOf(merchant.id(), customerUid, work);
  }

  /** On a test clock, what became due now (a first charge, a retry) runs before the answer. */
  private void runDueNow(Subscription s) {
    if (s.testClockId() != null) {
      testClocks.runDueNow(s.merchantId(), s.testClockId());
    }
  }

  private static ZoneId zone(ApiRequest request) {
    Optional<String> text = request.string("time_zone");
    if (text.isEmpty() || text.get().isBlank()) {
      return DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(text.get());
    } catch (DateTimeException e) {
      throw new ApiException.InvalidRequest(
          "time_zone: " + text.get() + " is not a time zone (use an IANA name, e.g. Asia/Seoul)");
    }
  }

  private static void requireTime(long seconds) {
    if (seconds < 0 || seconds > 253_402_300_799L) {
      throw new ApiException.InvalidRequest(
          "anchor_at: must be UNIX seconds between 0 and 253402300799, got " + seconds);
    }
  }
}
