package io.paycron.webhook;

import static io.paycron.webhook.WebhookEndpointsTest.again;
import static io.paycron.webhook.WebhookEndpointsTest.customer;
import static io.paycron.webhook.WebhookEndpointsTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paycron.merchant.MerchantAccounts;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Endpoint changes racing with deliveries: URL fixes, re-enabling mid-send, late results. */
class WebhookEndpointRaceTest {

  private static final Servers servers =
      new Servers(Map.of("paycron.webhook.timeout-seconds", "2"));
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  private static String create(ApiClient api, String path) {
    Answer created =
        api.postJson(
            "/paycron/v1/webhook_endpoints",
            Map.of("url", receiver.url(path), "event_types", List.of("payment.*")));
    assertThat(created.code()).as(created.toString()).isZero();
    return created.response().get("endpoint_id").asString();
  }

  private static Answer put(ApiClient api, String endpointId, String json) {
    Answer answer =
        api.send("PUT", "/paycron/v1/webhook_endpoints/" + endpointId, "application/json", json);
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer;
  }

  private static int replayAll(ApiClient api) {
    Answer answer =
        api.postJson(
            "/paycron/v1/events/replay", Map.of("from", 0, "to", 4_000_000_000L, "status", "all"));
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response().get("replayed").asInt();
  }

  private static Map<String, Object> delivery(TestServer server, String endpointId) {
    return server
        .jdbc()
        .sql(
            "SELECT status, attempts, url, lease_until FROM webhook_deliveries WHERE endpoint_id = ?")
        .param(endpointId)
        .query()
        .singleRow();
  }

  private static Number attempts(TestServer server, String endpointId) {
    return (Number) delivery(server, endpointId).get("attempts");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void afterAUrlFixReplaysAndRetriesGoToTheNewUrl(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("url-fix");
    String broken = "/broken/" + unique("p");
    String fixed = "/fixed/" + unique("p");
    receiver.answer(r -> r.path().equals(broken) ? 503 : 200);
    String endpointId = create(api, broken);
    again(api, customer(api, Cards.APPROVE));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> attempts(server, endpointId).intValue() == 1);

    put(api, endpointId, "{\"url\":\"" + receiver.url(fixed) + "\"}");
    assertThat(delivery(server, endpointId).get("url")).isEqualTo(receiver.url(fixed));
    put(api, endpointId, "{\"enabled\":false}");
    put(api, endpointId, "{\"enabled\":true}");
    assertThat(replayAll(api)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(fixed).size() == 1);
    assertThat(receiver.receivedOn(broken)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDeliveryStillBeingSentIsNotReplayedAfterDisableAndEnable(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("in-flight");
    String silent = "/silent/" + unique("p");
    receiver.answer(r -> r.path().equals(silent) ? WebhookReceiver.NEVER : 200);
    String endpointId = create(api, silent);
    again(api, customer(api, Cards.APPROVE));
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(silent).size() == 1);

    put(api, endpointId, "{\"enabled\":false}");
    put(api, endpointId, "{\"enabled\":true}");
    assertThat(replayAll(api)).isZero(); // still in flight
    // the send times out: its result lands on the paused row it claimed
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> attempts(server, endpointId).intValue() == 1);
    Map<String, Object> after = delivery(server, endpointId);
    assertThat(after.get("status")).isEqualTo("PAUSED");
    assertThat(after.get("lease_until")).isNull();
    assertThat(receiver.receivedOn(silent)).hasSize(1);
    receiver.answer(r -> 200);
    assertThat(replayAll(api)).isEqualTo(1); // no longer in flight: replayable
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(silent).size() == 2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailureOfAnEndpointDisabledMeanwhileIsPausedNotRetried(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("late-disable");
    String path = "/late/" + unique("p");
    String endpointId = create(api, path);
    // the endpoint is disabled after the event read it as enabled (the delivery was not paused)
    receiver.answer(
        r -> {
          if (r.path().equals(path)) {
            server
                .jdbc()
                .sql("UPDATE webhook_endpoints SET enabled = FALSE WHERE endpoint_id = ?")
                .param(endpointId)
                .update();
            return 503;
          }
          return 200;
        });
    again(api, customer(api, Cards.APPROVE));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> attempts(server, endpointId).intValue() == 1);
    assertThat(delivery(server, endpointId).get("status")).isEqualTo("PAUSED");
    receiver.answer(r -> 200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEditNeverRestoresAFailureASuccessClearedMeanwhile(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("stale-health");
    String endpointId = create(api, "/health/" + unique("p"));
    WebhookEndpointRepository repository = server.bean(WebhookEndpointRepository.class);
    server
        .jdbc()
        // recent: the auto-disable sweep leaves it alone
        .sql("UPDATE webhook_endpoints SET failing_since = ? WHERE endpoint_id = ?")
        .params(server.clock().millis() - 1000, endpointId)
        .update();
    WebhookEndpoint before =
        repository.list(merchantOf(server, endpointId)).stream()
            .filter(e -> e.endpointId().equals(endpointId))
            .findFirst()
            .orElseThrow();
    assertThat(before.failingSince()).isPositive();

    repository.recordHealth(
        List.of(new WebhookEndpointRepository.Health(before.merchantId(), endpointId, true, 0)),
        2000);
    WebhookEndpoint edited =
        new WebhookEndpoint(
            before.merchantId(),
            endpointId,
            before.url(),
            before.eventTypes(),
            true,
            "edited",
            before.failingSince(),
            0,
            null,
            before.createdAt(),
            3000,
            before.version());
    assertThat(repository.update(edited, before.version(), false)).isTrue();
    WebhookEndpoint after = repository.find(before.merchantId(), endpointId).orElseThrow();
    assertThat(after.description()).isEqualTo("edited");
    assertThat(after.failingSince()).isZero();
  }

  private static String merchantOf(TestServer server, String endpointId) {
    return server
        .jdbc()
        .sql("SELECT merchant_id FROM webhook_endpoints WHERE endpoint_id = ?")
        .param(endpointId)
        .query(String.class)
        .single();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anOldNodeCanStillQueueADeliveryWithoutAnEndpointId(TestDatabase database) {
    TestServer server = servers.on(database);
    MerchantAccounts.Credentials merchant =
        server.bean(MerchantAccounts.class).create("old-node", true);
    String eventId = unique("evt");
    // what a node of the version before V10 writes: no endpoint_id column
    server
        .jdbc()
        .sql(
            "INSERT INTO webhook_deliveries (merchant_id, event_id, url, status, attempts,"
                + " next_attempt_at, delivered_at, created_at, updated_at)"
                + " VALUES (?, ?, 'http://127.0.0.1:9/x', 'FAILED', 8, 0, 0, 0, 0)")
        .params(merchant.merchantId(), eventId)
        .update();
    assertThat(
            server
                .jdbc()
                .sql("SELECT endpoint_id FROM webhook_deliveries WHERE event_id = ?")
                .param(eventId)
                .query(String.class)
                .single())
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void badAdminFiltersGiveAClearErrorOrAreClamped(TestDatabase database) {
    TestServer server = servers.on(database);
    WebhookAdminQueries queries = server.bean(WebhookAdminQueries.class);
    assertThatThrownBy(
            () ->
                queries.deliveries(
                    new WebhookAdminQueries.DeliveryFilter(null, null, "bogus", null, null, 1, 10)))
        .isInstanceOf(WebhookAdminQueries.InvalidFilterException.class)
        .hasMessageContaining("bogus");
    WebhookAdminQueries.DeliveryPage page =
        queries.deliveries(
            new WebhookAdminQueries.DeliveryFilter(
                "nobody", null, null, Instant.MIN, Instant.MAX, 1, 10));
    assertThat(page.total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theAutoDisableWarningNamesTheHostNeverTheCredentials(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("log-secrets");
    String path = "/creds/" + unique("p");
    Answer created =
        api.postJson(
            "/paycron/v1/webhook_endpoints",
            Map.of(
                "url",
                receiver.url(path).replace("http://", "http://user:hunter2@") + "?token=sekrit",
                "event_types",
                List.of("payment.*")));
    assertThat(created.code()).as(created.toString()).isZero();
    String endpointId = created.response().get("endpoint_id").asString();
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(WebhookEndpointMonitor.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      // failing for ages: the sweep (this call or the monitor's own loop) disables it and says so
      server
          .jdbc()
          .sql("UPDATE webhook_endpoints SET failing_since = 1 WHERE endpoint_id = ?")
          .param(endpointId)
          .update();
      server.bean(WebhookEndpointMonitor.class).disableFailing();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  List.copyOf(lines.list).stream()
                      .anyMatch(e -> e.getFormattedMessage().contains(endpointId)));
    } finally {
      logger.detachAppender(lines);
    }
    assertThat(List.copyOf(lines.list))
        .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .filteredOn(line -> line.contains(endpointId))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("http://127.0.0.1")
                    .doesNotContain("hunter2")
                    .doesNotContain("sekrit"));
  }
}
