package io.paycron.subscription;

import io.paycron.gateway.DeclineClass;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a plan does when a charge fails. Soft declines (insufficient funds, limit exceeded, issuer
 * unavailable, or a charge that never reached the network) are retried {@code softRetryDays} after
 * the period's first failure; hard declines (stolen, expired, closed card) are not retried.
 */
record DunningPolicy(
    List<Integer> softRetryDays,
    SubscriptionStatus afterRetries,
    SubscriptionStatus onHardDecline) {

  static final DunningPolicy DEFAULT =
      new DunningPolicy(
          List.of(1, 3, 5, 7), SubscriptionStatus.UNPAID, SubscriptionStatus.PAST_DUE);

  static final int MAX_RETRIES = 10;
  static final int MAX_RETRY_DAY = 60;

  /** The statuses a failed subscription may be left in. */
  static boolean isEndState(SubscriptionStatus status) {
    return status == SubscriptionStatus.PAST_DUE
        || status == SubscriptionStatus.UNPAID
        || status == SubscriptionStatus.CANCELED;
  }

  DunningPolicy {
    softRetryDays = List.copyOf(softRetryDays);
  }

  /**
   * When to retry after a failure at {@code now}: the first retry day, counted from the period's
   * first failure in the subscription's zone (same local time of day), that is still ahead. Empty
   * for a hard decline or when the retries have run out.
   */
  OptionalLong nextRetryAt(DeclineClass declineClass, long firstFailedAt, long now, ZoneId zone) {
    if (declineClass == DeclineClass.HARD) {
      return OptionalLong.empty();
    }
    for (int day : softRetryDays) {
      long at =
          Instant.ofEpochMilli(firstFailedAt).atZone(zone).plusDays(day).toInstant().toEpochMilli();
      if (at > now) {
        return OptionalLong.of(at);
      }
    }
    return OptionalLong.empty();
  }

  /** Where a failure that is not retried leaves the subscription. */
  SubscriptionStatus whenNotRetried(DeclineClass declineClass) {
    return declineClass == DeclineClass.HARD ? onHardDecline : afterRetries;
  }

  String softRetryDaysText() {
    return String.join(",", softRetryDays.stream().map(String::valueOf).toList());
  }

  static List<Integer> parseDays(String text) {
    return text.isBlank()
        ? List.of()
        : java.util.Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
  }
}
