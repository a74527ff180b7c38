package io.paycron.payment;

import java.util.Locale;
import java.util.Optional;

/** A payment's status as the V1 wire shows it. */
public enum PaymentStatus {
  /** Being charged, or charged with an outcome not yet known (never shown as failed). */
  READY,
  PAID,
  /** Refunded in full; a partial refund leaves the payment {@link #PAID}. */
  CANCELLED,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A status filter from the wire: empty for {@code all}, {@code undefined} or absent. */
  public static Optional<PaymentStatus> filter(String value) {
    if (value == null || value.isBlank() || value.equals("all") || value.equals("undefined")) {
      return Optional.empty();
    }
    for (PaymentStatus status : values()) {
      if (status.wire().equals(value)) {
        return Optional.of(status);
      }
    }
    throw new IllegalArgumentException(value);
  }
}
