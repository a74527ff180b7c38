package io.paycron.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.paycron.merchant.MerchantAccounts;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.web.GarbageRequests.Garbage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server {@link BadInputProperties} throws garbage at: one real server on a fresh SQLite store,
 * seeded with a billing key, a paid payment (replaced whenever a try refunded it) and a cancelled
 * one. {@link #exchange} sends one request and checks the rules every answer must keep (API.md §1,
 * §12): a documented status, the envelope, no stack trace, and no change when refused.
 */
final class BadInputServer {

  // 409: Paycron's extensions answer a change of a canceled subscription or a busy test clock so
  private static final Set<Integer> DOCUMENTED =
      Set.of(200, 207, 400, 401, 404, 405, 409, 413, 415, 429);
  private static final List<String> TABLES =
      List.of(
          "payments",
          "payment_attempts",
          "cancellations",
          "billing_keys",
          "sandbox_charges",
          "sandbox_billing_keys",
          "sandbox_cancellations",
          "schedules",
          "plans",
          "subscriptions",
          "subscription_charges",
          "test_clocks",
          "test_clock_customers",
          "merchant_gateways",
          "webhook_endpoints");
  private static final List<String> STACK_TRACE_MARKS =
      List.of("Exception", "at io.paycron", "at org.springframework");
  private static final List<String> GARBAGE_TOKENS =
      List.of(
          "x",
          "null",
          "undefined",
          "0",
          "Bearer",
          "Bearer Bearer abc",
          "imp_apikey",
          "' OR 1=1 --",
          "a b c",
          "Basic dXNlcjpwYXNz",
          "{\"token\":1}");
  private static final String CUSTOMER_UID = "fuzz_customer";
  static final String ADMIN_TOKEN = "fuzz-admin-token-0123456789abcdef0123456789";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final AtomicInteger GENERATED = new AtomicInteger();
  private static final AtomicInteger SEEDING = new AtomicInteger();
  private static final AtomicLong UNIQUE = new AtomicLong();

  private static TestServer server;
  private static ApiClient api;
  private static String expiredToken;
  private static String paidImpUid;
  private static String paidMerchantUid;
  private static String cancelledImpUid;
  private static String subscriptionId;
  private static String testClockId;
  private static String adminTargetId;
  private static final String PLAN_ID = "fuzz_plan";
  private static long startedAt;
  private static Connection watcher;
  private static Map<String, List<String>> lastSnapshot;
  private static long lastSnapshotVersion;

  record Answer(int status, int code, String message, JsonNode response, String context) {}

  private BadInputServer() {}

  static void start() throws Exception {
    startedAt = System.nanoTime();
    // getToken garbage would use up the login attempts in seconds and only test the 429
    server =
        TestServer.start(
            TestDatabase.SQLITE,
            Map.of(
                "paycron.login-limit.per-key",
                100_000,
                "paycron.login-limit.per-address",
                100_000,
                "paycron.admin-token",
                ADMIN_TOKEN));
    // admin garbage adds and revokes keys of this merchant, never of the sandbox one in use
    watcher = DriverManager.getConnection("jdbc:sqlite:" + server.store().sqliteFile());
    adminTargetId = server.bean(MerchantAccounts.class).create("fuzz target", true).merchantId();
    api = server.sandboxClient();
    expiredToken = insertExpiredToken();
    ensureSeeds();
    cancelledImpUid = charge();
    long version = dataVersion();
    seeded(api.postJson("/payments/cancel", Map.of("imp_uid", cancelledImpUid)));
    // the reused snapshots below are only sound if the server's commits move data_version
    assertThat(dataVersion()).as("data_version after a cancel by the server").isNotEqualTo(version);
  }

  static void stop() {
    System.out.printf(
        "BadInputProperties: %d generated requests (+%d seeding) in %.1f s%n",
        GENERATED.get(), SEEDING.get(), (System.nanoTime() - startedAt) / 1e9);
    if (watcher != null) {
      try {
        watcher.close();
      } catch (SQLException e) {
        // only a reader of the test's own file
      }
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * Sends one request and checks every rule; {@code readOnly} requests may never change state. One
   * at a time: jqwik shrinks on a pool thread and may go on after its time bound while the next
   * property runs, and two requests at once would spoil each other's snapshots.
   */
  static Answer exchange(Garbage g, boolean readOnly) {
    synchronized (BadInputServer.class) {
      return exchangeAlone(g, readOnly);
    }
  }

  private static Answer exchangeAlone(Garbage g, boolean readOnly) {
    ensureSeeds();
    Map<String, List<String>> before = snapshot();
    HttpResponse<String> response = send(g);
    Map<String, List<String>> after = snapshot();
    int status = response.statusCode();
    String body = response.body();
    String context = g + "\n  => " + status + " " + cut(body);

    assertThat(status).as("HTTP status of %s", context).isIn(DOCUMENTED);
    STACK_TRACE_MARKS.forEach(mark -> assertThat(body).as(context).doesNotContain(mark));
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as("Content-Type of %s", context)
        .startsWith("application/json");
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new AssertionError("not JSON: " + context, e);
    }
    assertThat(envelope.isObject()).as("envelope of %s", context).isTrue();
    assertThat(envelope.propertyNames())
        .as(context)
        .containsExactlyInAnyOrder("code", "message", "response");
    assertThat(envelope.get("code").isInt()).as("integer code in %s", context).isTrue();
    int code = envelope.get("code").intValue();
    JsonNode message = envelope.get("message");
    if (code == 0) {
      assertThat(message.isNull()).as("message of a success: %s", context).isTrue();
      assertThat(status).as(context).isIn(200, 207);
    } else {
      assertThat(message.isString() && !message.asString().isBlank())
          .as("non-empty message of %s", context)
          .isTrue();
    }
    if (status >= 400) {
      assertThat(code).as("code of an error status: %s", context).isNotZero();
    }
    if (readOnly || code != 0 || status >= 400) {
      assertUnchanged(before, after, context);
    }
    Statistics.label("HTTP status, code").collect(status, code);
    return new Answer(
        status, code, code == 0 ? null : message.asString(), envelope.get("response"), context);
  }

  private static void assertUnchanged(
      Map<String, List<String>> before, Map<String, List<String>> after, String context) {
    if (before.equals(after)) {
      return;
    }
    for (String table : TABLES) {
      List<String> gone = difference(before.get(table), after.get(table));
      List<String> added = difference(after.get(table), before.get(table));
      if (!gone.isEmpty() || !added.isEmpty()) {
        fail(
            "a refused or read-only request changed %s: %s%n  rows before: %s%n  rows after: %s",
            table, context, gone, added);
      }
    }
  }

  /** The rows of {@code rows} not in {@code others} (hashed: tables grow to thousands of rows). */
  private static List<String> difference(List<String> rows, List<String> others) {
    Set<String> known = new HashSet<>(others);
    return rows.stream().filter(row -> !known.contains(row)).toList();
  }

  private static HttpResponse<String> send(Garbage g) {
    String uid = "fuzz_" + UNIQUE.incrementAndGet();
    String path = substitute(g.path(), uid);
    String body = substitute(g.body(), uid);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    String garbageToken = GARBAGE_TOKENS.get(Math.floorMod(g.hashCode(), GARBAGE_TOKENS.size()));
    switch (g.auth()) {
      case VALID -> request.header("Authorization", api.token());
      case BEARER -> request.header("Authorization", "Bearer " + api.token());
      case IMP_HEADER -> request.header("X-ImpTokenHeader", api.token());
      case GARBAGE -> request.header("Authorization", garbageToken);
      case EXPIRED -> request.header("Authorization", expiredToken);
      case TOO_LONG -> request.header("Authorization", api.token() + "a".repeat(300));
      case BEARER_ONLY -> request.header("Authorization", "Bearer ");
      case ADMIN -> request.header("Authorization", "Bearer " + ADMIN_TOKEN);
      case NONE -> {}
    }
    if (g.contentType() != null) {
      request.header("Content-Type", g.contentType());
    }
    request.method(
        g.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      GENERATED.incrementAndGet();
      return response;
    } catch (Exception e) {
      throw new AssertionError("no answer to " + g, e);
    }
  }

  private static String substitute(String text, String uid) {
    if (text == null) {
      return null;
    }
    return text.replace(GarbageText.IMP, paidImpUid)
        .replace(GarbageText.MUID, paidMerchantUid)
        .replace(GarbageText.CUST, CUSTOMER_UID)
        .replace(GarbageText.GONE, cancelledImpUid)
        .replace(GarbageText.NEW_UID, uid)
        .replace(GarbageText.PLAN, PLAN_ID)
        .replace(GarbageText.SUB, subscriptionId)
        .replace(GarbageText.CLOCK, testClockId)
        .replace(GarbageText.MER, adminTargetId);
  }

  /**
   * Every row of every payment table, as text. Reading them all twice per request made the full run
   * take hours as the store grew, so the last snapshot is reused while SQLite's {@code PRAGMA
   * data_version}, read on a connection of our own that never writes, says no other connection has
   * committed anything since it was taken.
   */
  private static Map<String, List<String>> snapshot() {
    long version = dataVersion();
    if (lastSnapshot != null && version == lastSnapshotVersion) {
      return lastSnapshot;
    }
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String table : TABLES) {
      tables.put(
          table,
          server
              .jdbc()
              .sql("SELECT " + columnsOf(table) + " FROM " + table + " ORDER BY 1, 2")
              .query()
              .listOfRows()
              .stream()
              .map(Object::toString)
              .toList());
    }
    // a commit while the rows were read changes the version again, so this one is never reused
    lastSnapshot = dataVersion() == version ? tables : null;
    lastSnapshotVersion = version;
    return tables;
  }

  /**
   * What a request may change. An endpoint's health (failing_since, disabled_*) is written by the
   * dispatcher in the background when the fuzz endpoints' deliveries fail, whatever the request.
   */
  private static String columnsOf(String table) {
    return table.equals("webhook_endpoints")
        ? "merchant_id, endpoint_id, url, event_types, enabled, description, created_at,"
            + " updated_at, version"
        : "*";
  }

  private static long dataVersion() {
    try (Statement statement = watcher.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA data_version")) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read SQLite's data_version", e);
    }
  }

  private static String cut(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "…";
  }

  // ---------------------------------------------------------------- seeded state

  /** A billing key and an untouched paid payment of 1,000 KRW, recreated when a try used them. */
  private static void ensureSeeds() {
    Integer keys =
        server
            .jdbc()
            .sql("SELECT COUNT(*) FROM billing_keys WHERE customer_uid = ?")
            .param(CUSTOMER_UID)
            .query(Integer.class)
            .single();
    if (testClockId == null) {
      testClockId =
          seeded(api.postJson("/paycron/v1/test_clocks", Map.of("name", "fuzz")))
              .response()
              .get("test_clock_id")
              .asString();
    }
    if (keys == 0) {
      // on a test clock: whatever a fuzzed request books for the customer (a subscription anchored
      // now) runs inside that request, never later in the background under another snapshot
      Map<String, Object> card = new java.util.HashMap<>(Cards.card(Cards.APPROVE));
      card.put("test_clock_id", testClockId);
      seeded(api.postJson("/subscribe/customers/" + CUSTOMER_UID, card));
    }
    boolean untouched =
        paidImpUid != null
            && server
                    .jdbc()
                    .sql(
                        "SELECT COUNT(*) FROM payments WHERE imp_uid = ? AND status = 'PAID'"
                            + " AND cancel_amount = 0 AND cancel_reserved = 0")
                    .param(paidImpUid)
                    .query(Integer.class)
                    .single()
                == 1;
    if (!untouched) {
      paidMerchantUid = "fuzz_paid_" + UNIQUE.incrementAndGet();
      paidImpUid = chargeAs(paidMerchantUid);
    }
    ensureSubscriptionSeeds();
  }

  /** A plan, a live subscription on it (anchored years ahead) and a test clock. */
  private static void ensureSubscriptionSeeds() {
    if (api.get("/paycron/v1/plans/" + PLAN_ID).code() != 0) {
      seeded(
          api.postJson(
              "/paycron/v1/plans",
              Map.of("plan_id", PLAN_ID, "name", "fuzz", "amount", 1000, "interval", "month")));
    }
    boolean live =
        subscriptionId != null
            && !"canceled"
                .equals(
                    api.get("/paycron/v1/subscriptions/" + subscriptionId)
                        .response()
                        .get("status")
                        .asString());
    if (!live) {
      subscriptionId = "fuzz_sub_" + UNIQUE.incrementAndGet();
      seeded(
          api.postJson(
              "/paycron/v1/subscriptions",
              Map.of(
                  "subscription_id", subscriptionId,
                  "customer_uid", CUSTOMER_UID,
                  "plan_id", PLAN_ID,
                  "anchor_at", 4_102_444_800L)));
    }
  }

  private static String charge() {
    return chargeAs("fuzz_seed_" + UNIQUE.incrementAndGet());
  }

  private static String chargeAs(String merchantUid) {
    ApiClient.Answer paid =
        seeded(
            api.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", CUSTOMER_UID, "merchant_uid", merchantUid, "amount", 1000)));
    assertThat(paid.response().get("status").asString()).isEqualTo("paid");
    return paid.response().get("imp_uid").asString();
  }

  private static ApiClient.Answer seeded(ApiClient.Answer answer) {
    SEEDING.incrementAndGet();
    assertThat(answer.code()).as("seeding: %s", answer).isZero();
    return answer;
  }

  private static String insertExpiredToken() throws Exception {
    String raw = "expired" + "0".repeat(33);
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    String merchantId =
        server
            .jdbc()
            .sql("SELECT merchant_id FROM api_keys WHERE imp_key = ?")
            .param("imp_apikey")
            .query(String.class)
            .single();
    long now = server.clock().millis();
    server
        .jdbc()
        .sql(
            "INSERT INTO access_tokens (merchant_id, token_hash, imp_key, issued_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)")
        .params(merchantId, hash, "imp_apikey", now - 7_200_000, now - 3_600_000)
        .update();
    return raw;
  }
}
