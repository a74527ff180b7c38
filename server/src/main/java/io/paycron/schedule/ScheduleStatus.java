package io.paycron.schedule;

import java.util.Locale;
import java.util.Optional;

/** A schedule's life: scheduled → executing → executed, or scheduled → revoked. */
public enum ScheduleStatus {
  SCHEDULED,
  /** Claimed by a node: its payment and attempt are persisted, the gateway call is under way. */
  EXECUTING,
  EXECUTED,
  REVOKED;

  /**
   * The V1 value. An executing schedule has been attempted, so it shows as {@code executed} with
   * {@code payment_status: null}, exactly like one whose outcome is still unknown.
   */
  public String wire() {
    return this == EXECUTING ? "executed" : name().toLowerCase(Locale.ROOT);
  }

  public boolean canRevoke() {
    return this == SCHEDULED;
  }

  public boolean canMove() {
    return this == SCHEDULED;
  }

  /** A filter from the wire ({@code scheduled|executed|revoked}); empty for none. */
  public static Optional<ScheduleStatus> filter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (value.trim()) {
      case "scheduled" -> Optional.of(SCHEDULED);
      case "executed" -> Optional.of(EXECUTED);
      case "revoked" -> Optional.of(REVOKED);
      default -> throw new IllegalArgumentException(value);
    };
  }
}
