package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A payment's {@code status} (API.md §7.1). */
public enum PaymentStatus {
  /** The charge's outcome is not known yet; Paycron's reconciliation settles it. */
  READY,
  PAID,
  CANCELLED,
  FAILED,
  /** A status this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** The value on the wire and in URL paths: {@code ready}, {@code paid}, … */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
