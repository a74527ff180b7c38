package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A schedule's {@code schedule_status} (API.md §7.3). A failed attempt is {@code EXECUTED} with
 * {@link Schedule#paymentStatus()} {@code FAILED}.
 */
public enum ScheduleStatus {
  SCHEDULED,
  EXECUTED,
  REVOKED,
  /** A status this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** The value on the wire and in query parameters. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
