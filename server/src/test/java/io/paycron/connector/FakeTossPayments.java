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
 * A stateful stand-in for api.tosspayments.com over real HTTP, in the shapes of Toss's Billing and
 * Payment objects: billing keys from card data, one charge per orderId (a repeat is {@code
 * DUPLICATED_ORDER_ID}), lookup by orderId, refunds. {@link #answerNextChargeLate} charges and then
 * answers after the client gave up.
 */
final class FakeTossPayments implements AutoCloseable {

  record Seen(String method, String path, Map<String, String> headers, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> byOrderId = new ConcurrentHashMap<>();
  private final Map<String, String> orderByPaymentKey = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> chargeRequests = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private final AtomicBoolean lateAnswer = new AtomicBoolean();
  private final long lateMillis;

  FakeTossPayments(long lateMillis) throws IOException {
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

  int chargeRequestsFor(String orderId) {
    return chargeRequests.getOrDefault(orderId, new AtomicInteger()).get();
  }

  List<String> orderIds() {
    return List.copyOf(byOrderId.keySet());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    seen.add(new Seen(method, path, headers, body));
    String[] parts = path.split("/");
    if (method.equals("POST") && path.equals("/v1/billing/authorizations/card")) {
      String number = body.path("cardNumber").asString();
      ObjectNode billing =
          JSON.createObjectNode()
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
        JSON.createObjectNode()
            .put("paymentKey", paymentKey)
            .put("orderId", orderId)
            .put("status", "DONE")
            .put("totalAmount", amount)
            .put("balanceAmount", amount);
    payment.putObject("card").put("approveNo", "0000" + counter.get());
    payment.putArray("cancels");
    byOrderId.put(orderId, payment);
    orderByPaymentKey.put(paymentKey, orderId);
    if (lateAnswer.compareAndSet(true, false)) {
      sleep(lateMillis); // charged; the answer comes after the client stopped waiting
    }
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
    return JSON.createObjectNode().put("code", code).put("message", message);
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      // the client gave up waiting (the late answer)
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
