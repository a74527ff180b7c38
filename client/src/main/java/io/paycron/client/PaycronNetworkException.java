package io.paycron.client;

/**
 * No usable answer came back: the connection failed or timed out, or the answer was not a Paycron
 * envelope (a proxy's error page, say).
 *
 * <p>When {@link #outcomeUnknown()} is true the request may have reached Paycron and moved money (a
 * charge, a retry of a schedule, a refund). Do not simply send it again: look the payment up first
 * ({@link PaycronClient#findPayment(String)} by {@code merchant_uid}). Paycron refuses a second
 * charge for a {@code merchant_uid} that is paid or still in progress, so retrying with the same
 * {@code merchant_uid} is safe, but a new {@code merchant_uid} could charge twice.
 */
public final class PaycronNetworkException extends RuntimeException {

  private final boolean outcomeUnknown;

  PaycronNetworkException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Whether the request might have charged or refunded anyway. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
