package com.example.merchant;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When the next charge of a subscription is due. */
final class ChargeTimes {

  /**
   * The earliest schedule is this far after the current whole second, so always more than a second
   * ahead: Paycron refuses a {@code schedule_at} that is not in the future by its own clock, which
   * may run a little ahead of ours, and times go out in whole seconds.
   */
  static final Duration MIN_LEAD = Duration.ofSeconds(2);

  private ChargeTimes() {}

  /**
   * The next period is due one interval after this one was due, not after it was paid: a late
   * webhook or a retry does not shift the billing day. A due time already past (the app was down
   * for a whole interval) becomes the earliest time Paycron accepts, so the customer is charged
   * once for it, not once per missed period.
   */
  static Instant nextPeriod(Instant periodDueAt, Duration interval, Instant now) {
    return notBefore(periodDueAt.plus(interval), now);
  }

  /** A retry is due {@code delay} after the decline was seen. */
  static Instant retryAt(Duration delay, Instant now) {
    return notBefore(now.plus(delay), now);
  }

  /** {@code wanted} in whole seconds, or the earliest time Paycron accepts if that is later. */
  static Instant notBefore(Instant wanted, Instant now) {
    Instant earliest = now.truncatedTo(ChronoUnit.SECONDS).plus(MIN_LEAD);
    Instant whole = wanted.truncatedTo(ChronoUnit.SECONDS);
    return whole.isBefore(earliest) ? earliest : whole;
  }
}
