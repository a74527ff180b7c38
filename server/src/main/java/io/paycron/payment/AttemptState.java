package io.paycron.payment;

import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;

/**
 * Where one charge attempt stands. Declined, never-charged and unknown are different states: only
 * the gateway's answer (or its lookup by idempotency key) moves an attempt out of {@link #UNKNOWN}.
 * This is the one place that converts gateway outcomes to attempt and payment states.
 */
public enum AttemptState {
  /** Persisted with its idempotency key; the gateway call is under way (or its node died). */
  SENDING,
  APPROVED,
  DECLINED,
  /** The gateway did not say (timeout, connection cut): may or may not have charged. */
  UNKNOWN,
  /** Reconciliation found that the gateway never charged this attempt. */
  NOT_CHARGED;

  public static AttemptState of(ChargeOutcome outcome) {
    if (outcome instanceof ChargeOutcome.Approved) {
      return APPROVED;
    }
    return outcome instanceof ChargeOutcome.Declined ? DECLINED : UNKNOWN;
  }

  public static AttemptState of(ChargeLookup lookup) {
    if (lookup instanceof ChargeLookup.Settled settled) {
      return of(settled.outcome());
    }
    return lookup instanceof ChargeLookup.NotFound ? NOT_CHARGED : UNKNOWN;
  }

  public PaymentStatus paymentStatus() {
    return switch (this) {
      case SENDING, UNKNOWN -> PaymentStatus.READY;
      case APPROVED -> PaymentStatus.PAID;
      case DECLINED, NOT_CHARGED -> PaymentStatus.FAILED;
    };
  }

  public boolean isSettled() {
    return this != SENDING && this != UNKNOWN;
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
