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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's API over real HTTP on loopback, for end-to-end tests: records every request, and can
 * answer the next charge only after the client gave up (the card charged, the answer lost), as a
 * provider whose connection times out does. Subclasses keep the provider's state and shapes.
 */
abstract class ProviderStub implements AutoCloseable {

  /** One request as the stub saw it; header names lower-case. */
  record Seen(String method, String path, Map<String, String> headers, JsonNode body) {
    String authorization() {
      return headers.get("authorization");
    }
  }

  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicBoolean lateAnswer = new AtomicBoolean();
  private final long lateMillis;

  ProviderStub(long lateMillis) throws IOException {
    this.lateMillis = lateMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::receive);
    server.start();
  }

  /** Answers one request (the body parsed, or null when empty). */
  abstract void handle(HttpExchange exchange, String method, String path, JsonNode body)
      throws IOException;

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Seen> seen() {
    return seen;
  }

  void answerNextChargeLate() {
    lateAnswer.set(true);
  }

  /** Called by a charge after it is recorded: waits past the client's timeout when asked to. */
  void maybeAnswerLate() {
    if (lateAnswer.compareAndSet(true, false)) {
      try {
        Thread.sleep(lateMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    seen.add(new Seen(method, path, headers, body));
    handle(exchange, method, path, body);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
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

  @Override
  public void close() {
    server.stop(0);
  }
}
