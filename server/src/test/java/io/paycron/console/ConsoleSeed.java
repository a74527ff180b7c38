package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The browser test's data, made through the merchant API of the sandbox merchant. */
final class ConsoleSeed {

  private ConsoleSeed() {}

  record Data(
      String endpointId,
      String paidImpUid,
      String failedImpUid,
      String pendingUid,
      String customerUid,
      String subscriptionId) {}

  /**
   * A paid payment, a failed one whose webhook the receiver refused (at its notice_url and at an
   * endpoint that keeps failing), a pending schedule, a subscription.
   */
  static Data seed(TestServer server, ApiClient api, WebhookReceiver receiver) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String endpointId =
        ok(api.postJson(
                "/paycron/v1/webhook_endpoints",
                Map.of(
                    "url",
                    receiver.url("/endpoint/" + id),
                    "event_types",
                    List.of("payment.*"),
                    "description",
                    "Billing system")))
            .get("endpoint_id")
            .asString();
    String customerUid = "cus_ok_" + id;
    String stolen = "cus_stolen_" + id;
    ok(api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)));
    ok(api.postJson("/subscribe/customers/" + stolen, Cards.card(Cards.STOLEN)));
    String paidImpUid =
        ok(api.postJson(
                "/subscribe/payments/again",
                Map.of(
                    "customer_uid",
                    customerUid,
                    "merchant_uid",
                    "paid_" + id,
                    "amount",
                    8900,
                    "name",
                    "Monthly plan")))
            .get("imp_uid")
            .asString();
    String failedImpUid =
        ok(api.postJson(
                "/subscribe/payments/again",
                Map.of(
                    "customer_uid",
                    stolen,
                    "merchant_uid",
                    "failed_" + id,
                    "amount",
                    4900,
                    "name",
                    "Monthly plan",
                    "notice_url",
                    receiver.url("/hooks/" + id))))
            .get("imp_uid")
            .asString();
    String pendingUid = "next_" + id;
    ok(
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                customerUid,
                "schedules",
                List.of(
                    Map.of(
                        "merchant_uid",
                        pendingUid,
                        "schedule_at",
                        server.clock().millis() / 1000 + 3600,
                        "amount",
                        8900)))));
    ok(
        api.postJson(
            "/paycron/v1/plans",
            Map.of(
                "plan_id", "basic_" + id, "name", "Basic", "amount", 8900, "interval", "month")));
    String subscriptionId = "sub_" + id;
    ok(
        api.postJson(
            "/paycron/v1/subscriptions",
            Map.of(
                "subscription_id",
                subscriptionId,
                "customer_uid",
                customerUid,
                "plan_id",
                "basic_" + id,
                "anchor_at",
                server.clock().millis() / 1000 + 86_400)));
    // the receiver refused the failed payment's webhook once: it waits for its retry
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !receiver.receivedOn("/hooks/" + id).isEmpty()
                    && server
                        .bean(io.paycron.webhook.WebhookAdminQueries.class)
                        .endpoints(null, false)
                        .stream()
                        .allMatch(e -> e.failingSince() != null));
    return new Data(endpointId, paidImpUid, failedImpUid, pendingUid, customerUid, subscriptionId);
  }

  private static tools.jackson.databind.JsonNode ok(ApiClient.Answer answer) {
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response();
  }
}
