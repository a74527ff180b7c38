package com.example.merchant;

import io.paycron.client.Card;
import io.paycron.client.CardRequest;
import io.paycron.client.ChargeOptions;
import io.paycron.client.PaycronApiException;
import io.paycron.client.PaycronClient;
import io.paycron.client.Payment;
import io.paycron.client.Schedule;
import io.paycron.client.ScheduleItem;
import io.paycron.client.ScheduleRequest;
import io.paycron.client.ScheduleStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The guide's flow: store the card as a billing key and schedule the first charge; then, for each
 * charge's outcome, save a paid one and schedule the next period, or schedule a retry of a declined
 * one. Paycron is asked for every fact (the webhook body is only a hint).
 */
@Service
class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  /** What a charge's outcome did. */
  enum Outcome {
    /** Saved in the order book; the next period is scheduled. */
    PAID,
    /** A retry is scheduled, or the subscription stopped after the last one. */
    DECLINED,
    /** The outcome is not known yet ({@code ready}): a later webhook brings it. */
    PENDING,
    /** Not the charge a subscription waits for: handled before, or not ours. */
    NOT_AWAITED
  }

  /** Thrown when the customer already has a subscription (merchant_uids would repeat). */
  static final class AlreadySubscribed extends RuntimeException {
    AlreadySubscribed(String customerUid) {
      super("customer_uid " + customerUid + " already has a subscription");
    }
  }

  private final PaycronClient paycron;
  private final Subscriptions subscriptions;
  private final OrderBook orders;
  private final CallbackUrl callbackUrl;
  private final MerchantProperties properties;
  private final Clock clock;

  SubscriptionService(
      PaycronClient paycron,
      Subscriptions subscriptions,
      OrderBook orders,
      CallbackUrl callbackUrl,
      MerchantProperties properties,
      Clock clock) {
    this.paycron = paycron;
    this.subscriptions = subscriptions;
    this.orders = orders;
    this.callbackUrl = callbackUrl;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Issues the billing key and schedules period 1 at {@code firstChargeAt}.
   *
   * @throws PaycronApiException when the card company refuses the card or Paycron the schedule
   */
  Subscription start(
      String customerUid, Card card, BigDecimal amount, String name, Instant firstChargeAt) {
    synchronized (subscriptions.lock(customerUid)) {
      // a second subscription would start again at _0001, which Paycron refuses as a duplicate
      if (subscriptions.find(customerUid).isPresent()) {
        throw new AlreadySubscribed(customerUid);
      }
      paycron.registerCard(customerUid, CardRequest.of(card));
      Subscription first = Subscription.start(customerUid, amount, name, firstChargeAt);
      // stored after Paycron holds the schedule; its webhook waits for this lock meanwhile
      Subscription scheduled = first.scheduledAt(schedule(first));
      subscriptions.put(scheduled);
      log.info(
          "{}: subscribed, {} due at {}",
          customerUid,
          scheduled.nextMerchantUid(),
          scheduled.nextChargeAt());
      return scheduled;
    }
  }

  Optional<Subscription> find(String customerUid) {
    return subscriptions.find(customerUid);
  }

  /**
   * Acts on the outcome of the charge {@code impUid}, as Paycron reports it now. Safe to call again
   * for the same charge: only the charge a subscription waits for moves it on.
   *
   * @throws RuntimeException when Paycron cannot be asked or refuses; the subscription has not
   *     moved on then, and the same call later finishes the work (the order is saved only once)
   */
  Outcome onCharge(String impUid) {
    Payment payment = paycron.getPayment(impUid);
    String customerUid = payment.customerUid();
    if (customerUid == null) {
      return Outcome.NOT_AWAITED; // a charge without billing key is not a subscription's
    }
    synchronized (subscriptions.lock(customerUid)) {
      Optional<Subscription> current = subscriptions.find(customerUid);
      if (current.isEmpty() || !current.get().awaits(payment.merchantUid())) {
        return Outcome.NOT_AWAITED;
      }
      Subscription subscription = current.get();
      Instant now = clock.instant();
      switch (payment.status()) {
        case PAID -> {
          orders.save(payment);
          moveOn(subscription.paid(properties.billingInterval(), now));
          return Outcome.PAID;
        }
        case FAILED -> {
          log.info("{}: {} declined: {}", customerUid, payment.merchantUid(), payment.failReason());
          moveOn(
              subscription.declined(
                  properties.retryDelay(), properties.maxRetries(), now, payment.failReason()));
          return Outcome.DECLINED;
        }
        default -> {
          // ready: Paycron settles an unknown outcome and sends another webhook then
          return Outcome.PENDING;
        }
      }
    }
  }

  /** Schedules the next charge (none once stopped), then keeps the new state. */
  private void moveOn(Subscription next) {
    if (!next.active()) {
      subscriptions.put(next);
      log.warn("{}: stopped: {}", next.customerUid(), next.stopReason());
      return;
    }
    Subscription scheduled = next.scheduledAt(schedule(next));
    subscriptions.put(scheduled);
    log.info(
        "{}: {} due at {}",
        next.customerUid(),
        scheduled.nextMerchantUid(),
        scheduled.nextChargeAt());
  }

  /** Asks Paycron to charge the subscription's next charge; returns the schedule_at it holds. */
  private Instant schedule(Subscription subscription) {
    ScheduleItem item =
        ScheduleItem.of(
                subscription.nextMerchantUid(), subscription.nextChargeAt(), subscription.amount())
            .withOptions(
                ChargeOptions.builder()
                    .name(subscription.name())
                    .noticeUrl(callbackUrl.get())
                    .build());
    try {
      return paycron
          .schedule(ScheduleRequest.of(subscription.customerUid(), List.of(item)))
          .get(0)
          .scheduleAt();
    } catch (PaycronApiException refused) {
      return storedBefore(subscription).orElseThrow(() -> refused);
    }
  }

  /**
   * The schedule when an earlier delivery of this webhook stored it and then failed (so Paycron
   * delivered it again): Paycron refuses the same merchant_uid twice, and it is ours already.
   */
  private Optional<Instant> storedBefore(Subscription subscription) {
    try {
      Schedule existing = paycron.getSchedule(subscription.nextMerchantUid());
      boolean ours =
          subscription.customerUid().equals(existing.customerUid())
              && existing.scheduleStatus() != ScheduleStatus.REVOKED;
      return ours ? Optional.of(existing.scheduleAt()) : Optional.empty();
    } catch (PaycronApiException notThere) {
      return Optional.empty();
    }
  }
}
