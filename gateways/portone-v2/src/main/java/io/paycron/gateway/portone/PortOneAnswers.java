package io.paycron.gateway.portone;

import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CardInfo;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.DeclineClass;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads PortOne's answers into the SPI's outcomes. Field and error names are those of PortOne's
 * OpenAPI document ({@code Payment}, {@code PaymentCancellation}, {@code BillingKeyInfo}, the
 * {@code *Error} schemas).
 */
final class PortOneAnswers {

  /** Errors of a charge request that a new request cannot fix: the card or key is unusable. */
  private static final Set<String> HARD_REQUEST_ERRORS =
      Set.of("INVALID_REQUEST", "BILLING_KEY_NOT_FOUND", "BILLING_KEY_ALREADY_DELETED");

  private static final String PG_PROVIDER = "PG_PROVIDER";

  private PortOneAnswers() {}

  /**
   * A charge PortOne refused: a PG decline keeps the PG's own code and message; a PortOne error
   * keeps PortOne's type. Only called for answers PortOne produced (a PG error or a typed 4xx), so
   * nothing was charged.
   */
  static ChargeOutcome.Declined declined(PortOneAnswer answer) {
    if (answer.isError(PG_PROVIDER)) {
      String code = Json.firstNonBlank(Json.text(answer.body(), "pgCode"), PG_PROVIDER);
      String message =
          Json.firstNonBlank(Json.text(answer.body(), "pgMessage"), answer.errorMessage(), "");
      return new ChargeOutcome.Declined(code, message, DeclineClassifier.classify(code, message));
    }
    String type = answer.errorType();
    // unauthorized, forbidden, unknown channel: Paycron's configuration, not the card; a retry
    // after the operator fixes it can pass
    DeclineClass declineClass =
        HARD_REQUEST_ERRORS.contains(type) ? DeclineClass.HARD : DeclineClass.SOFT;
    return new ChargeOutcome.Declined(
        type, Json.firstNonBlank(answer.errorMessage(), type), declineClass);
  }

  /** Whether PortOne itself answered with a definite error (so nothing was charged). */
  static boolean isDefiniteRefusal(PortOneAnswer answer) {
    return answer.isClientError() || answer.isError(PG_PROVIDER);
  }

  /** {@code GET /payments/{paymentId}} read as the gateway's truth about a charge. */
  static ChargeLookup lookup(PortOneAnswer answer, String paymentId) {
    if (answer.status() == 404 && answer.isError("PAYMENT_NOT_FOUND")) {
      return new ChargeLookup.NotFound();
    }
    if (!answer.isSuccess() || answer.body() == null) {
      return new ChargeLookup.Unavailable("PortOne answered " + answer.describe());
    }
    JsonNode payment = answer.body();
    String id = Json.text(payment, "id");
    if (id != null && !id.equals(paymentId)) {
      return new ChargeLookup.Unavailable("PortOne answered with another payment");
    }
    String status = Json.firstNonBlank(Json.text(payment, "status"), "");
    return switch (status) {
      // a cancelled payment was charged first; refunds are Paycron's own records
      case "PAID", "PARTIAL_CANCELLED", "CANCELLED" ->
          new ChargeLookup.Settled(
              new ChargeOutcome.Approved(
                  paymentId, Json.text(payment.path("method"), "approvalNumber")));
      case "FAILED" -> new ChargeLookup.Settled(failed(payment.path("failure")));
      // READY, PAY_PENDING, VIRTUAL_ACCOUNT_ISSUED: not final yet, ask again later
      default ->
          new ChargeLookup.Unavailable(
              "payment is " + (status.isEmpty() ? "without a status" : status) + " at PortOne");
    };
  }

  private static ChargeOutcome.Declined failed(JsonNode failure) {
    String code = Json.firstNonBlank(Json.text(failure, "pgCode"), "PAYMENT_FAILED");
    String message =
        Json.firstNonBlank(Json.text(failure, "pgMessage"), Json.text(failure, "reason"), "");
    return new ChargeOutcome.Declined(code, message, DeclineClassifier.classify(code, message));
  }

  /** A refused billing key request, with the PG's code when a PG refused the card. */
  static BillingKeyResult.Refused billingKeyRefusal(PortOneAnswer answer) {
    // with one channel asked, a CHANNEL_SPECIFIC error's only failure is the refusal
    JsonNode body =
        answer.isError("CHANNEL_SPECIFIC") ? answer.path("failures").path(0) : answer.body();
    String pgCode = Json.text(body, "pgCode");
    if (pgCode != null) {
      return new BillingKeyResult.Refused(
          pgCode, Json.firstNonBlank(Json.text(body, "pgMessage"), Json.text(body, "message"), ""));
    }
    String type = answer.errorType();
    if (type == null) {
      return new BillingKeyResult.Refused(
          "gateway_error", "PortOne answered " + answer.describe() + "; try again later");
    }
    return new BillingKeyResult.Refused(type, Json.firstNonBlank(answer.errorMessage(), type));
  }

  /**
   * The card behind a billing key, from {@code GET /billing-keys/{billingKey}}: its {@code
   * BillingKeyPaymentMethodCard} method's {@code Card}.
   */
  static CardInfo cardInfo(PortOneAnswer answer, String fallbackMaskedNumber) {
    JsonNode card = null;
    if (answer.isSuccess() && answer.body() != null) {
      for (JsonNode method : answer.path("methods").values()) {
        if ("BillingKeyPaymentMethodCard".equals(Json.text(method, "type"))) {
          card = method.path("card");
          break;
        }
      }
    }
    if (card == null || !card.isObject()) {
      return withoutDetails(fallbackMaskedNumber);
    }
    String issuer = Json.text(card, "issuer");
    String publisher = Json.text(card, "publisher");
    return new CardInfo(
        Json.firstNonBlank(Json.text(card, "number"), fallbackMaskedNumber),
        Json.firstNonBlank(publisher, issuer),
        Json.text(card, "name"),
        cardType(Json.text(card, "type")),
        issuer,
        null,
        publisher,
        null);
  }

  static CardInfo withoutDetails(String maskedNumber) {
    return new CardInfo(maskedNumber, null, null, null, null, null, null, null);
  }

  /** i'mport's card_type: 0 credit, 1 check (debit); gift cards and unknown types have none. */
  private static Integer cardType(String portOneType) {
    if ("CREDIT".equals(portOneType)) {
      return 0;
    }
    if ("DEBIT".equals(portOneType)) {
      return 1;
    }
    return null;
  }

  /** The cancellation on a payment whose reason carries the tag, if any. */
  static Optional<JsonNode> taggedCancellation(JsonNode payment, String tag) {
    for (JsonNode cancellation : payment.path("cancellations").values()) {
      String reason = Json.text(cancellation, "reason");
      if (reason != null && reason.contains(tag)) {
        return Optional.of(cancellation);
      }
    }
    return Optional.empty();
  }

  /** A {@code PaymentCancellation} as a refund outcome. */
  static CancelOutcome cancellation(JsonNode cancellation) {
    String status = Json.firstNonBlank(Json.text(cancellation, "status"), "");
    String id = Json.text(cancellation, "id");
    return switch (status) {
      case "SUCCEEDED" ->
          id == null
              ? new CancelOutcome.Unknown("PortOne's cancellation has no id")
              : new CancelOutcome.Cancelled(id);
      case "FAILED" ->
          new CancelOutcome.Refused("CANCELLATION_FAILED", "PortOne recorded the cancel as failed");
      // REQUESTED: the PG has not confirmed it yet
      default ->
          new CancelOutcome.Unknown(
              "cancellation is "
                  + (status.isEmpty() ? "without a status" : status)
                  + " at PortOne");
    };
  }

  /** A cancel PortOne or the PG refused. */
  static CancelOutcome.Refused cancelRefusal(PortOneAnswer answer) {
    if (answer.isError(PG_PROVIDER)) {
      return new CancelOutcome.Refused(
          Json.firstNonBlank(Json.text(answer.body(), "pgCode"), PG_PROVIDER),
          Json.firstNonBlank(Json.text(answer.body(), "pgMessage"), answer.errorMessage(), ""));
    }
    String type = answer.errorType();
    return new CancelOutcome.Refused(type, Json.firstNonBlank(answer.errorMessage(), type));
  }
}
