package io.paycron.payment;

import io.paycron.gateway.DeclineClass;
import java.util.List;

/**
 * Told, inside the transaction that changed them, when payments' attempts are recorded or a refund
 * is booked; so schedules and the outbox change in the same commit as the payments.
 */
public interface PaymentListener {

  /**
   * A payment and the state its attempt just moved to (also {@link AttemptState#UNKNOWN}); a
   * declined one carries the gateway's code and class (null otherwise).
   */
  record RecordedAttempt(
      Payment payment, AttemptState state, String declineCode, DeclineClass declineClass) {

    public RecordedAttempt(Payment payment, AttemptState state) {
      this(payment, state, null, null);
    }
  }

  /** Attempts were recorded, a batch at a time. */
  void onAttemptsRecorded(List<RecordedAttempt> recorded);

  /** A refund was booked; {@code payment} is the updated payment. */
  default void onRefunded(Payment payment, Cancellation cancellation, boolean notify) {}
}
