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
 * A stateful stand-in for api.portone.io over real HTTP, speaking the shapes of PortOne's V2
 * schemas: it issues billing keys, charges each paymentId once, looks payments up, and refunds.
 * {@link #answerNextChargeLate} makes it charge and then answer after the client gave up, as a
 * provider does when the connection times out after the card was charged.
 */
final class FakePortOne extends ProviderStub {

  private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> chargeRequests = new ConcurrentHashMap<>();
  private final AtomicInteger keys = new AtomicInteger();

  FakePortOne(long lateMillis) throws IOException {
    super(lateMillis);
  }

  int chargeRequestsFor(String paymentId) {
    return chargeRequests.getOrDefault(paymentId, new AtomicInteger()).get();
  }

  List<String> paymentIds() {
    return List.copyOf(payments.keySet());
  }

  @Override
  void handle(HttpExchange exchange, String method, String path, JsonNode body) throws IOException {
    String[] parts = path.split("/");
    if (method.equals("POST") && path.equals("/billing-keys")) {
      String key = "billing-key-" + keys.incrementAndGet();
      String number = body.path("method").path("card").path("credential").path("number").asString();
      billingKeyCards.put(
          key, number.substring(0, 8) + "****" + number.substring(number.length() - 4));
      reply(exchange, 200, object().set("billingKeyInfo", object().put("billingKey", key)));
    } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("billing-keys")) {
      ObjectNode info = object().put("status", "ISSUED").put("billingKey", parts[2]);
      ObjectNode card =
          info.putArray("methods")
              .addObject()
              .put("type", "BillingKeyPaymentMethodCard")
              .putObject("card");
      card.put("type", "CREDIT")
          .put("name", "테스트카드")
          .put("number", billingKeyCards.getOrDefault(parts[2], ""));
      reply(exchange, 200, info);
    } else if (method.equals("DELETE") && parts.length == 3 && parts[1].equals("billing-keys")) {
      reply(exchange, 200, object().put("deletedAt", "2026-12-03T00:00:00Z"));
    } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("billing-key")) {
      charge(exchange, parts[2], body);
    } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("payments")) {
      ObjectNode payment = payments.get(parts[2]);
      if (payment == null) {
        reply(exchange, 404, error("PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다."));
      } else {
        reply(exchange, 200, payment);
      }
    } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("cancel")) {
      cancel(exchange, parts[2], body);
    } else {
      reply(exchange, 404, error("NOT_FOUND", "no such route " + method + " " + path));
    }
  }

  private final Map<String, String> billingKeyCards = new ConcurrentHashMap<>();

  private void charge(HttpExchange exchange, String paymentId, JsonNode body) throws IOException {
    chargeRequests.computeIfAbsent(paymentId, id -> new AtomicInteger()).incrementAndGet();
    if (payments.containsKey(paymentId)) {
      reply(exchange, 409, error("ALREADY_PAID", "이미 결제가 완료되었습니다."));
      return;
    }
    long total = body.path("amount").path("total").asLong();
    ObjectNode payment = object().put("status", "PAID").put("id", paymentId);
    payment
        .putObject("method")
        .put("type", "PaymentMethodCard")
        .put("approvalNumber", "3001" + paymentId.length());
    payment.putObject("amount").put("total", total).put("paid", total).put("cancelled", 0);
    payment.put("currency", body.path("currency").asString()).put("pgTxId", "T-" + paymentId);
    payment.putArray("cancellations");
    payments.put(paymentId, payment);
    maybeAnswerLate(); // charged; the answer may come after the client stopped waiting
    reply(
        exchange,
        200,
        object()
            .set(
                "payment",
                object().put("pgTxId", "T-" + paymentId).put("paidAt", "2026-12-03T00:00:00Z")));
  }

  private void cancel(HttpExchange exchange, String paymentId, JsonNode body) throws IOException {
    ObjectNode payment = payments.get(paymentId);
    if (payment == null) {
      reply(exchange, 404, error("PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다."));
      return;
    }
    long amount = body.path("amount").asLong();
    ObjectNode amounts = (ObjectNode) payment.path("amount");
    long cancelled = amounts.path("cancelled").asLong() + amount;
    amounts.put("cancelled", cancelled);
    payment.put(
        "status", cancelled >= amounts.path("total").asLong() ? "CANCELLED" : "PARTIAL_CANCELLED");
    ArrayNode cancellations = (ArrayNode) payment.path("cancellations");
    ObjectNode cancellation =
        cancellations
            .addObject()
            .put("status", "SUCCEEDED")
            .put("id", "cancel-" + cancellations.size())
            .put("totalAmount", amount)
            .put("reason", body.path("reason").asString());
    reply(exchange, 200, object().set("cancellation", cancellation.deepCopy()));
  }

  private static ObjectNode error(String type, String message) {
    return object().put("type", type).put("message", message);
  }
}
