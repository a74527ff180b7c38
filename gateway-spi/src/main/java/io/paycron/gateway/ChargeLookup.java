package io.paycron.gateway;

/** The gateway's truth about a charge, asked by idempotency key during reconciliation. */
public sealed interface ChargeLookup {

  /** The gateway has the charge and its final outcome. */
  record Settled(ChargeOutcome outcome) implements ChargeLookup {
    public Settled {
      if (outcome instanceof ChargeOutcome.Unknown) {
        throw new IllegalArgumentException("a settled charge is approved or declined");
      }
    }
  }

  /** The gateway never received a charge with that key. */
  record NotFound() implements ChargeLookup {}

  /** The gateway could not be asked now; ask again later. */
  record Unavailable(String reason) implements ChargeLookup {}
}
