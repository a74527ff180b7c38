package io.paycron.webhook;

import static io.paycron.webhook.WebhookEndpointsTest.again;
import static io.paycron.webhook.WebhookEndpointsTest.customer;
import static io.paycron.webhook.WebhookEndpointsTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paycron.client.WebhookVerificationException;
import io.paycron.client.WebhookVerifier;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Endpoints over time: automatic disabling, secret rotation overlap, bulk replay. */
class WebhookEndpointLifecycleTest {

  private static final Servers servers =
      new Servers(Map.of("paycron.webhook.timeout-seconds", "2"));
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  /** A merchant's credentials: tokens end after 30 minutes of clock time, so log in again. */
  private record Login(String baseUrl, String impKey, String impSecret) {
    static Login newMerchant(TestServer server, String name) {
      io.paycron.merchant.MerchantAccounts.Credentials credentials =
          server.bean(io.paycron.merchant.MerchantAccounts.class).create(name, true);
      return new Login(server.baseUrl(), credentials.impKey(), credentials.impSecret());
    }

    ApiClient api() {
      return ApiClient.login(baseUrl, impKey, impSecret);
    }
  }

  private static String create(ApiClient api, String path, List<String> types) {
    Answer created =
        api.postJson(
            "/paycron/v1/webhook_endpoints",
            Map.of("url", receiver.url(path), "event_types", types));
    assertThat(created.code()).as(created.toString()).isZero();
    return created.response().get("endpoint_id").asString();
  }

  private static JsonNode view(ApiClient api, String endpointId) {
    return api.get("/paycron/v1/webhook_endpoints/" + endpointId).response();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEndpointFailingForTheWholePeriodIsDisabledAndTheMerchantsOtherEndpointHearsOfIt(
      TestDatabase database) {
    TestServer server = servers.on(database);
    Login merchant = Login.newMerchant(server, "auto-disable");
    ApiClient api = merchant.api();
    String dead = "/dead/" + unique("p");
    String watcher = "/watcher/" + unique("p");
    AtomicBoolean deadIsDown = new AtomicBoolean(true);
    receiver.answer(r -> r.path().equals(dead) && deadIsDown.get() ? 503 : 200);
    String deadId = create(api, dead, List.of("payment.*"));
    create(api, watcher, List.of(WebhookEventTypes.ENDPOINT_DISABLED));
    String customerUid = customer(api, Cards.APPROVE);

    again(api, customerUid);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> view(api, deadId).get("failing_since").asLong() > 0);
    WebhookEndpointMonitor monitor = server.bean(WebhookEndpointMonitor.class);
    server.clock().advance(Duration.ofDays(4));
    assertThat(monitor.disableFailing()).isZero(); // not yet: four days of five
    assertThat(view(merchant.api(), deadId).get("enabled").asBoolean()).isTrue();

    server.clock().advance(Duration.ofDays(1).plusSeconds(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                monitor.disableFailing() >= 0
                    && !view(merchant.api(), deadId).get("enabled").asBoolean());
    JsonNode disabled = view(merchant.api(), deadId);
    assertThat(disabled.get("disabled_at").asLong()).isPositive();
    assertThat(disabled.get("disabled_reason").asString()).contains("5 days");
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(watcher).size() == 1);
    WebhookReceiver.Received notice = receiver.receivedOn(watcher).get(0);
    assertThat(notice.headers().get("paycron-event-type")).isEqualTo("webhook_endpoint.disabled");
    assertThat(JsonMapper.shared().readTree(notice.body()).get("endpoint_id").asString())
        .isEqualTo(deadId);

    // disabled: new events pass it by; its waiting delivery is paused, not lost
    int before = receiver.receivedOn(dead).size();
    again(merchant.api(), customerUid);
    await().during(Duration.ofMillis(700)).until(() -> receiver.receivedOn(dead).size() == before);
    long now = server.clock().millis() / 1000;
    Map<String, Object> range = Map.of("from", 0, "to", now + 1);
    assertThat(
            merchant
                .api()
                .postJson("/paycron/v1/webhook_endpoints/" + deadId + "/replay", range)
                .status())
        .isEqualTo(409); // enable it first

    deadIsDown.set(false);
    Answer enabled =
        merchant
            .api()
            .send(
                "PUT",
                "/paycron/v1/webhook_endpoints/" + deadId,
                "application/json",
                "{\"enabled\":true}");
    assertThat(enabled.response().get("failing_since").asLong()).isZero();
    assertThat(enabled.response().get("disabled_at").asLong()).isZero();
    Answer replayed =
        merchant.api().postJson("/paycron/v1/webhook_endpoints/" + deadId + "/replay", range);
    assertThat(replayed.response().get("replayed").asInt()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> receiver.receivedOn(dead).size() == before + 1);
    receiver.answer(r -> 200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void duringTheOverlapEitherSecretVerifiesAndAfterItOnlyTheNewOne(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("rotation");
    String path = "/rotation/" + unique("p");
    create(api, path, List.of("*"));
    String oldSecret = api.get("/paycron/v1/webhook").response().get("secret").asString();
    Answer rotated =
        api.postJson("/paycron/v1/webhook/rotate_secret", Map.of("overlap_seconds", 600));
    String newSecret = rotated.response().get("secret").asString();
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
    String customerUid = customer(api, Cards.APPROVE);

    again(api, customerUid);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 1);
    WebhookReceiver.Received during = receiver.receivedOn(path).get(0);
    assertThat(during.headers().get("webhook-signature").split(" ")).hasSize(2);
    verifier(oldSecret, during).verify(during.headers(), during.body());
    verifier(newSecret, during).verify(during.headers(), during.body());

    server.clock().advance(Duration.ofSeconds(601)); // within the token's 30 minutes
    again(api, customerUid);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 2);
    WebhookReceiver.Received after = receiver.receivedOn(path).get(1);
    assertThat(after.headers().get("webhook-signature").split(" ")).hasSize(1);
    verifier(newSecret, after).verify(after.headers(), after.body());
    assertThatThrownBy(() -> verifier(oldSecret, after).verify(after.headers(), after.body()))
        .isInstanceOf(WebhookVerificationException.class);
  }

  /** A receiver holding one secret whose clock reads the delivery's own timestamp. */
  private static WebhookVerifier verifier(String secret, WebhookReceiver.Received received) {
    long timestamp = Long.parseLong(received.headers().get("webhook-timestamp"));
    return new WebhookVerifier(
        secret, Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void bulkReplayQueuesWhatTheRangeAndStatusSelect(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("bulk-replay");
    String path = "/bulk/" + unique("p");
    String endpointId = create(api, path, List.of("payment.paid", "payment.failed"));
    String customerUid = customer(api, Cards.APPROVE);
    long from = server.clock().millis() / 1000;
    for (int i = 0; i < 3; i++) {
      again(api, customerUid);
    }
    awaitDelivered(server, endpointId, 3);
    long to = server.clock().millis() / 1000 + 1;
    assertThat(replay(api, "/paycron/v1/webhook_endpoints/" + endpointId, from, to, "all"))
        .isEqualTo(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 6);
    awaitDelivered(server, endpointId, 3);

    // nothing failed, so nothing to replay by default; a range before the events holds nothing
    assertThat(replay(api, "/paycron/v1/webhook_endpoints/" + endpointId, from, to, null)).isZero();
    assertThat(replay(api, "/paycron/v1/events", from - 100, from - 50, "all")).isZero();
    // merchant-wide: the same three deliveries (it has no legacy target)
    assertThat(replay(api, "/paycron/v1/events", from, to, "all")).isEqualTo(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 9);
  }

  private static void awaitDelivered(TestServer server, String endpointId, int count) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                server
                        .jdbc()
                        .sql(
                            "SELECT COUNT(*) FROM webhook_deliveries"
                                + " WHERE endpoint_id = ? AND status = 'DELIVERED'")
                        .param(endpointId)
                        .query(Integer.class)
                        .single()
                    == count);
  }

  private static int replay(ApiClient api, String prefix, long from, long to, String status) {
    Map<String, Object> body =
        status == null
            ? Map.of("from", from, "to", to)
            : Map.of("from", from, "to", to, "status", status);
    Answer answer = api.postJson(prefix + "/replay", body);
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response().get("replayed").asInt();
  }
}
