package io.paycron.subscription;

import java.util.Locale;
import java.util.Optional;

/** Where a subscription stands (API.md §10). */
enum SubscriptionStatus {
  /** In its free trial; the first period is charged when the trial ends. */
  TRIALING,
  /** Paid up (or its first charge is pending); the next period's charge is scheduled. */
  ACTIVE,
  /** A charge failed; retries are scheduled or a new card is awaited. */
  PAST_DUE,
  /** Retries ran out; nothing is charged until the card is updated or the merchant charges. */
  UNPAID,
  /** Billing stopped by the merchant; resumes from the next period boundary. */
  PAUSED,
  /** Ended, for good. */
  CANCELED;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<SubscriptionStatus> parse(String wire) {
    for (SubscriptionStatus status : values()) {
      if (status.wire().equals(wire)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** Waiting for money: a successful charge or a new card brings it back to active. */
  boolean isDelinquent() {
    return this == PAST_DUE || this == UNPAID;
  }

  boolean canPause() {
    return this == ACTIVE || this == TRIALING;
  }
}
