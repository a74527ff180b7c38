package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.merchant.MerchantAccounts;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import io.paycron.webhook.WebhookAdminQueries;
import io.paycron.webhook.WebhookConsoleQueries;
import io.paycron.webhook.WebhookEndpointMonitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console's webhook page over HTTP on both databases, on the endpoint model: the banner for
 * endpoints disabled after failing, re-enabling one, replaying the failed deliveries of one
 * endpoint (and not another's), a time-range replay, a payment's deliveries per endpoint, the audit
 * rows.
 */
class ConsoleWebhooksTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final Servers servers =
      new Servers(Map.of("paycron.webhook.disable-after-seconds", "60"));
  private static final WebhookReceiver receiver = WebhookReceiver.start();
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  private static String ok(ApiClient.Answer answer, String field) {
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response().get(field).asString();
  }

  private static String endpoint(ApiClient api, String path) {
    return ok(
        api.postJson(
            "/paycron/v1/webhook_endpoints",
            Map.of("url", receiver.url(path), "event_types", List.of("payment.*"))),
        "endpoint_id");
  }

  private static List<String> audited(TestServer server, String action, String object) {
    return server
        .jdbc()
        .sql("SELECT detail FROM audit_log WHERE action = :action AND object_id = :object")
        .param("action", action)
        .param("object", object)
        .query(String.class)
        .list();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void disabledEndpointsShowABannerAndOneEndpointsFailedDeliveriesAreReplayedAlone(
      TestDatabase database) {
    TestServer server = servers.on(database);
    long start = server.clock().millis();
    WebhookAdminQueries admin = server.bean(WebhookAdminQueries.class);
    WebhookConsoleQueries console = server.bean(WebhookConsoleQueries.class);
    String id = UUID.randomUUID().toString().substring(0, 8);
    MerchantAccounts.Credentials merchant =
        server.bean(MerchantAccounts.class).create("hooks-" + id, true);
    String m = merchant.merchantId();
    ApiClient api = ApiClient.login(server.baseUrl(), merchant.impKey(), merchant.impSecret());
    AtomicBoolean down = new AtomicBoolean(true);
    receiver.answer(r -> down.get() && r.path().contains(id) ? 503 : 200);
    String a = endpoint(api, "/a/" + id);
    String b = endpoint(api, "/b/" + id);
    ok(api.postJson("/subscribe/customers/cus_" + id, Cards.card(Cards.APPROVE)), "customer_uid");
    String impUid =
        ok(
            api.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", "cus_" + id, "merchant_uid", "o_" + id, "amount", 100)),
            "imp_uid");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.endpoints(m, false).stream().allMatch(e -> e.failingSince() != null));

    // both have failed for the whole (test-sized) period: the monitor disables them
    long bannerBefore = console.disabledAfterFailing();
    server.clock().advance(Duration.ofSeconds(61));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              server.bean(WebhookEndpointMonitor.class).disableFailing();
              return admin.endpoints(m, true).size() == 2;
            });
    long disabled = console.disabledAfterFailing();
    assertThat(disabled).isEqualTo(bannerBefore + 2);
    ConsoleHttp ops = ConsoleHttp.logIn(server, "hooks-ops", PASSWORD);
    assertThat(ops.get("/console").body())
        .contains("id=\"disabled-endpoints-banner\"")
        .contains(disabled + " webhook endpoint(s) disabled after failing continuously");
    HttpResponse<String> page = ops.get("/console/webhooks");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(a).contains(b).contains("Re-enable");
    assertThat(ops.get("/console/webhooks?merchant=" + m + "&endpoint=" + a + "&status=paused"))
        .satisfies(p -> assertThat(p.body()).contains("data-endpoint-id=\"" + a + "\""));

    // A's receiver is fixed; re-enabled, its failed deliveries are replayed — B's stay
    down.set(false);
    assertThat(
            ops.post("/console/webhooks/enable", Map.of("merchant", m, "endpoint", a)).statusCode())
        .isEqualTo(302);
    assertThat(audited(server, "enable_webhook_endpoint", a)).hasSize(1);
    assertThat(console.disabledAfterFailing()).isEqualTo(disabled - 1);
    assertThat(ops.get("/console/webhooks/replay-failed?merchant=" + m + "&endpoint=" + a).body())
        .contains("id=\"replay-count\">1<");
    assertThat(
            ops.post("/console/webhooks/replay-failed", Map.of("merchant", m, "endpoint", a))
                .statusCode())
        .isEqualTo(302);
    assertThat(audited(server, "replay_failed_webhooks", a))
        .singleElement()
        .asString()
        .contains("queued=1");
    // B is still disabled: refused, nothing queued, nothing audited
    ops.post("/console/webhooks/replay-failed", Map.of("merchant", m, "endpoint", b));
    assertThat(audited(server, "replay_failed_webhooks", b)).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(admin, m, a, "delivered") == 1);
    assertThat(deliveries(admin, m, b, "paused") + deliveries(admin, m, b, "failed")).isEqualTo(1);

    // the payment's page lists one delivery per endpoint
    assertThat(ops.get("/console/payment?merchant=" + m + "&imp_uid=" + impUid).body())
        .contains("data-endpoint-id=\"" + a + "\"")
        .contains("data-endpoint-id=\"" + b + "\"");

    // a time range: every delivery of A created in it, confirmed first
    String from = LOCAL.format(Instant.ofEpochMilli(start).minusSeconds(60));
    String to = LOCAL.format(Instant.ofEpochMilli(server.clock().millis()).plusSeconds(120));
    String range = "merchant=" + m + "&endpoint=" + a + "&from=" + from + "&to=" + to;
    assertThat(ops.get("/console/webhooks/replay-range?" + range).body())
        .contains("id=\"replay-count\">1<");
    assertThat(
            ops.post(
                    "/console/webhooks/replay-range",
                    Map.of("merchant", m, "endpoint", a, "from", from, "to", to))
                .statusCode())
        .isEqualTo(302);
    assertThat(audited(server, "replay_webhook_range", a))
        .singleElement()
        .asString()
        .contains("queued=1");

    // the overview's rate counts each attempt to each endpoint
    WebhookConsoleQueries.AttemptStats stats = console.attemptsSince(start);
    assertThat(stats.failed()).isGreaterThanOrEqualTo(2);
    assertThat(stats.succeeded()).isGreaterThanOrEqualTo(1);

    for (String bad :
        new String[] {
          "/console/webhooks?status=whatever",
          "/console/webhooks?from=yesterday",
          "/console/webhooks/replay-range?merchant=" + m + "&from=" + to + "&to=" + from,
          "/console/webhooks/replay-failed"
        }) {
      HttpResponse<String> answer = ops.get(bad);
      assertThat(answer.statusCode()).as(bad).isEqualTo(400);
      assertThat(answer.body()).as(bad).contains("<h1>").doesNotContain("Exception");
    }
  }

  private static long deliveries(
      WebhookAdminQueries admin, String merchantId, String endpointId, String status) {
    return admin
        .deliveries(
            new WebhookAdminQueries.DeliveryFilter(
                merchantId, endpointId, status, null, null, 1, 10))
        .total();
  }
}
