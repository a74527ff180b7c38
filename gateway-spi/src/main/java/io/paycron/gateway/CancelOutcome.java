package io.paycron.gateway;

/** What became of a refund. */
public sealed interface CancelOutcome {

  record Cancelled(String cancelTransactionId) implements CancelOutcome {}

  record Refused(String code, String message) implements CancelOutcome {}

  record Unknown(String reason) implements CancelOutcome {}
}
