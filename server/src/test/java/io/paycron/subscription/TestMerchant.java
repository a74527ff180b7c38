package io.paycron.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.merchant.MerchantAccounts;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh sandbox merchant of a test, talking to the server over HTTP, with its webhooks going to a
 * path of its own on the receiver: the steps of the subscription tests, in their words.
 */
final class TestMerchant {

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  ApiClient api;
  private final TestServer server;
  private final MerchantAccounts.Credentials credentials;
  private final WebhookReceiver receiver;
  private final String hookPath;

  TestMerchant(TestServer server, WebhookReceiver receiver) {
    this.server = server;
    this.credentials = server.bean(MerchantAccounts.class).create(unique("merchant"), true);
    login();
    this.receiver = receiver;
    this.hookPath = "/hooks/" + unique("m");
    ok(
        api.send(
            "PUT",
            "/paycron/v1/webhook",
            "application/json",
            "{\"url\":\"" + receiver.url(hookPath) + "\"}"));
  }

  /** A new token: after the server's clock moved past the old one's expiry. */
  void login() {
    api = ApiClient.login(server.baseUrl(), credentials.impKey(), credentials.impSecret());
  }

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  static long seconds(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toEpochSecond();
  }

  static JsonNode ok(Answer answer) {
    assertThat(answer.code()).as(answer.toString()).isZero();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.response();
  }

  String testClock(long frozenTime) {
    return ok(api.postJson(
            "/paycron/v1/test_clocks", Map.of("frozen_time", frozenTime, "name", "t")))
        .get("test_clock_id")
        .asString();
  }

  Answer advance(String clockId, long frozenTime) {
    return api.postJson(
        "/paycron/v1/test_clocks/" + clockId + "/advance", Map.of("frozen_time", frozenTime));
  }

  /** A customer with a billing key, on the test clock when one is given. */
  String customer(String card, String clockId) {
    String uid = unique("cus");
    card(uid, card, clockId);
    return uid;
  }

  void card(String customerUid, String card, String clockId) {
    Map<String, Object> body = Cards.card(card);
    if (clockId != null) {
      body.put("test_clock_id", clockId);
    }
    ok(api.postJson("/subscribe/customers/" + customerUid, body));
  }

  String plan(long amount, String interval, Map<String, Object> extra) {
    String id = unique("plan");
    Map<String, Object> body = new HashMap<>(extra);
    body.put("plan_id", id);
    body.put("name", "Basic");
    body.put("amount", amount);
    body.put("currency", "KRW");
    body.put("interval", interval);
    ok(api.postJson("/paycron/v1/plans", body));
    return id;
  }

  JsonNode subscribe(String customerUid, String planId, Long anchorAt, String zone) {
    Map<String, Object> body = new HashMap<>();
    body.put("subscription_id", unique("sub"));
    body.put("customer_uid", customerUid);
    body.put("plan_id", planId);
    if (anchorAt != null) {
      body.put("anchor_at", anchorAt);
    }
    if (zone != null) {
      body.put("time_zone", zone);
    }
    return ok(api.postJson("/paycron/v1/subscriptions", body));
  }

  JsonNode subscription(String id) {
    return ok(api.get("/paycron/v1/subscriptions/" + id));
  }

  /** The V1 schedule of a merchant_uid. */
  JsonNode schedule(String merchantUid) {
    return ok(api.get("/subscribe/payments/schedule/" + merchantUid));
  }

  JsonNode payment(String impUid) {
    return ok(api.get("/payments/" + impUid));
  }

  /** The customer's V1 schedules, oldest first. */
  List<JsonNode> schedulesOf(String customerUid) {
    List<JsonNode> list = new ArrayList<>();
    ok(api.get("/subscribe/payments/schedule/customers/" + customerUid + "?limit=100"))
        .get("list")
        .forEach(list::add);
    list.sort(Comparator.comparingLong(s -> s.get("schedule_at").asLong()));
    return list;
  }

  /** The bodies of the subscription events received so far, in the order of their versions. */
  List<JsonNode> subscriptionEvents(String subscriptionId) {
    List<JsonNode> events = new ArrayList<>();
    for (WebhookReceiver.Received r : receiver.receivedOn(hookPath)) {
      JsonNode body = JsonMapper.shared().readTree(r.body());
      if (body.has("subscription")
          && body.get("subscription").get("subscription_id").asString().equals(subscriptionId)) {
        events.add(body);
      }
    }
    events.sort(Comparator.comparingLong(e -> e.get("subscription").get("version").asLong()));
    return events;
  }

  /** Waits (with a deadline) until at least {@code count} events of the subscription arrived. */
  void awaitEvents(String subscriptionId, int count) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .until(() -> subscriptionEvents(subscriptionId).size() >= count);
  }

  List<String> eventTypes(String subscriptionId) {
    return subscriptionEvents(subscriptionId).stream().map(e -> e.get("type").asString()).toList();
  }
}
