package io.paycron.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The V1 Payment object (API.md §7.1). Amounts are in the currency's major unit; times that did not
 * happen are {@code null}. A declined charge is a Payment with {@link PaymentStatus#FAILED} and a
 * {@link #failReason()}, not an exception.
 *
 * @param cardType {@code 0} credit, {@code 1} check (debit), or {@code null} when unknown
 * @param customerUidUsage {@code null}, {@code issue}, {@code payment} or {@code payment.scheduled}
 * @param promotion i'mport's promotion object as plain maps and lists; {@code null} in Paycron
 */
public record Payment(
    String impUid,
    String merchantUid,
    String payMethod,
    String channel,
    String pgProvider,
    String embPgProvider,
    String pgTid,
    String pgId,
    boolean escrow,
    boolean sandbox,
    String applyNum,
    String bankCode,
    String bankName,
    String cardCode,
    String cardName,
    String cardIssuerCode,
    String cardIssuerName,
    String cardPublisherCode,
    String cardPublisherName,
    int cardQuota,
    String cardNumber,
    Integer cardType,
    String vbankCode,
    String vbankName,
    String vbankNum,
    String vbankHolder,
    Instant vbankDate,
    Instant vbankIssuedAt,
    String name,
    BigDecimal amount,
    BigDecimal cancelAmount,
    String currency,
    String buyerName,
    String buyerEmail,
    String buyerTel,
    String buyerAddr,
    String buyerPostcode,
    String customData,
    String userAgent,
    PaymentStatus status,
    Instant startedAt,
    Instant paidAt,
    Instant failedAt,
    Instant cancelledAt,
    String failReason,
    String cancelReason,
    String receiptUrl,
    List<CancelHistory> cancelHistory,
    List<String> cancelReceiptUrls,
    boolean cashReceiptIssued,
    String customerUid,
    String customerUidUsage,
    Object promotion) {

  public Payment {
    cancelHistory = cancelHistory == null ? List.of() : List.copyOf(cancelHistory);
    cancelReceiptUrls = cancelReceiptUrls == null ? List.of() : List.copyOf(cancelReceiptUrls);
  }

  /**
   * What can still be refunded: {@code amount - cancel_amount}. Pass it as {@link
   * CancelRequest#withChecksum(BigDecimal) checksum} so a cancel based on a stale view is refused.
   */
  public BigDecimal refundable() {
    BigDecimal cancelled = cancelAmount == null ? BigDecimal.ZERO : cancelAmount;
    return amount == null ? BigDecimal.ZERO : amount.subtract(cancelled);
  }
}
