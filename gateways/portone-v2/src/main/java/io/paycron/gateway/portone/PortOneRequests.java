package io.paycron.gateway.portone;

import io.paycron.gateway.CardData;
import io.paycron.gateway.ChargeRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON bodies of PortOne V2 requests, with the field names of PortOne's OpenAPI schemas ({@code
 * IssueBillingKeyBody}, {@code BillingKeyPaymentInput}, {@code CancelPaymentBody}).
 */
final class PortOneRequests {

  /** PortOne requires an order name; i'mport's {@code name} is optional. */
  static final String DEFAULT_ORDER_NAME = "Paycron 결제";

  /** PortOne requires a cancel reason; i'mport's {@code reason} is optional. */
  static final String DEFAULT_CANCEL_REASON = "Paycron 취소";

  private final String storeId;
  private final String channelKey;

  PortOneRequests(String storeId, String channelKey) {
    this.storeId = storeId;
    this.channelKey = channelKey;
  }

  /**
   * {@code POST /billing-keys}: a billing key from card data (PortOne's {@code CardCredential}).
   * The body holds the card number, birth date and password: it is sent and never kept.
   *
   * @param expiry the card's {@code YYYY-MM}, already checked
   */
  ObjectNode issueBillingKey(String customerKey, CardData card, String expiry) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("storeId", storeId);
    body.put("channelKey", channelKey);
    body.putObject("customer").put("id", customerKey);
    ObjectNode credential = body.putObject("method").putObject("card").putObject("credential");
    credential.put("number", card.number());
    credential.put("expiryYear", expiry.substring(2, 4));
    credential.put("expiryMonth", expiry.substring(5, 7));
    if (card.birth() != null && !card.birth().isBlank()) {
      credential.put("birthOrBusinessRegistrationNumber", card.birth());
    }
    if (card.passwordTwoDigits() != null && !card.passwordTwoDigits().isBlank()) {
      credential.put("passwordTwoDigits", card.passwordTwoDigits());
    }
    return body;
  }

  /** {@code POST /payments/{paymentId}/billing-key}. */
  ObjectNode payWithBillingKey(ChargeRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("storeId", storeId);
    body.put("billingKey", request.billingKeyToken());
    body.put("channelKey", channelKey);
    body.put("orderName", orDefault(request.orderName(), DEFAULT_ORDER_NAME));
    // amounts are integers in the currency's unit; only currencies without minor units get here
    body.putObject("amount").put("total", request.amount().minorUnits());
    body.put("currency", request.amount().currency().getCurrencyCode());
    if (request.quota() >= 2) {
      body.put("installmentMonth", request.quota());
    }
    return body;
  }

  /**
   * {@code POST /payments/{paymentId}/cancel}.
   *
   * @param tag the mark that lets a repeated cancel recognise this one (see {@link PortOneIds})
   */
  ObjectNode cancel(long amount, String reason, String tag) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("storeId", storeId);
    body.put("amount", amount);
    body.put("reason", orDefault(reason, DEFAULT_CANCEL_REASON) + " " + tag);
    return body;
  }

  /** {@code ?storeId=…} for the GET and DELETE calls. */
  String storeQuery() {
    return "?storeId=" + PortOneIds.pathSegment(storeId);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
