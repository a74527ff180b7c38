package io.paycron.client;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The body of {@code POST /payments/cancel}. Without an amount the whole remaining balance is
 * refunded; with one, only that part.
 *
 * @param impUid wins over {@code merchantUid} when both are set
 * @param checksum the refundable balance as the caller last saw it ({@link Payment#refundable()});
 *     the server refuses the cancel when it differs
 * @param enableWebhook whether a {@code cancelled} webhook is sent
 */
public record CancelRequest(
    String impUid,
    String merchantUid,
    BigDecimal amount,
    BigDecimal taxFree,
    BigDecimal vatAmount,
    BigDecimal checksum,
    String reason,
    Boolean enableWebhook,
    Map<String, Object> extra) {

  public CancelRequest {
    if (impUid == null && merchantUid == null) {
      throw new IllegalArgumentException("impUid or merchantUid is required");
    }
    extra = extra == null ? null : Map.copyOf(extra);
  }

  public static CancelRequest ofImpUid(String impUid) {
    return new CancelRequest(impUid, null, null, null, null, null, null, null, null);
  }

  public static CancelRequest ofMerchantUid(String merchantUid) {
    return new CancelRequest(null, merchantUid, null, null, null, null, null, null, null);
  }

  /** Refund only this much; the payment stays {@code paid} while a balance is left. */
  public CancelRequest withAmount(BigDecimal value) {
    return new CancelRequest(
        impUid, merchantUid, value, taxFree, vatAmount, checksum, reason, enableWebhook, extra);
  }

  public CancelRequest withChecksum(BigDecimal value) {
    return new CancelRequest(
        impUid, merchantUid, amount, taxFree, vatAmount, value, reason, enableWebhook, extra);
  }

  public CancelRequest withReason(String value) {
    return new CancelRequest(
        impUid, merchantUid, amount, taxFree, vatAmount, checksum, value, enableWebhook, extra);
  }

  public CancelRequest withTaxFree(BigDecimal value) {
    return new CancelRequest(
        impUid, merchantUid, amount, value, vatAmount, checksum, reason, enableWebhook, extra);
  }

  public CancelRequest withVatAmount(BigDecimal value) {
    return new CancelRequest(
        impUid, merchantUid, amount, taxFree, value, checksum, reason, enableWebhook, extra);
  }

  public CancelRequest withWebhook(boolean value) {
    return new CancelRequest(
        impUid, merchantUid, amount, taxFree, vatAmount, checksum, reason, value, extra);
  }

  public CancelRequest withExtra(Map<String, Object> value) {
    return new CancelRequest(
        impUid, merchantUid, amount, taxFree, vatAmount, checksum, reason, enableWebhook, value);
  }
}
