package io.paycron.console;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads the console's query and form values; anything unusable is a {@code BadFilter} (400). */
final class ConsoleParams {

  static final int PAGE_SIZE = 50;
  private static final int MAX_TEXT = 1000;

  private ConsoleParams() {}

  /** The trimmed value, or null when absent or blank. */
  static String text(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new ConsoleAdvice.BadFilter(name + ": at most " + MAX_TEXT + " characters");
    }
    return value.trim();
  }

  /** The value when it is one of {@code allowed}, null when blank. */
  static String choice(String name, String value, List<String> allowed) {
    String v = text(name, value);
    if (v != null && !allowed.contains(v)) {
      throw new ConsoleAdvice.BadFilter(name + ": one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** Page numbers start at 1. */
  static int page(String value) {
    String v = text("page", value);
    if (v == null) {
      return 1;
    }
    try {
      int page = Integer.parseInt(v);
      if (page < 1 || page > 100_000) {
        throw new NumberFormatException();
      }
      return page;
    } catch (NumberFormatException e) {
      throw new ConsoleAdvice.BadFilter("page: a whole number from 1");
    }
  }

  static int offset(int page) {
    return (page - 1) * PAGE_SIZE;
  }

  /** A {@code datetime-local} value read as UTC, in epoch milliseconds; null when blank. */
  static Long utcTime(String name, String value) {
    String v = text(name, value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      // ArithmeticException: a year like +999999999 parses but has no epoch milliseconds
      throw new ConsoleAdvice.BadFilter(name + ": a date and time like 2026-12-03T14:30 (UTC)");
    }
  }

  /**
   * A positive decimal amount in the currency's major unit (1.50 for USD, 1000 for KRW), as on the
   * API; empty when blank (meaning: all of it). The currency's decimals are checked where the
   * currency is known.
   */
  static Optional<BigDecimal> amount(String name, String value) {
    String v = text(name, value);
    if (v == null) {
      return Optional.empty();
    }
    try {
      BigDecimal amount = new BigDecimal(v.replace(",", ""));
      if (amount.signum() <= 0 || amount.precision() - amount.scale() > 18) {
        throw new NumberFormatException();
      }
      return Optional.of(amount);
    } catch (NumberFormatException e) {
      throw new ConsoleAdvice.BadFilter(
          name + ": a positive amount in the currency's major unit (like 12.50), or empty");
    }
  }

  /** Requires a value (an id the page needs). */
  static String required(String name, String value) {
    String v = text(name, value);
    if (v == null) {
      throw new ConsoleAdvice.BadFilter(name + ": required");
    }
    return v;
  }
}
