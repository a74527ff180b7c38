package io.paycron.payment;

import io.paycron.gateway.Money;
import java.math.BigDecimal;
import java.util.List;

/** The V1 Payment object (API.md §7.1): every key present, times in UNIX seconds, 0 if unset. */
public record PaymentResponse(
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
    long vbankDate,
    long vbankIssuedAt,
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
    String status,
    long startedAt,
    long paidAt,
    long failedAt,
    long cancelledAt,
    String failReason,
    String cancelReason,
    String receiptUrl,
    List<CancelHistoryEntry> cancelHistory,
    List<String> cancelReceiptUrls,
    boolean cashReceiptIssued,
    String customerUid,
    String customerUidUsage,
    Object promotion) {

  public record CancelHistoryEntry(
      String pgTid,
      BigDecimal amount,
      long cancelledAt,
      String reason,
      String receiptUrl,
      String cancellationId) {}

  static PaymentResponse of(PaymentView view) {
    Payment p = view.payment();
    List<CancelHistoryEntry> history =
        view.cancellations().stream()
            .filter(c -> c.state() == CancellationState.DONE)
            .map(
                c ->
                    new CancelHistoryEntry(
                        c.pgTid(),
                        Money.of(c.amount(), p.amount().currency()).toMajor(),
                        seconds(c.cancelledAt()),
                        c.reason(),
                        "",
                        c.cancellationId()))
            .toList();
    return new PaymentResponse(
        p.impUid(),
        p.merchantUid(),
        "card",
        "api",
        p.pgProvider(),
        p.pgProvider(),
        p.pgTid(),
        p.pgId(),
        false,
        p.sandbox(),
        p.applyNum(),
        null,
        null,
        p.card().cardCode(),
        p.card().cardName(),
        p.card().issuerCode(),
        p.card().issuerName(),
        p.card().publisherCode(),
        p.card().publisherName(),
        p.cardQuota(),
        p.card().maskedNumber(),
        p.card().cardType(),
        null,
        null,
        null,
        null,
        0,
        0,
        p.name(),
        p.amount().toMajor(),
        Money.of(p.cancelAmount(), p.amount().currency()).toMajor(),
        p.amount().currency().getCurrencyCode(),
        p.buyer().name(),
        p.buyer().email(),
        p.buyer().tel(),
        p.buyer().addr(),
        p.buyer().postcode(),
        p.customData(),
        null,
        p.status().wire(),
        seconds(p.startedAt()),
        seconds(p.paidAt()),
        seconds(p.failedAt()),
        seconds(p.cancelledAt()),
        p.failReason(),
        p.cancelReason(),
        p.status() == PaymentStatus.PAID || p.status() == PaymentStatus.CANCELLED ? "" : null,
        history,
        history.stream().map(CancelHistoryEntry::receiptUrl).toList(),
        false,
        p.customerUid(),
        p.customerUidUsage(),
        null);
  }

  private static long seconds(long millis) {
    return millis / 1000;
  }
}
