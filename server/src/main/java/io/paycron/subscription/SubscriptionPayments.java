package io.paycron.subscription;

import io.paycron.gateway.DeclineClass;
import io.paycron.payment.Payment;
import io.paycron.payment.PaymentListener;
import io.paycron.payment.PaymentStatus;
import io.paycron.schedule.ScheduleBook;
import io.paycron.subscription.SubscriptionBilling.Decision;
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

/**
 * How subscriptions follow their payments, in the payments' own transaction: a paid period books
 * the next one; a failed charge follows the plan's dunning policy. Any payment with one of a
 * subscription's merchant_uids counts, so the merchant's own {@code again} with it pays the period.
 */
@Component
class SubscriptionPayments implements PaymentListener {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionPayments.class);

  private final SubscriptionRepository subscriptions;
  private final SubscriptionBilling billing;
  private final ScheduleBook book;
  private final TransactionTemplate savepoint;

  SubscriptionPayments(
      SubscriptionRepository subscriptions,
      SubscriptionBilling billing,
      ScheduleBook book,
      PlatformTransactionManager transactionManager) {
    this.subscriptions = subscriptions;
    this.billing = billing;
    this.book = book;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
                      billing.change(charge.merchantId(), charge.subscriptionId(), change)));
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
          tx -> billing.change(charge.merchantId(), charge.subscriptionId(), change));
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
    long now = billing.now(s);
    if (s.status() == SubscriptionStatus.PAUSED) {
      return new Decision(b.build(now), renewalEvent(s), payment, Map.of());
    }
    b.status(SubscriptionStatus.ACTIVE);
    if (s.cancelAt() > 0) {
      b.cancelAt(Math.max(charge.periodEnd(), now));
    } else {
      billing.bookPeriod(b.build(now), b, charge.period() + 1, charge.periodEnd());
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
    long now = billing.now(s);
    Plan plan = billing.plan(s.merchantId(), charge.planId());
    long firstFailedAt = s.firstFailedAt() == 0 ? now : s.firstFailedAt();
    int failures = s.attempts() + 1;
    DeclineClass declineClass = declined == null ? DeclineClass.SOFT : declined;
    Subscription.Builder b = s.change().failed(firstFailedAt, failures).pending(null, 0);
    OptionalLong retryAt = plan.dunning().nextRetryAt(declineClass, firstFailedAt, now, s.zone());
    SubscriptionStatus status;
    if (retryAt.isPresent()) {
      status = SubscriptionStatus.PAST_DUE;
      billing.bookCharge(s, b, retry(charge, s, failures), plan, retryAt.getAsLong());
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
    return billing.change(
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
          billing.bookCharge(
              current,
              b,
              retry(first.get(), current, current.attempts()),
              billing.plan(current.merchantId(), first.get().planId()),
              billing.now(current));
          return Decision.of(b.build(billing.now(current)), null);
        });
  }
}
