package io.paycron.gateway.tosspayments;

import io.paycron.gateway.CardInfo;
import io.paycron.gateway.ChargeOutcome;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Toss's Payment and Billing objects (docs.tosspayments.com/reference, "Payment 객체" and
 * "Billing 객체") into Paycron's terms. Unknown fields are ignored: Toss adds fields without notice.
 */
final class TossObjects {

  private TossObjects() {}

  /**
   * What a Payment object says about a charge. DONE is approved; CANCELED and PARTIAL_CANCELED were
   * approved and refunded later (the charge itself happened); ABORTED and EXPIRED ended without
   * money moving, with the reason in {@code failure}. Any other status (READY, IN_PROGRESS, …) or a
   * Payment for another order is not an outcome yet.
   */
  static ChargeOutcome chargeOutcome(JsonNode payment, String expectedOrderId) {
    String orderId = text(payment, "orderId");
    if (!expectedOrderId.equals(orderId)) {
      return new ChargeOutcome.Unknown("Toss answered for another orderId");
    }
    String status = text(payment, "status");
    if (status == null) {
      return new ChargeOutcome.Unknown("Toss Payment without a status");
    }
    return switch (status) {
      case "DONE", "CANCELED", "PARTIAL_CANCELED" -> approved(payment);
      case "ABORTED", "EXPIRED" -> declined(payment);
      default -> new ChargeOutcome.Unknown("Toss Payment is " + status);
    };
  }

  private static ChargeOutcome approved(JsonNode payment) {
    String paymentKey = text(payment, "paymentKey");
    if (paymentKey == null) {
      return new ChargeOutcome.Unknown("approved Toss Payment without a paymentKey");
    }
    return new ChargeOutcome.Approved(paymentKey, text(payment.path("card"), "approveNo"));
  }

  private static ChargeOutcome declined(JsonNode payment) {
    JsonNode failure = payment.path("failure");
    String code = text(failure, "code");
    if (code == null) {
      // Toss documents a failure object on failed payments; without one only the status is known.
      code = text(payment, "status");
    }
    String message = Optional.ofNullable(text(failure, "message")).orElse("결제가 승인되지 않았습니다.");
    return new ChargeOutcome.Declined(code, message, TossErrorCodes.declineClass(code));
  }

  /**
   * The card of a Billing object.
   *
   * <p>Toss tells the issuer (발급사) and the acquirer (매입사). i'mport's {@code card_code} and {@code
   * card_issuer_code} name the card company the customer knows, which is Toss's issuer; its {@code
   * card_publisher_code} carries Toss's acquirer, the only other code Toss gives.
   *
   * @param fallbackMaskedNumber Paycron's own mask of the card, for an answer without one
   */
  static CardInfo cardInfo(JsonNode billing, String fallbackMaskedNumber) {
    JsonNode card = billing.path("card");
    String masked = firstText(text(card, "number"), text(billing, "cardNumber"));
    String issuerCode = text(card, "issuerCode");
    String acquirerCode = text(card, "acquirerCode");
    String issuerName =
        firstText(
            TossCardCompanies.name(issuerCode),
            text(billing, "cardCompany"),
            text(card, "company"));
    return new CardInfo(
        masked == null ? fallbackMaskedNumber : masked,
        issuerCode,
        issuerName,
        cardType(text(card, "cardType")),
        issuerCode,
        issuerName,
        acquirerCode,
        TossCardCompanies.name(acquirerCode));
  }

  /** 신용 (credit) is 0 and 체크 (check) is 1, as i'mport counts; 기프트 and 미확인 are unknown. */
  static Integer cardType(String tossCardType) {
    if ("신용".equals(tossCardType)) {
      return 0;
    }
    if ("체크".equals(tossCardType)) {
      return 1;
    }
    return null;
  }

  /**
   * The transaction key of the refund a cancel answer reports: the Payment's {@code
   * lastTransactionKey}, which Toss documents as the key of the latest (partial) cancel, else the
   * last entry of {@code cancels}.
   */
  static Optional<String> cancelTransactionKey(JsonNode payment) {
    String last = text(payment, "lastTransactionKey");
    if (last != null) {
      return Optional.of(last);
    }
    JsonNode cancels = payment.path("cancels");
    if (cancels.isArray() && !cancels.isEmpty()) {
      return Optional.ofNullable(text(cancels.path(cancels.size() - 1), "transactionKey"));
    }
    return Optional.empty();
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  private static String firstText(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
