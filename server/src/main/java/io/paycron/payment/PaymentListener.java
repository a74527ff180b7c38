package io.paycron.payment;

/**
 * Told, inside the transaction that changed it, when a payment's attempt is recorded or a refund is
 * booked; so schedules and the outbox change in the same commit as the payment.
 */
public interface PaymentListener {

  /** An attempt of {@code payment} moved to {@code state} (also {@link AttemptState#UNKNOWN}). */
  void onAttemptRecorded(Payment payment, AttemptState state);

  /** A refund was booked; {@code payment} is the updated payment. */
  default void onRefunded(Payment payment, Cancellation cancellation, boolean notify) {}
}
