package io.paycron.subscription;

import io.paycron.gateway.DeclineClass;
import io.paycron.payment.Payment;
import io.paycron.payment.PaymentListener;
import io.paycron.payment.PaymentStatus;
import io.paycron.schedule.ScheduleBook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing cycle of subscriptions: books each period's charge ahead of time as an ordinary
 * schedule, and reacts to what its payments became, in the payments' own transaction. A paid period
 * books the next one; a failed charge follows the plan's dunning policy. Any payment with one of a
 * subscription's merchant_uids counts, so the merchant's own {@code again} with it pays the period.
 */
@Component
class SubscriptionBilling implements PaymentListener {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionBilling.class);
  private static final int MAX_TRIES = 5;

  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final ScheduleBook book;
  private final SubscriptionEvents events;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  SubscriptionBilling(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      ScheduleBook book,
      SubscriptionEvents events,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.book = book;
    this.events = events;
    this.clock = clock;
  }

  /** What a change decided: the new subscription and the event announcing it (null: none). */
  record Decision(Subscription after, String event, Payment cause, Map<String, Object> details) {
    static Decision of(Subscription after, String event) {
      return new Decision(after, event, null, Map.of());
    }
  }

  /**
   * Applies {@code change} to the stored subscription, retrying on a concurrent change (the change
   * re-runs on the fresh copy), and emits its event. Empty when the change decided nothing.
   */
  Optional<Subscription> change(
      String merchantId, String subscriptionId, Function<Subscription, Decision> change) {
    for (int tries = 0; tries < MAX_TRIES; tries++) {
      Optional<Subscription> current = subscriptions.find(merchantId, subscriptionId);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      Decision decision = change.apply(current.get());
      if (decision == null) {
        return Optional.empty();
      }
      if (subscriptions.update(decision.after())) {
        if (decision.event() != null) {
          events.emit(decision.event(), decision.after(), decision.cause(), decision.details());
        }
        return Optional.of(decision.after());
      }
    }
    throw new IllegalStateException(
        "subscription " + subscriptionId + " kept changing under " + MAX_TRIES + " tries");
  }

  Plan plan(String merchantId, String planId) {
    return plans
        .find(merchantId, planId)
        .orElseThrow(() -> new IllegalStateException("plan " + planId + " is gone"));
  }

  /**
   * Books the first charge of period {@code n} at {@code at} (its start, or now when that passed),
   * under the plan that the next period takes (a pending plan change takes effect here).
   */
  Subscription.Builder bookPeriod(Subscription s, Subscription.Builder b, int n, long at) {
    Plan gridPlan = plan(s.merchantId(), s.planId());
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
    return bookCharge(s, b, charge, chargePlan, Math.max(at, clock.millis()));
  }

  /** Books a charge and makes it the subscription's pending one. */
  Subscription.Builder bookCharge(
      Subscription s, Subscription.Builder b, SubscriptionCharge charge, Plan plan, long at) {
    subscriptions.insertCharge(charge, clock.millis());
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

  @Override
  public void onAttemptsRecorded(List<RecordedAttempt> recorded) {
    Map<String, RecordedAttempt> settled = new HashMap<>();
    List<String[]> keys = new ArrayList<>();
    for (RecordedAttempt r : recorded) {
      if (r.state().isSettled()) {
        Payment p = r.payment();
        settled.put(p.merchantId() + "/" + p.merchantUid(), r);
        keys.add(new String[] {p.merchantId(), p.merchantUid()});
      }
    }
    for (SubscriptionCharge charge : subscriptions.findCharges(keys)) {
      RecordedAttempt r = settled.get(charge.merchantId() + "/" + charge.merchantUid());
      if (r.payment().status() == PaymentStatus.PAID) {
        change(charge.merchantId(), charge.subscriptionId(), s -> paid(s, charge, r.payment()));
      } else if (r.payment().status() == PaymentStatus.FAILED) {
        change(charge.merchantId(), charge.subscriptionId(), s -> failed(s, charge, r));
      }
    }
  }

  /** A period is paid: the subscription is active again and the next period is booked. */
  private Decision paid(Subscription s, SubscriptionCharge charge, Payment payment) {
    if (s.status() == SubscriptionStatus.CANCELED || charge.period() <= s.period()) {
      return null; // paid after it ended, or a period paid already: nothing changes
    }
    Subscription.Builder b =
        s.change().paid(charge.period(), charge.periodStart(), charge.periodEnd());
    if (!charge.planId().equals(s.planId())) {
      // a plan change takes effect with the first period charged under the new plan
      String next = charge.planId().equals(s.nextPlanId()) ? null : s.nextPlanId();
      b.plan(charge.planId(), next).grid(charge.periodStart(), charge.period());
    }
    if (s.pendingMerchantUid() != null && !s.pendingMerchantUid().equals(charge.merchantUid())) {
      book.revoke(s.merchantId(), List.of(s.pendingMerchantUid())); // a retry no longer needed
    }
    b.pending(null, 0);
    long now = clock.millis();
    if (s.status() == SubscriptionStatus.PAUSED) {
      return new Decision(b.build(now), renewalEvent(s), payment, Map.of());
    }
    b.status(SubscriptionStatus.ACTIVE);
    if (s.cancelAt() > 0) {
      b.cancelAt(Math.max(charge.periodEnd(), now));
    } else {
      bookPeriod(b.build(now), b, charge.period() + 1, charge.periodEnd());
    }
    return new Decision(b.build(now), renewalEvent(s), payment, Map.of());
  }

  private static String renewalEvent(Subscription before) {
    return before.status().isDelinquent()
        ? SubscriptionEvents.RECOVERED
        : SubscriptionEvents.RENEWED;
  }

  /** A charge failed: retry per the plan's policy, or leave the subscription as it says. */
  private Decision failed(Subscription s, SubscriptionCharge charge, RecordedAttempt attempt) {
    boolean collecting =
        charge.period() == s.collectingPeriod()
            && (s.pendingMerchantUid() == null
                || s.pendingMerchantUid().equals(charge.merchantUid()));
    if (s.status() == SubscriptionStatus.CANCELED
        || s.status() == SubscriptionStatus.PAUSED
        || !collecting) {
      return null; // an old charge, or one the merchant sent while a retry is pending
    }
    long now = clock.millis();
    Plan plan = plan(s.merchantId(), charge.planId());
    long firstFailedAt = s.firstFailedAt() == 0 ? now : s.firstFailedAt();
    int failures = s.attempts() + 1;
    DeclineClass declineClass =
        attempt.declineClass() == null ? DeclineClass.SOFT : attempt.declineClass();
    Subscription.Builder b = s.change().failed(firstFailedAt, failures).pending(null, 0);
    OptionalLong retryAt = plan.dunning().nextRetryAt(declineClass, firstFailedAt, now, s.zone());
    SubscriptionStatus status;
    if (retryAt.isPresent()) {
      status = SubscriptionStatus.PAST_DUE;
      bookCharge(s, b, retry(charge, s, failures), plan, retryAt.getAsLong());
    } else {
      status = plan.dunning().whenNotRetried(declineClass);
    }
    if (status == SubscriptionStatus.CANCELED) {
      b.canceled(now);
    } else {
      b.status(status);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decline_code", attempt.declineCode());
    details.put("decline_class", declineClass.name().toLowerCase(java.util.Locale.ROOT));
    details.put("next_retry_at", retryAt.isPresent() ? retryAt.getAsLong() / 1000 : 0);
    String event =
        status == s.status()
            ? SubscriptionEvents.PAYMENT_FAILED
            : SubscriptionEvents.entered(status);
    return new Decision(b.build(now), event, attempt.payment(), details);
  }

  private static SubscriptionCharge retry(SubscriptionCharge of, Subscription s, int attempt) {
    return new SubscriptionCharge(
        of.merchantId(),
        SubscriptionCharge.merchantUid(s.subscriptionId(), of.period(), attempt),
        of.subscriptionId(),
        of.period(),
        attempt,
        of.planId(),
        of.periodStart(),
        of.periodEnd());
  }

  /**
   * A new card for a past-due or unpaid subscription: its period is charged again now (the pending
   * retry, if any, is moved to now). The dunning schedule after that stays as it was.
   */
  Optional<Subscription> retryNow(Subscription s) {
    if (!s.status().isDelinquent() || s.collectingPeriod() == 0) {
      return Optional.empty();
    }
    Optional<SubscriptionCharge> first =
        subscriptions.findCharge(
            s.merchantId(),
            SubscriptionCharge.merchantUid(s.subscriptionId(), s.collectingPeriod(), 0));
    if (first.isEmpty()) {
      return Optional.empty();
    }
    return change(
        s.merchantId(),
        s.subscriptionId(),
        current -> {
          if (!current.status().isDelinquent()) {
            return null;
          }
          if (current.pendingMerchantUid() != null) {
            book.revoke(current.merchantId(), List.of(current.pendingMerchantUid()));
          }
          Subscription.Builder b = current.change();
          bookCharge(
              current,
              b,
              retry(first.get(), current, current.attempts()),
              plan(current.merchantId(), first.get().planId()),
              clock.millis());
          return Decision.of(b.build(clock.millis()), null);
        });
  }
}
