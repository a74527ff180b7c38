package io.paycron.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful stand-in for api.portone.io over real HTTP, speaking the shapes of PortOne's V2
 * schemas: it issues billing keys, charges each paymentId once, looks payments up, and refunds.
 * {@link #answerNextChargeLate} makes it charge and then answer after the client gave up, as a
 * provider does when the connection times out after the card was charged.
 */
final class FakePortOne implements AutoCloseable {

  record Seen(String method, String path, String authorization, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> chargeRequests = new ConcurrentHashMap<>();
  private final AtomicInteger keys = new AtomicInteger();
  private final AtomicBoolean lateAnswer = new AtomicBoolean();
  private final long lateMillis;

  FakePortOne(long lateMillis) throws IOException {
    this.lateMillis = lateMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Seen> seen() {
    return seen;
  }

  void answerNextChargeLate() {
    lateAnswer.set(true);
  }

  int chargeRequestsFor(String paymentId) {
    return chargeRequests.getOrDefault(paymentId, new AtomicInteger()).get();
  }

  List<String> paymentIds() {
    return List.copyOf(payments.keySet());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
    seen.add(new Seen(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
    String[] parts = path.split("/");
    if (method.equals("POST") && path.equals("/billing-keys")) {
      String key = "billing-key-" + keys.incrementAndGet();
      String number = body.path("method").path("card").path("credential").path("number").asString();
      billingKeyCards.put(
          key, number.substring(0, 8) + "****" + number.substring(number.length() - 4));
      reply(
          exchange,
          200,
          JSON.createObjectNode()
              .set("billingKeyInfo", JSON.createObjectNode().put("billingKey", key)));
    } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("billing-keys")) {
      ObjectNode info = JSON.createObjectNode().put("status", "ISSUED").put("billingKey", parts[2]);
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
      reply(exchange, 200, JSON.createObjectNode().put("deletedAt", "2026-12-03T00:00:00Z"));
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
    ObjectNode payment = JSON.createObjectNode().put("status", "PAID").put("id", paymentId);
    payment
        .putObject("method")
        .put("type", "PaymentMethodCard")
        .put("approvalNumber", "3001" + paymentId.length());
    payment.putObject("amount").put("total", total).put("paid", total).put("cancelled", 0);
    payment.put("currency", body.path("currency").asString()).put("pgTxId", "T-" + paymentId);
    payment.putArray("cancellations");
    payments.put(paymentId, payment);
    if (lateAnswer.compareAndSet(true, false)) {
      sleep(lateMillis); // charged; the answer comes after the client stopped waiting
    }
    reply(
        exchange,
        200,
        JSON.createObjectNode()
            .set(
                "payment",
                JSON.createObjectNode()
                    .put("pgTxId", "T-" + paymentId)
                    .put("paidAt", "2026-12-03T00:00:00Z")));
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
    reply(exchange, 200, JSON.createObjectNode().set("cancellation", cancellation.deepCopy()));
  }

  private static ObjectNode error(String type, String message) {
    return JSON.createObjectNode().put("type", type).put("message", message);
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      // the client gave up waiting (the late answer): nothing to tell it
    }
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
