package io.paycron.subscription;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/** The unit of a plan's billing interval. */
enum BillingInterval {
  DAY(1826),
  WEEK(260),
  MONTH(60),
  YEAR(5);

  /** The most units one interval may span (five years), so a period always ends. */
  final int maxCount;

  BillingInterval(int maxCount) {
    this.maxCount = maxCount;
  }

  static Optional<BillingInterval> parse(String wire) {
    for (BillingInterval interval : values()) {
      if (interval.wire().equals(wire)) {
        return Optional.of(interval);
      }
    }
    return Optional.empty();
  }

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code start} plus {@code units} of this interval in local time. Months and years clamp the day
   * to the month's last (Jan 31 + 1 month = Feb 28 or 29), and each call counts from the same
   * start, so a clamped month does not shift the ones after it (Mar 31 follows Feb 28).
   */
  ZonedDateTime plus(ZonedDateTime start, long units) {
    return switch (this) {
      case DAY -> start.plusDays(units);
      case WEEK -> start.plusWeeks(units);
      case MONTH -> start.plusMonths(units);
      case YEAR -> start.plusYears(units);
    };
  }
}
