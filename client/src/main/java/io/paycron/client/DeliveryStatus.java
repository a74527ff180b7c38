package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a webhook {@link Event} stands in delivery. */
public enum DeliveryStatus {
  /** Not delivered yet; more attempts will follow. */
  PENDING,
  DELIVERED,
  /** Retries are exhausted; the event can be replayed. */
  FAILED,
  /** A status this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
