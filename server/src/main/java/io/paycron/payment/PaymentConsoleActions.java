package io.paycron.payment;

import io.paycron.merchant.MerchantDirectory;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the operator console may do to payments: refund them exactly as the merchant's own cancel
 * call does (same reservation, gateway call, events), for the merchant the payment belongs to.
 */
@Service
public class PaymentConsoleActions {

  private final CancelService cancels;
  private final MerchantDirectory merchants;

  PaymentConsoleActions(CancelService cancels, MerchantDirectory merchants) {
    this.cancels = cancels;
    this.merchants = merchants;
  }

  /**
   * Refunds {@code amount} minor units of the payment, or its whole balance when empty.
   *
   * @param notifyMerchant whether the refund's webhook goes to the merchant
   * @throws io.paycron.web.ApiException when the gateway or the balance refuses it
   */
  public void cancel(
      String merchantId,
      String impUid,
      Optional<Long> amount,
      String reason,
      boolean notifyMerchant) {
    cancels.cancel(
        merchants.get(merchantId),
        new CancelService.CancelCommand(
            impUid,
            null,
            amount.map(BigDecimal::valueOf),
            Optional.empty(),
            reason,
            notifyMerchant));
  }
}
