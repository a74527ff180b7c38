package io.paycron.subscription;

import io.paycron.clock.TestClocks;
import io.paycron.payment.Payment;
import io.paycron.schedule.ScheduleBook;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing cycle of subscriptions: books each period's charge ahead of time as an ordinary
 * schedule (merchant_uid {@code {subscription_id}-p{n}}, retries {@code -r{k}}), and applies every
 * change of a subscription under its row lock, with the event announcing it.
 */
@Component
class SubscriptionBilling {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionBilling.class);

  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final ScheduleBook book;
  private final SubscriptionEvents events;
  private final Clock clock;
  private final TestClocks testClocks;
  private final JsonMapper json = JsonMapper.builder().build();

  SubscriptionBilling(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      ScheduleBook book,
      SubscriptionEvents events,
      Clock clock,
      TestClocks testClocks) {
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.book = book;
    this.events = events;
    this.clock = clock;
    this.testClocks = testClocks;
  }

  /** What a change decided: the new subscription and the event announcing it (null: none). */
  record Decision(Subscription after, String event, Payment cause, Map<String, Object> details) {
    static Decision of(Subscription after, String event) {
      return new Decision(after, event, null, Map.of());
    }
  }

  /**
   * Applies {@code change} to the stored subscription, locked for the rest of the caller's
   * transaction (so a change never runs twice, nor its bookings), and emits its event. Empty when
   * the change decided nothing.
   */
  Optional<Subscription> change(
      String merchantId, String subscriptionId, Function<Subscription, Decision> change) {
    Optional<Subscription> current = subscriptions.lock(merchantId, subscriptionId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Decision decision = change.apply(current.get());
    if (decision == null) {
      return Optional.empty();
    }
    if (!subscriptions.update(decision.after())) {
      throw new IllegalStateException("subscription " + subscriptionId + " changed while locked");
    }
    if (decision.event() != null) {
      events.emit(decision.event(), decision.after(), decision.cause(), decision.details());
    }
    return Optional.of(decision.after());
  }

  /** Revokes the charge the subscription has booked, if it is still pending; returns it if so. */
  List<String> revokePending(Subscription s) {
    return s.pendingMerchantUid() == null
        ? List.of()
        : book.revoke(s.merchantId(), List.of(s.pendingMerchantUid()));
  }

  /** Ends the subscription at {@code at}; a charge still booked for it is revoked. */
  Decision cancel(Subscription s, long at) {
    revokePending(s);
    return Decision.of(
        s.change().canceled(at).build(now(s)),
        SubscriptionEvents.entered(SubscriptionStatus.CANCELED));
  }

  /** The subscription's time: its test clock's (also when a reconciler settles), else now. */
  long now(Subscription s) {
    return s.testClockId() == null
        ? clock.millis()
        : testClocks.timeOf(s.merchantId(), s.testClockId()).orElseGet(clock::millis);
  }

  Plan plan(String merchantId, String planId) {
    return plans
        .find(merchantId, planId)
        .orElseThrow(() -> new IllegalStateException("plan " + planId + " is gone"));
  }

  /**
   * Books the first charge of period {@code n} at {@code at} (its start, or now when that passed),
   * under the plan that the next period takes (a pending plan change takes effect here). Periods
   * that ended unbilled (an unpaid stretch, a past anchor) are skipped, never charged in a burst.
   */
  Subscription.Builder bookPeriod(Subscription s, Subscription.Builder b, int n, long at) {
    Plan gridPlan = plan(s.merchantId(), s.planId());
    long now = now(s);
    while (s.periodStart(gridPlan, n + 1) <= now) {
      n++;
    }
    Plan chargePlan = s.nextPlanId() == null ? gridPlan : plan(s.merchantId(), s.nextPlanId());
    long start = s.periodStart(gridPlan, n);
    // on the grid, so month ends do not drift (Feb 29 ends on Mar 31); a new plan starts its own
    long end =
        chargePlan == gridPlan
            ? s.periodStart(gridPlan, n + 1)
            : chargePlan.periodStart(start, 1, s.zone());
    SubscriptionCharge charge =
        new SubscriptionCharge(
            s.merchantId(),
            SubscriptionCharge.merchantUid(s.subscriptionId(), n, 0),
            s.subscriptionId(),
            n,
            0,
            chargePlan.planId(),
            start,
            end);
    b.collecting(n); // next_plan_id stays until the period charged under it is paid
    return bookCharge(s, b, charge, chargePlan, Math.max(Math.max(at, start), now));
  }

  /**
   * Books a charge and makes it the subscription's pending one; a period that starts once the
   * subscription is to end is not booked.
   */
  Subscription.Builder bookCharge(
      Subscription s, Subscription.Builder b, SubscriptionCharge charge, Plan plan, long at) {
    if (s.cancelAt() > 0 && charge.periodStart() >= s.cancelAt()) {
      return b.pending(null, 0);
    }
    Map<String, Object> customData = new LinkedHashMap<>();
    customData.put("subscription_id", s.subscriptionId());
    customData.put("period", charge.period());
    boolean booked =
        book.book(
            new ScheduleBook.Booking(
                s.merchantId(),
                charge.merchantUid(),
                s.customerUid(),
                at,
                plan.amount(),
                plan.chargeName(
                    charge.period(), charge.periodStart(), charge.periodEnd(), s.zone()),
                json.writeValueAsString(customData)));
    if (!booked) {
      // the merchant_uid is taken by a schedule of the merchant's own, or the card is gone
      log.warn(
          "subscription {} of merchant {}: could not book {} (merchant_uid taken or no billing"
              + " key)",
          s.subscriptionId(),
          s.merchantId(),
          charge.merchantUid());
      return b.pending(null, 0);
    }
    subscriptions.insertCharge(charge, clock.millis()); // only a booked charge pays the period
    return b.pending(charge.merchantUid(), at);
  }

  void emitCreated(Subscription s) {
    events.emit(SubscriptionEvents.CREATED, s);
  }

  /** The charge the subscription has booked and not yet run, if any. */
  private Optional<SubscriptionCharge> pendingCharge(Subscription s) {
    return s.pendingMerchantUid() == null
        ? Optional.empty()
        : subscriptions.findCharge(s.merchantId(), s.pendingMerchantUid());
  }

  /** The plan the pending charge was booked under (the subscription's, if none is pending). */
  String planOfPending(Subscription s) {
    return pendingCharge(s).map(SubscriptionCharge::planId).orElse(s.planId());
  }

  /** The payment name the pending charge gets under {@code plan}. */
  String chargeNameOfPending(Subscription s, Plan plan) {
    return pendingCharge(s)
        .map(
            c ->
                plan.chargeName(
                    c.period(),
                    c.periodStart(),
                    plan.periodStart(c.periodStart(), 1, s.zone()),
                    s.zone()))
        .orElse(plan.name());
  }

  /** The pending period charge now charges {@code plan}: its period runs by that plan. */
  void recordChargePlan(Subscription s, Plan plan) {
    pendingCharge(s)
        .ifPresent(
            c ->
                subscriptions.insertCharge(
                    new SubscriptionCharge(
                        c.merchantId(),
                        c.merchantUid(),
                        c.subscriptionId(),
                        c.period(),
                        c.attempt(),
                        plan.planId(),
                        c.periodStart(),
                        plan.periodStart(c.periodStart(), 1, s.zone())),
                    clock.millis()));
  }
}
