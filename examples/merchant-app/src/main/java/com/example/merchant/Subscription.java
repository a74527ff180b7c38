package com.example.merchant;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One customer's subscription: which charge is scheduled next and how it got there. Immutable; each
 * webhook outcome gives the next state, which is stored only once Paycron has the schedule for it.
 *
 * @param sequence the period being charged (1, 2, …)
 * @param retries how many retries of this period have been scheduled
 * @param periodDueAt when this period's first attempt was due; the next period counts from it
 * @param nextMerchantUid the charge scheduled next; {@code null} once stopped
 * @param nextChargeAt when it is due; {@code null} once stopped
 * @param stopReason why no further charge is scheduled; {@code null} while active
 */
record Subscription(
    String customerUid,
    BigDecimal amount,
    String name,
    int sequence,
    int retries,
    Instant periodDueAt,
    String nextMerchantUid,
    Instant nextChargeAt,
    String stopReason) {

  Subscription {
    Objects.requireNonNull(customerUid, "customerUid");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(periodDueAt, "periodDueAt");
  }

  /** The first period, due at {@code firstChargeAt} (sent in whole seconds, so kept that way). */
  static Subscription start(
      String customerUid, BigDecimal amount, String name, Instant firstChargeAt) {
    Instant at = firstChargeAt.truncatedTo(ChronoUnit.SECONDS);
    return new Subscription(
        customerUid, amount, name, 1, 0, at, MerchantUids.payment(customerUid, 1), at, null);
  }

  boolean active() {
    return stopReason == null;
  }

  /** Whether a webhook about {@code merchantUid} is the outcome this subscription waits for. */
  boolean awaits(String merchantUid) {
    return active() && nextMerchantUid.equals(merchantUid);
  }

  /** The awaited charge was paid: the next period, one interval after this one was due. */
  Subscription paid(Duration interval, Instant now) {
    int next = sequence + 1;
    Instant dueAt = ChargeTimes.nextPeriod(periodDueAt, interval, now);
    return new Subscription(
        customerUid,
        amount,
        name,
        next,
        0,
        dueAt,
        MerchantUids.payment(customerUid, next),
        dueAt,
        null);
  }

  /**
   * The awaited charge was declined: a retry after {@code delay}, or, when {@code maxRetries} have
   * been used, the end of the subscription with the reason kept.
   */
  Subscription declined(Duration delay, int maxRetries, Instant now, String failReason) {
    if (retries >= maxRetries) {
      String reason =
          nextMerchantUid
              + " declined ("
              + failReason
              + ") after "
              + retries
              + " retr"
              + (retries == 1 ? "y" : "ies")
              + "; no further charge";
      return new Subscription(
          customerUid, amount, name, sequence, retries, periodDueAt, null, null, reason);
    }
    int retry = retries + 1;
    return new Subscription(
        customerUid,
        amount,
        name,
        sequence,
        retry,
        periodDueAt,
        MerchantUids.retry(customerUid, sequence, retry),
        ChargeTimes.retryAt(delay, now),
        null);
  }

  /**
   * The time Paycron actually holds for the next charge (the same unless an earlier, unanswered
   * attempt of this webhook already stored it). A period's first attempt also moves its due time.
   */
  Subscription scheduledAt(Instant at) {
    return new Subscription(
        customerUid,
        amount,
        name,
        sequence,
        retries,
        retries == 0 ? at : periodDueAt,
        nextMerchantUid,
        at,
        stopReason);
  }
}
