package io.paycron.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Paycron: records every request and serves canned i'mport envelopes. It
 * issues tokens {@code token-1}, {@code token-2}, … for the key pair {@code key}/{@code secret},
 * valid 30 minutes by the shared clock, and answers 401 to a missing or rejected token.
 */
final class StubServer implements AutoCloseable {

  static final String KEY = "key";
  static final String SECRET = "secret";
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
  static final String UNAUTHORIZED = error(-1, "Unauthorized");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int HANG_UP = -1;

  /** One recorded request; header names are case-insensitive. */
  record Recorded(
      String method, String path, String query, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name);
    }

    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private record Canned(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final MutableClock clock;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Canned>> once = new ConcurrentHashMap<>();
  private final Map<String, Canned> always = new ConcurrentHashMap<>();
  private final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private volatile Duration tokenDelay = Duration.ZERO;
  private volatile Duration serverClockOffset = Duration.ZERO;

  StubServer(MutableClock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  PaycronClient client() {
    return PaycronClient.builder().baseUrl(baseUrl()).credentials(KEY, SECRET).clock(clock).build();
  }

  /** Answers every {@code method path} (raw path, no query) with this. */
  void respond(String method, String path, int status, String body) {
    always.put(method + " " + path, new Canned(status, body, Map.of()));
  }

  /** Answers the next {@code method path} with this, before any {@link #respond} answer. */
  void respondOnce(
      String method, String path, int status, String body, Map<String, String> headers) {
    once.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>())
        .add(new Canned(status, body, headers));
  }

  /**
   * Closes the connection of every {@code method path} without answering. (Every one: the JDK
   * client silently repeats an idempotent request once after such a failure.)
   */
  void hangUp(String method, String path) {
    always.put(method + " " + path, new Canned(HANG_UP, "", Map.of()));
  }

  void rejectToken(String token) {
    rejectedTokens.add(token);
  }

  /** Slows getToken down, to make concurrent callers overlap. */
  void delayTokens(Duration delay) {
    tokenDelay = delay;
  }

  /** Makes the server's clock differ from the client's. */
  void offsetServerClock(Duration offset) {
    serverClockOffset = offset;
  }

  int tokensIssued() {
    return tokensIssued.get();
  }

  /** Every request but getToken, in order. */
  List<Recorded> calls() {
    return requests.stream().filter(r -> !r.path().equals("/users/getToken")).toList();
  }

  List<Recorded> tokenRequests() {
    return requests.stream().filter(r -> r.path().equals("/users/getToken")).toList();
  }

  Recorded lastCall() {
    List<Recorded> calls = calls();
    return calls.get(calls.size() - 1);
  }

  static String ok(String responseJson) {
    return "{\"code\":0,\"message\":null,\"response\":" + responseJson + "}";
  }

  static String error(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"response\":null}";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      Recorded request =
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      Canned answer = answer(request);
      if (answer.status() == HANG_UP) {
        return;
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Canned answer(Recorded request) {
    String key = request.method() + " " + request.path();
    Deque<Canned> queued = once.get(key);
    Canned next = queued == null ? null : queued.poll();
    if (next != null) {
      return next;
    }
    if (request.path().equals("/users/getToken")) {
      return issueToken(request);
    }
    String token = request.header("Authorization");
    if (token == null || rejectedTokens.contains(token)) {
      return new Canned(401, UNAUTHORIZED, Map.of());
    }
    Canned canned = always.get(key);
    return canned != null ? canned : new Canned(404, error(1, "no stub for " + key), Map.of());
  }

  private Canned issueToken(Recorded request) {
    JsonNode body = request.json();
    if (!KEY.equals(body.path("imp_key").asString())
        || !SECRET.equals(body.path("imp_secret").asString())) {
      return new Canned(401, UNAUTHORIZED, Map.of());
    }
    try {
      Thread.sleep(tokenDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long now = clock.instant().plus(serverClockOffset).getEpochSecond();
    String token = "token-" + tokensIssued.incrementAndGet();
    return new Canned(
        200,
        ok(
            "{\"access_token\":\"%s\",\"now\":%d,\"expired_at\":%d}"
                .formatted(token, now, now + TOKEN_LIFETIME.toSeconds())),
        Map.of());
  }
}
