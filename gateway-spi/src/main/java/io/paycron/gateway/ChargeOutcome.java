package io.paycron.gateway;

/**
 * What became of a charge. Declined and unknown are different things: an unknown outcome (a
 * timeout, a connection cut after sending) may still have charged the card, so it is settled by
 * {@link CardGateway#lookupCharge(String)}, never by sending the charge again.
 */
public sealed interface ChargeOutcome {

  record Approved(String transactionId, String approvalNumber) implements ChargeOutcome {}

  record Declined(String code, String message, DeclineClass declineClass)
      implements ChargeOutcome {}

  record Unknown(String reason) implements ChargeOutcome {}
}
