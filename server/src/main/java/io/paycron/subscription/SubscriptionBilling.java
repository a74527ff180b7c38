package io.paycron.subscription;

import io.paycron.clock.TestClocks;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
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

  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final ScheduleBook book;
  private final SubscriptionEvents events;
  private final Clock clock;
  private final TestClocks testClocks;
  private final TransactionTemplate savepoint;
  private final JsonMapper json = JsonMapper.builder().build();

  SubscriptionBilling(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      ScheduleBook book,
      SubscriptionEvents events,
      Clock clock,
      TestClocks testClocks,
      PlatformTransactionManager transactionManager) {
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.book = book;
    this.events = events;
    this.clock = clock;
    this.testClocks = testClocks;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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

  /**
   * Applies, once more, the outcome of a booked charge that ran but whose effect on the
   * subscription did not happen (its savepoint failed): the subscription would otherwise wait for
   * that charge for ever. The decline class is not kept, so a failure counts as soft.
   */
  void repair(Subscription stuck, boolean paid) {
    subscriptions
        .findCharge(stuck.merchantId(), stuck.pendingMerchantUid())
        .ifPresent(
            charge -> {
              log.warn(
                  "subscription {} of merchant {}: applying the {} outcome of {} again",
                  stuck.subscriptionId(),
                  stuck.merchantId(),
                  paid ? "paid" : "failed",
                  charge.merchantUid());
              applyAlone(
                  charge,
                  s ->
                      !charge.merchantUid().equals(s.pendingMerchantUid())
                          ? null
                          : paid ? paid(s, charge, null) : failed(s, charge, null, null, null));
            });
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
    Map<SubscriptionCharge, Function<Subscription, Decision>> reactions = new LinkedHashMap<>();
    for (SubscriptionCharge charge : subscriptions.findCharges(keys)) {
      RecordedAttempt r = settled.get(charge.merchantId() + "/" + charge.merchantUid());
      if (r.payment().status() == PaymentStatus.PAID) {
        reactions.put(charge, s -> paid(s, charge, r.payment()));
      } else if (r.payment().status() == PaymentStatus.FAILED) {
        reactions.put(
            charge, s -> failed(s, charge, r.declineCode(), r.declineClass(), r.payment()));
      }
    }
    if (reactions.isEmpty()) {
      return;
    }
    // all in one savepoint (PostgreSQL slows every snapshot once a transaction holds more than 64
    // subtransactions); only when that fails, one savepoint each, so one bad apple spoils nothing
    try {
      savepoint.executeWithoutResult(
          tx ->
              reactions.forEach(
                  (charge, change) ->
                      change(charge.merchantId(), charge.subscriptionId(), change)));
    } catch (RuntimeException e) {
      reactions.forEach(this::applyAlone);
    }
  }

  /**
   * One subscription's reaction, in a savepoint of the payments' transaction: if it fails, the
   * payments are still recorded (and logged for an operator), never held back by a subscription.
   */
  private void applyAlone(SubscriptionCharge charge, Function<Subscription, Decision> change) {
    try {
      savepoint.executeWithoutResult(
          tx -> change(charge.merchantId(), charge.subscriptionId(), change));
    } catch (RuntimeException e) {
      log.error(
          "subscription {} of merchant {}: could not apply the outcome of {}; the payment is"
              + " recorded, the subscription is left as it was",
          charge.subscriptionId(),
          charge.merchantId(),
          charge.merchantUid(),
          e);
    }
  }

  /** A period is paid: the subscription is active again and the next period is booked. */
  private Decision paid(Subscription s, SubscriptionCharge charge, Payment payment) {
    // payment is null when repair() applies an outcome whose first application failed
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
    // every other charge of the period still booked (a retry, one the merchant rescheduled)
    List<String> others =
        new ArrayList<>(
            subscriptions.chargesOfPeriod(s.merchantId(), s.subscriptionId(), charge.period()));
    // (also this merchant_uid's own schedule when an `again` paid it before the schedule ran)
    if (s.pendingMerchantUid() != null && !others.contains(s.pendingMerchantUid())) {
      others.add(s.pendingMerchantUid());
    }
    book.revoke(s.merchantId(), others);
    b.pending(null, 0);
    long now = now(s);
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
  private Decision failed(
      Subscription s,
      SubscriptionCharge charge,
      String declineCode,
      DeclineClass declined,
      Payment cause) {
    boolean collecting =
        charge.period() == s.collectingPeriod()
            && (s.pendingMerchantUid() == null
                || s.pendingMerchantUid().equals(charge.merchantUid()));
    if (s.status() == SubscriptionStatus.CANCELED
        || s.status() == SubscriptionStatus.PAUSED
        || !collecting) {
      return null; // an old charge, or one the merchant sent while a retry is pending
    }
    if (s.cancelAt() > 0 && charge.periodStart() >= s.cancelAt()) {
      return null; // a period after the end the merchant set: nothing to collect
    }
    long now = now(s);
    Plan plan = plan(s.merchantId(), charge.planId());
    long firstFailedAt = s.firstFailedAt() == 0 ? now : s.firstFailedAt();
    int failures = s.attempts() + 1;
    DeclineClass declineClass = declined == null ? DeclineClass.SOFT : declined;
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
    details.put("decline_code", declineCode);
    details.put("decline_class", declineClass.name().toLowerCase(java.util.Locale.ROOT));
    details.put("next_retry_at", retryAt.isPresent() ? retryAt.getAsLong() / 1000 : 0);
    String event =
        status == s.status()
            ? SubscriptionEvents.PAYMENT_FAILED
            : SubscriptionEvents.entered(status);
    return new Decision(b.build(now), event, cause, details);
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
    return change(
        s.merchantId(),
        s.subscriptionId(),
        current -> {
          if (!current.status().isDelinquent() || current.collectingPeriod() == 0) {
            return null;
          }
          Optional<SubscriptionCharge> first =
              subscriptions.findCharge(
                  current.merchantId(),
                  SubscriptionCharge.merchantUid(
                      current.subscriptionId(), current.collectingPeriod(), 0));
          if (first.isEmpty()) {
            return null;
          }
          if (current.pendingMerchantUid() != null
              && book.revoke(current.merchantId(), List.of(current.pendingMerchantUid()))
                  .isEmpty()) {
            return null; // the booked retry is being sent right now: its outcome decides
          }
          Subscription.Builder b = current.change();
          bookCharge(
              current,
              b,
              retry(first.get(), current, current.attempts()),
              plan(current.merchantId(), first.get().planId()),
              now(current));
          return Decision.of(b.build(now(current)), null);
        });
  }
}
