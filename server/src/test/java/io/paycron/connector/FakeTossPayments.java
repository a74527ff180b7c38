package io.paycron.connector;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful stand-in for api.tosspayments.com over real HTTP, in the shapes of Toss's Billing and
 * Payment objects: billing keys from card data, one charge per orderId (a repeat is {@code
 * DUPLICATED_ORDER_ID}), lookup by orderId, refunds. {@link #answerNextChargeLate} charges and then
 * answers after the client gave up.
 */
final class FakeTossPayments extends ProviderStub {

  private final Map<String, ObjectNode> byOrderId = new ConcurrentHashMap<>();
  private final Map<String, String> orderByPaymentKey = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> chargeRequests = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();

  FakeTossPayments(long lateMillis) throws IOException {
    super(lateMillis);
  }

  int chargeRequestsFor(String orderId) {
    return chargeRequests.getOrDefault(orderId, new AtomicInteger()).get();
  }

  List<String> orderIds() {
    return List.copyOf(byOrderId.keySet());
  }

  @Override
  void handle(HttpExchange exchange, String method, String path, JsonNode body) throws IOException {
    String[] parts = path.split("/");
    if (method.equals("POST") && path.equals("/v1/billing/authorizations/card")) {
      String number = body.path("cardNumber").asString();
      ObjectNode billing =
          object()
              .put("mId", "tosspayments")
              .put("customerKey", body.path("customerKey").asString())
              .put("billingKey", "bk_" + counter.incrementAndGet())
              .put("cardCompany", "신한");
      billing
          .putObject("card")
          .put("issuerCode", "4V")
          .put("acquirerCode", "41")
          .put("number", number.substring(0, 8) + "****" + number.substring(12, 15) + "*")
          .put("cardType", "신용");
      reply(exchange, 200, billing);
    } else if (method.equals("POST") && parts.length == 4 && parts[2].equals("billing")) {
      charge(exchange, body);
    } else if (method.equals("GET") && path.startsWith("/v1/payments/orders/")) {
      ObjectNode payment = byOrderId.get(parts[4]);
      if (payment == null) {
        reply(exchange, 404, error("NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다."));
      } else {
        reply(exchange, 200, payment);
      }
    } else if (method.equals("POST") && parts.length == 5 && parts[4].equals("cancel")) {
      cancel(exchange, parts[3], body);
    } else {
      reply(exchange, 404, error("NOT_FOUND", "no such route " + method + " " + path));
    }
  }

  private void charge(HttpExchange exchange, JsonNode body) throws IOException {
    String orderId = body.path("orderId").asString();
    chargeRequests.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
    if (byOrderId.containsKey(orderId)) {
      reply(exchange, 400, error("DUPLICATED_ORDER_ID", "이미 승인 및 취소가 진행된 중복된 주문번호 입니다."));
      return;
    }
    long amount = body.path("amount").asLong();
    String paymentKey = "tpk_" + counter.incrementAndGet();
    ObjectNode payment =
        object()
            .put("paymentKey", paymentKey)
            .put("orderId", orderId)
            .put("status", "DONE")
            .put("totalAmount", amount)
            .put("balanceAmount", amount);
    payment.putObject("card").put("approveNo", "0000" + counter.get());
    payment.putArray("cancels");
    byOrderId.put(orderId, payment);
    orderByPaymentKey.put(paymentKey, orderId);
    maybeAnswerLate(); // charged; the answer may come after the client stopped waiting
    reply(exchange, 200, payment);
  }

  private void cancel(HttpExchange exchange, String paymentKey, JsonNode body) throws IOException {
    ObjectNode payment = byOrderId.get(orderByPaymentKey.getOrDefault(paymentKey, ""));
    if (payment == null) {
      reply(exchange, 404, error("NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다."));
      return;
    }
    long amount = body.path("cancelAmount").asLong();
    long balance = payment.path("balanceAmount").asLong() - amount;
    payment
        .put("balanceAmount", balance)
        .put("status", balance == 0 ? "CANCELED" : "PARTIAL_CANCELED");
    String transactionKey = "ctk_" + counter.incrementAndGet();
    ArrayNode cancels = (ArrayNode) payment.path("cancels");
    cancels
        .addObject()
        .put("cancelAmount", amount)
        .put("transactionKey", transactionKey)
        .put("cancelReason", body.path("cancelReason").asString());
    payment.put("lastTransactionKey", transactionKey);
    reply(exchange, 200, payment);
  }

  private static ObjectNode error(String code, String message) {
    return object().put("code", code).put("message", message);
  }
}
