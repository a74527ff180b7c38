package io.paycron.webhook;

import java.util.Locale;

/** Where one event's delivery stands. */
public enum DeliveryStatus {
  /** Waiting for its next attempt. */
  PENDING,
  /** Claimed by a node that is sending it now (until its lease ends). */
  DELIVERING,
  DELIVERED,
  /** Every retry failed; kept, visible and replayable. */
  FAILED,
  /** Its endpoint was disabled (or deleted) before it was delivered; kept and replayable. */
  PAUSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
