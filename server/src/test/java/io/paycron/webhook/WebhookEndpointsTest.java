package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Webhook endpoints over real HTTP: fan-out by type, disabled ones, isolation, bad input. */
class WebhookEndpointsTest {

  private static final Servers servers =
      new Servers(Map.of("paycron.webhook.timeout-seconds", "2"));
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String endpoint(ApiClient api, String path, Object types, boolean enabled) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", receiver.url(path));
    body.put("event_types", types);
    body.put("enabled", enabled);
    body.put("description", "test " + path);
    Answer created = api.postJson("/paycron/v1/webhook_endpoints", body);
    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(created.response().get("endpoint_id").asString()).startsWith("we_");
    return created.response().get("endpoint_id").asString();
  }

  static String customer(ApiClient api, String card) {
    String customerUid = unique("cus");
    assertThat(api.postJson("/subscribe/customers/" + customerUid, Cards.card(card)).code())
        .isZero();
    return customerUid;
  }

  /** An again payment: a payment.paid (or payment.failed) event, with no legacy target. */
  static String again(ApiClient api, String customerUid) {
    Answer paid =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", unique("a"), "amount", 100));
    assertThat(paid.code()).as(paid.toString()).isZero();
    return paid.response().get("imp_uid").asString();
  }

  /** Schedules one payment (with a notice_url when given) and runs it. */
  static void scheduleAndRun(TestServer server, ApiClient api, String customerUid, String notice) {
    Map<String, Object> item = new HashMap<>();
    item.put("merchant_uid", unique("s"));
    item.put("schedule_at", server.clock().millis() / 1000 + 5);
    item.put("amount", 300);
    if (notice != null) {
      item.put("notice_url", receiver.url(notice));
    }
    Answer answer =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of("customer_uid", customerUid, "schedules", List.of(item)));
    assertThat(answer.code()).as(answer.toString()).isZero();
    server.clock().advance(Duration.ofSeconds(6));
    server.bean(ScheduleExecutor.class).wake();
  }

  static void awaitReceived(String path, int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> receiver.receivedOn(path).size() >= count);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachEventGoesToEveryEnabledEndpointOfItsTypeAndNoneToADisabledOne(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("fan-out");
    String paid = "/paid/" + unique("p");
    String executed = "/executed/" + unique("p");
    String everything = "/all/" + unique("p");
    String disabled = "/disabled/" + unique("p");
    endpoint(api, paid, List.of("payment.paid"), true);
    endpoint(api, executed, "schedule.executed", true);
    endpoint(api, everything, List.of(), true);
    String off = endpoint(api, disabled, List.of("*"), false);
    String customerUid = customer(api, Cards.APPROVE);

    again(api, customerUid); // payment.paid, no notice_url: only the endpoints hear of it
    scheduleAndRun(server, api, customerUid, null); // schedule.executed, no default URL

    awaitReceived(paid, 1);
    awaitReceived(executed, 1);
    awaitReceived(everything, 2);
    assertThat(receiver.receivedOn(paid).get(0).headers().get("paycron-event-type"))
        .isEqualTo("payment.paid");
    assertThat(receiver.receivedOn(executed).get(0).headers().get("paycron-event-type"))
        .isEqualTo("schedule.executed");
    JsonNode endpointView = api.get("/paycron/v1/webhook_endpoints/" + off).response();
    assertThat(endpointView.get("enabled").asBoolean()).isFalse();
    assertThat(endpointView.get("disabled_at").asLong()).isPositive();
    assertThat(api.get("/paycron/v1/webhook_endpoints").response().size()).isEqualTo(4);
    // the same event id reaches every endpoint; each delivery is listed on the event
    String id = receiver.receivedOn(paid).get(0).headers().get("webhook-id");
    assertThat(receiver.receivedOn(everything).stream().map(r -> r.headers().get("webhook-id")))
        .contains(id);
    String impUid =
        tools.jackson.databind.json.JsonMapper.shared()
            .readTree(receiver.receivedOn(paid).get(0).body())
            .get("imp_uid")
            .asString();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              JsonNode event = api.get("/paycron/v1/events?object_id=" + impUid).response().get(0);
              return event.get("deliveries").size() == 2
                  && event.get("attempts").size() == 2
                  && event.get("deliveries").get(0).get("status").asString().equals("delivered");
            });
    assertThat(receiver.receivedOn(disabled)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theDefaultUrlAndANoticeUrlWorkAsBeforeNextToEndpoints(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("legacy");
    String legacy = "/legacy/" + unique("p");
    String notice = "/notice/" + unique("p");
    String typed = "/typed/" + unique("p");
    Answer put =
        api.send(
            "PUT",
            "/paycron/v1/webhook",
            "application/json",
            "{\"url\":\"" + receiver.url(legacy) + "\"}");
    assertThat(put.code()).isZero();
    endpoint(api, typed, List.of("schedule.*"), true);
    // an endpoint at the default URL itself does not make it receive the event twice
    endpoint(api, legacy, List.of("*"), true);
    String customerUid = customer(api, Cards.APPROVE);

    scheduleAndRun(server, api, customerUid, notice); // notice_url replaces the default URL
    awaitReceived(notice, 1);
    awaitReceived(typed, 1);
    scheduleAndRun(server, api, customerUid, null); // no notice_url: the default URL
    awaitReceived(legacy, 1);
    awaitReceived(typed, 2);
    again(api, customerUid); // again without notice_url: the legacy targets stay silent ...
    // ... but the "*" endpoint at the default URL hears of it, and of the first schedule (whose
    // legacy target was its notice_url); the second schedule reached that URL once, not twice
    awaitReceived(legacy, 3);
    await().during(Duration.ofMillis(500)).until(() -> receiver.receivedOn(notice).size() == 1);
    assertThat(receiver.receivedOn(legacy).stream().map(r -> r.headers().get("paycron-event-type")))
        .containsExactlyInAnyOrder("schedule.executed", "schedule.executed", "payment.paid");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void badInputIsRefusedWith400AndStoresNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("bad-input");
    String url = receiver.url("/bad");
    List<Map<String, Object>> bad =
        List.of(
            Map.of("event_types", List.of("payment.paid")),
            Map.of("url", "ftp://x", "event_types", List.of("payment.paid")),
            Map.of("url", url, "event_types", List.of("payment.nonsense")),
            Map.of("url", url, "event_types", List.of(Map.of())),
            Map.of("url", url, "event_types", "*", "enabled", "maybe"),
            Map.of("url", url, "description", "x".repeat(501)),
            Map.of("url", List.of(Map.of())));
    for (Map<String, Object> body : bad) {
      Answer answer = api.postJson("/paycron/v1/webhook_endpoints", body);
      assertThat(answer.status()).as(body.toString()).isEqualTo(400);
      assertThat(answer.body().has("code")).isTrue();
      assertThat(answer.body().get("response").isNull()).isTrue();
    }
    assertThat(api.get("/paycron/v1/webhook_endpoints").response().size()).isZero();

    String id = endpoint(api, "/bad", List.of("payment.paid"), true);
    Answer badPut =
        api.send(
            "PUT",
            "/paycron/v1/webhook_endpoints/" + id,
            "application/json",
            "{\"event_types\":[\"nope\"],\"enabled\":false}");
    assertThat(badPut.status()).isEqualTo(400);
    JsonNode unchanged = api.get("/paycron/v1/webhook_endpoints/" + id).response();
    assertThat(unchanged.get("enabled").asBoolean()).isTrue();
    assertThat(unchanged.get("event_types").get(0).asString()).isEqualTo("payment.paid");
    assertThat(unchanged.get("version").asLong()).isEqualTo(1);

    for (Object overlap : List.of(-1, 700_000, "soon", 1e30)) {
      Answer rotate =
          api.postJson("/paycron/v1/webhook/rotate_secret", Map.of("overlap_seconds", overlap));
      assertThat(rotate.status()).as(overlap.toString()).isEqualTo(400);
    }
    long now = server.clock().millis() / 1000;
    List<Map<String, Object>> badRanges =
        List.of(
            Map.of("to", now),
            Map.of("from", now),
            Map.of("from", now, "to", now),
            Map.of("from", now - 10, "to", now, "status", "delivered"),
            Map.of("from", "yesterday", "to", now));
    for (Map<String, Object> range : badRanges) {
      assertThat(api.postJson("/paycron/v1/events/replay", range).status())
          .as(range.toString())
          .isEqualTo(400);
      assertThat(api.postJson("/paycron/v1/webhook_endpoints/" + id + "/replay", range).status())
          .as(range.toString())
          .isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anotherMerchantsEndpointIsAsMissingAsOneThatNeverExisted(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient owner = server.newMerchantClient("owner");
    ApiClient other = server.newMerchantClient("other");
    String id = endpoint(owner, "/owned", List.of("*"), true);
    String path = "/paycron/v1/webhook_endpoints/";
    Map<String, Object> range = Map.of("from", 0, "to", server.clock().millis() / 1000 + 1);

    Answer missing = owner.get(path + "we_000000000000000000000000");
    List<Answer> foreign =
        List.of(
            other.get(path + id),
            other.send("PUT", path + id, "application/json", "{\"enabled\":false}"),
            other.postJson(path + id + "/replay", range),
            other.delete(path + id));
    assertThat(missing.status()).isEqualTo(404);
    for (Answer answer : foreign) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.raw().body()).isEqualTo(missing.raw().body());
    }
    assertThat(other.get(path).response().size()).isZero();
    JsonNode still = owner.get(path + id).response();
    assertThat(still.get("enabled").asBoolean()).isTrue();
    assertThat(owner.delete(path + id).code()).isZero();
    assertThat(owner.get(path + id).raw().body()).isEqualTo(missing.raw().body());
  }
}
