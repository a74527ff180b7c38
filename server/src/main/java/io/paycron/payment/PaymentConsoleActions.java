package io.paycron.payment;

import io.paycron.merchant.MerchantDirectory;
import io.paycron.web.ApiException;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the operator console may do to payments: refund them exactly as the merchant's own cancel
 * call does (same reservation, checksum, gateway call, events), for the merchant the payment
 * belongs to. Amounts are decimals in the currency's major unit, as on the API.
 */
@Service
public class PaymentConsoleActions {

  /** How a refund attempt ended: done, refused (nothing refunded), or not known yet. */
  public enum Outcome {
    DONE,
    REFUSED,
    UNKNOWN
  }

  /** The attempt's outcome; the message says why when it is not done. */
  public record RefundResult(Outcome outcome, String message) {}

  private final CancelService cancels;
  private final MerchantDirectory merchants;

  PaymentConsoleActions(CancelService cancels, MerchantDirectory merchants) {
    this.cancels = cancels;
    this.merchants = merchants;
  }

  /**
   * Refunds {@code amount} (major units) of the payment, or its whole balance when empty, provided
   * its refundable balance is still {@code checksum} (major units): the balance the operator
   * confirmed, so the same confirmation posted twice refunds once.
   *
   * @param notifyMerchant whether the refund's webhook goes to the merchant
   */
  public RefundResult cancel(
      String merchantId,
      String impUid,
      Optional<BigDecimal> amount,
      BigDecimal checksum,
      String reason,
      boolean notifyMerchant) {
    try {
      cancels.cancel(
          merchants.get(merchantId),
          new CancelService.CancelCommand(
              impUid, null, amount, Optional.of(checksum), reason, notifyMerchant));
      return new RefundResult(Outcome.DONE, null);
    } catch (ApiException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.equals(CancelService.OUTCOME_UNKNOWN)) {
        return new RefundResult(
            Outcome.UNKNOWN,
            "the gateway's answer is not known yet; the refund may still happen, so do not send it"
                + " again: the reconciler settles it and this page shows the outcome");
      }
      if (message.startsWith(CancelService.CHECKSUM_MISMATCH)) {
        return new RefundResult(
            Outcome.REFUSED,
            "the balance changed since the confirmation (was it already refunded?); look at the"
                + " payment again");
      }
      return new RefundResult(Outcome.REFUSED, message);
    }
  }
}
