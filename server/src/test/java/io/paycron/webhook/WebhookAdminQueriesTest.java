package io.paycron.webhook;

import static io.paycron.webhook.WebhookEndpointsTest.again;
import static io.paycron.webhook.WebhookEndpointsTest.customer;
import static io.paycron.webhook.WebhookEndpointsTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.support.TransactionTemplate;

/** What the console reads and does through {@link WebhookAdminQueries}; and the replay bound. */
class WebhookAdminQueriesTest {

  private static final Servers servers =
      new Servers(Map.of("paycron.webhook.timeout-seconds", "2"));
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  private record Merchant(String id, ApiClient api) {
    static Merchant create(TestServer server, String name) {
      MerchantAccounts.Credentials credentials =
          server.bean(MerchantAccounts.class).create(name, true);
      return new Merchant(
          credentials.merchantId(),
          ApiClient.login(server.baseUrl(), credentials.impKey(), credentials.impSecret()));
    }
  }

  private static String create(ApiClient api, String path) {
    Answer created =
        api.postJson(
            "/paycron/v1/webhook_endpoints",
            Map.of("url", receiver.url(path), "event_types", List.of("payment.*")));
    assertThat(created.code()).as(created.toString()).isZero();
    return created.response().get("endpoint_id").asString();
  }

  private static WebhookAdminQueries.DeliveryFilter filter(
      String merchantId, String endpointId, String status) {
    return new WebhookAdminQueries.DeliveryFilter(
        merchantId, endpointId, status, null, null, 1, 50);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theConsoleListsDeliveriesWithTheirLogAndReplaysThemAfterReEnabling(TestDatabase database) {
    TestServer server = servers.on(database);
    WebhookAdminQueries queries = server.bean(WebhookAdminQueries.class);
    Merchant merchant = Merchant.create(server, "console");
    String failing = "/console-failing/" + unique("p");
    String healthy = "/console-healthy/" + unique("p");
    AtomicBoolean down = new AtomicBoolean(true);
    receiver.answer(r -> r.path().equals(failing) && down.get() ? 503 : 200);
    String failingId = create(merchant.api(), failing);
    String healthyId = create(merchant.api(), healthy);

    again(merchant.api(), customer(merchant.api(), Cards.APPROVE));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                queries.endpoints(merchant.id(), false).stream()
                    .anyMatch(e -> e.endpointId().equals(failingId) && e.failingSince() != null));
    WebhookAdminQueries.DeliveryPage all = queries.deliveries(filter(merchant.id(), null, null));
    assertThat(all.total()).isEqualTo(2);
    assertThat(all.rows())
        .extracting(WebhookAdminQueries.DeliveryRow::eventType)
        .containsOnly("payment.paid");
    WebhookAdminQueries.DeliveryRow failed =
        queries.deliveries(filter(merchant.id(), failingId, null)).rows().get(0);
    assertThat(failed.attemptLog()).isNotEmpty();
    assertThat(failed.attemptLog().get(0).statusCode()).isEqualTo(503);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> queries.deliveries(filter(merchant.id(), healthyId, "delivered")).total() == 1);
    assertThat(queries.endpoints(merchant.id(), true)).isEmpty();

    queries.setEnabled(merchant.id(), failingId, false);
    assertThat(queries.endpoints(merchant.id(), true))
        .extracting(WebhookAdminQueries.EndpointRow::endpointId)
        .containsExactly(failingId);
    assertThat(queries.endpoints(null, true))
        .extracting(WebhookAdminQueries.EndpointRow::endpointId)
        .contains(failingId); // across merchants too
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> queries.deliveries(filter(merchant.id(), failingId, "paused")).total() == 1);
    assertThat(queries.replayDelivery(merchant.id(), failed.eventId(), failingId)).isFalse();

    down.set(false);
    queries.setEnabled(merchant.id(), failingId, true);
    assertThat(queries.replayFailed(merchant.id(), failingId)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> queries.deliveries(filter(merchant.id(), failingId, "delivered")).total() == 1);
    assertThat(queries.replayDelivery(merchant.id(), failed.eventId(), failingId)).isTrue();

    // response bodies in the log are cut for the console
    server
        .jdbc()
        .sql(
            "INSERT INTO webhook_attempts (merchant_id, event_id, endpoint_id, attempt,"
                + " started_at, duration_ms, status_code, error, response_body)"
                + " VALUES (?, ?, ?, 999, 0, 1, 500, NULL, ?)")
        .params(merchant.id(), failed.eventId(), failingId, "x".repeat(2000))
        .update();
    List<WebhookAdminQueries.AttemptRow> log =
        queries.attempts(merchant.id(), failed.eventId(), failingId);
    assertThat(log.get(log.size() - 1).responseBody())
        .hasSize(WebhookAdminQueries.RESPONSE_EXCERPT + 1);
    receiver.answer(r -> 200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aReplayOfMoreThanTenThousandDeliveriesIsRefusedAndQueuesNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    Merchant merchant = Merchant.create(server, "bound");
    int rows = WebhookReplays.MAX_PER_CALL + 1;
    server
        .bean(TransactionTemplate.class)
        .executeWithoutResult(
            tx -> {
              for (int i = 0; i < rows; i++) {
                server
                    .jdbc()
                    .sql(
                        "INSERT INTO webhook_deliveries (merchant_id, event_id, endpoint_id, url,"
                            + " status, attempts, next_attempt_at, delivered_at, created_at,"
                            + " updated_at)"
                            + " VALUES (?, ?, '', 'http://127.0.0.1:9/x', 'FAILED', 17, 0, 0,"
                            + " ?, ?)")
                    .params(merchant.id(), "msg_bound_" + i, 1_000_000L + i, 1_000_000L + i)
                    .update();
              }
            });
    Answer refused =
        merchant.api().postJson("/paycron/v1/events/replay", Map.of("from", 0, "to", 2_000));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("10000");
    assertThat(
            server
                .jdbc()
                .sql("SELECT COUNT(*) FROM webhook_deliveries WHERE merchant_id = ? AND status = ?")
                .params(merchant.id(), "FAILED")
                .query(Integer.class)
                .single())
        .isEqualTo(rows);
    // a narrower range goes through (its deliveries point at a closed port and fail again)
    Answer narrower =
        merchant.api().postJson("/paycron/v1/events/replay", Map.of("from", 1_000, "to", 1_001));
    assertThat(narrower.response().get("replayed").asInt()).isEqualTo(1_000);
  }
}
