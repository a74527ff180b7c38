package io.paycron.payment;

/** A refund's progress; an unknown one is re-sent with the same idempotency key until settled. */
public enum CancellationState {
  REQUESTED,
  DONE,
  REFUSED,
  UNKNOWN
}
