package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhooks for again/onetime and cancels follow API.md §6's rules. */
class PaymentWebhooksTest {

  private static final Servers servers = new Servers();
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void againNotifiesOnlyWithANoticeUrlAndCancelOnlyWithEnableWebhook(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("notices");
    String path = "/notice/" + UUID.randomUUID();
    String defaultPath = "/default/" + UUID.randomUUID();
    api.send(
        "PUT",
        "/paycron/v1/webhook",
        "application/json",
        "{\"url\":\"" + receiver.url(defaultPath) + "\"}");
    String customerUid = "cus_" + UUID.randomUUID();
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));

    // again without notice_url: recorded, not sent (a merchant's own call does not call it back)
    String silent =
        api.postJson(
                "/subscribe/payments/again",
                Map.of(
                    "customer_uid",
                    customerUid,
                    "merchant_uid",
                    "s_" + UUID.randomUUID(),
                    "amount",
                    100))
            .response()
            .get("imp_uid")
            .asString();
    // again with notice_url: sent there
    Map<String, Object> noticed =
        new HashMap<>(
            Map.of(
                "customer_uid",
                customerUid,
                "merchant_uid",
                "n_" + UUID.randomUUID(),
                "amount",
                200));
    noticed.put("notice_url", receiver.url(path));
    String impUid =
        api.postJson("/subscribe/payments/again", noticed).response().get("imp_uid").asString();
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 1);
    WebhookReceiver.Received received = receiver.receivedOn(path).get(0);
    assertThat(received.headers().get("paycron-event-type")).isEqualTo("payment.paid");
    JsonNode body = JsonMapper.shared().readTree(received.body());
    assertThat(body.get("imp_uid").asString()).isEqualTo(impUid);
    assertThat(
            api.get("/paycron/v1/events?object_id=" + silent)
                .response()
                .get(0)
                .get("status")
                .asString())
        .isEqualTo("no_url");

    // a cancel without enable_webhook is recorded only; with it, it is sent
    api.postJson("/payments/cancel", Map.of("imp_uid", silent));
    api.postJson(
        "/payments/cancel", Map.of("imp_uid", impUid, "amount", 50, "enable_webhook", true));
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 2);
    JsonNode cancelled = JsonMapper.shared().readTree(receiver.receivedOn(path).get(1).body());
    assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
    assertThat(cancelled.get("cancellation_id").asString()).startsWith("cncl_");
    assertThat(api.get("/paycron/v1/events?object_id=" + silent).response().size()).isEqualTo(2);
    assertThat(receiver.receivedOn(defaultPath)).isEmpty();
  }
}
