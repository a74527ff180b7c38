package io.paycron.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.common.Secrets;
import io.paycron.payment.Reconciler;
import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A merchant configured for PortOne V2 (pointing at a stateful stub of its API over HTTP): the
 * billing key is issued there, a schedule charges it, a partial refund goes there, and a charge
 * whose answer times out is reconciled to the stub's truth without a second charge.
 */
class PortOneEndToEndTest {

  private static final String ADMIN_TOKEN = "admin-" + Secrets.randomHex(24);
  private static FakePortOne portOne;
  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    portOne = new FakePortOne(4_000);
    server =
        TestServer.start(
            TestDatabase.POSTGRES,
            Map.of("paycron.admin-token", ADMIN_TOKEN, "paycron.gateway-timeout", "2"));
    api =
        ConfiguredMerchant.create(
                server,
                ADMIN_TOKEN,
                "PortOne shop",
                "portone_v2",
                "{\"provider\":\"portone_v2\",\"base_url\":\""
                    + portOne.baseUrl()
                    + "\",\"default\":true,\"credentials\":{\"api_secret\":\"po_secret_1\","
                    + "\"store_id\":\"store-1\",\"channel_key\":\"channel-key-1\"}}")
            .api();
  }

  @AfterAll
  static void stop() {
    server.close();
    portOne.close();
  }

  @Test
  void aBillingKeyIsIssuedChargedBySchedulePartiallyRefundedAndATimeoutReconciledOnce() {
    // the billing key: issued at PortOne, with its auth scheme; the card number never stored
    Answer key = api.postJson("/subscribe/customers/po_customer", Cards.card(Cards.APPROVE));
    assertThat(key.code()).as(key.toString()).isZero();
    assertThat(key.response().get("pg_provider").asString()).isEqualTo("portone_v2");
    assertThat(key.response().get("card_number").asString()).isEqualTo("42424242****4242");
    ProviderStub.Seen issue =
        portOne.seen().stream()
            .filter(
                s ->
                    s.path().equals("/billing-keys")
                        && s.body().path("storeId").asString().equals("store-1"))
            .findFirst()
            .orElseThrow();
    assertThat(issue.method() + " " + issue.path()).isEqualTo("POST /billing-keys");
    assertThat(issue.authorization()).isEqualTo("PortOne po_secret_1");
    assertThat(issue.body().path("storeId").asString()).isEqualTo("store-1");
    assertThat(issue.body().path("channelKey").asString()).isEqualTo("channel-key-1");

    // a schedule charges it at PortOne
    long at = server.clock().millis() / 1000 + 10;
    Answer scheduled =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                "po_customer",
                "schedules",
                List.of(Map.of("merchant_uid", "po_order_1", "schedule_at", at, "amount", 9900))));
    assertThat(scheduled.code()).as(scheduled.toString()).isZero();
    server.clock().advance(Duration.ofSeconds(11));
    server.bean(ScheduleExecutor.class).wake();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "paid"
                    .equals(
                        api.get("/subscribe/payments/schedule/po_order_1")
                            .response()
                            .path("payment_status")
                            .asString()));
    String impUid =
        api.get("/subscribe/payments/schedule/po_order_1").response().get("imp_uid").asString();
    Answer paid = api.get("/payments/" + impUid);
    assertThat(paid.response().get("pg_provider").asString()).isEqualTo("portone_v2");
    String paymentId = paid.response().get("pg_tid").asString();
    assertThat(portOne.chargeRequestsFor(paymentId)).isEqualTo(1);

    // a partial refund at PortOne
    Answer refund =
        api.postJson(
            "/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000, "reason", "partial"));
    assertThat(refund.code()).as(refund.toString()).isZero();
    assertThat(refund.response().get("cancel_amount").asLong()).isEqualTo(3000);
    assertThat(refund.response().get("status").asString()).isEqualTo("paid");
    assertThat(
            portOne.seen().stream()
                .filter(s -> s.path().equals("/payments/" + paymentId + "/cancel"))
                .map(s -> s.body().path("amount").asLong()))
        .containsExactly(3000L);

    // the answer to a charge times out after PortOne charged: ready, then reconciled to paid
    portOne.answerNextChargeLate();
    Answer unknown =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", "po_customer", "merchant_uid", "po_order_2", "amount", 5000));
    assertThat(unknown.code()).as(unknown.toString()).isZero();
    assertThat(unknown.response().get("status").asString()).isEqualTo("ready");
    String lateImpUid = unknown.response().get("imp_uid").asString();
    server.clock().advance(Duration.ofSeconds(10));
    server.bean(Reconciler.class).reconcileNow();
    Answer settled = api.get("/payments/" + lateImpUid);
    assertThat(settled.response().get("status").asString()).isEqualTo("paid");
    String latePaymentId = settled.response().get("pg_tid").asString();
    assertThat(portOne.chargeRequestsFor(latePaymentId)).as("charge requests").isEqualTo(1);
    assertThat(portOne.paymentIds()).contains(paymentId, latePaymentId);
  }

  @Test
  void aChargeWhoseConfigurationWasRemovedStaysUnknownUntilItIsBack() {
    ApiClient admin = new ApiClient(server.baseUrl(), "Bearer " + ADMIN_TOKEN);
    Answer created = admin.postJson("/paycron/admin/v1/merchants", Map.of("name", "two MIDs"));
    String merchantId = created.response().get("merchant_id").asString();
    String gateways = "/paycron/admin/v1/merchants/" + merchantId + "/gateways/";
    String config =
        "{\"provider\":\"portone_v2\",\"base_url\":\""
            + portOne.baseUrl()
            + "\",\"credentials\":{\"api_secret\":\"po_secret_a\","
            + "\"store_id\":\"store-a\",\"channel_key\":\"channel-key-a\"}}";
    assertThat(
            admin.send("PUT", gateways + "portone_v2.store_a", "application/json", config).code())
        .isZero();
    // another account of the same provider: never asked about store_a's charges
    assertThat(
            admin
                .send(
                    "PUT",
                    gateways + "portone_v2",
                    "application/json",
                    config.replace("_a", "_b").replace("-a", "-b"))
                .code())
        .isZero();
    ApiClient merchant =
        ApiClient.login(
            server.baseUrl(),
            created.response().get("imp_key").asString(),
            created.response().get("imp_secret").asString());
    Map<String, Object> card = new java.util.HashMap<>(Cards.card(Cards.APPROVE));
    card.put("pg", "portone_v2.store_a");
    assertThat(merchant.postJson("/subscribe/customers/two_mid_customer", card).code()).isZero();
    portOne.answerNextChargeLate();
    Answer unknown =
        merchant.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", "two_mid_customer", "merchant_uid", "two_mid_1", "amount", 700));
    assertThat(unknown.response().get("status").asString()).isEqualTo("ready");
    String impUid = unknown.response().get("imp_uid").asString();

    assertThat(admin.delete(gateways + "portone_v2.store_a").code()).isZero();
    server.clock().advance(Duration.ofSeconds(10));
    server.bean(Reconciler.class).reconcileNow();
    // not asked of store_b, not taken for "never charged": still waiting for its own account
    assertThat(merchant.get("/payments/" + impUid).response().get("status").asString())
        .isEqualTo("ready");
    Answer refund = merchant.postJson("/payments/cancel", Map.of("imp_uid", impUid));
    assertThat(refund.code()).isNotZero();

    assertThat(
            admin.send("PUT", gateways + "portone_v2.store_a", "application/json", config).code())
        .isZero();
    server.clock().advance(Duration.ofSeconds(10));
    server.bean(Reconciler.class).reconcileNow();
    Answer paid = merchant.get("/payments/" + impUid);
    assertThat(paid.response().get("status").asString()).isEqualTo("paid");
    assertThat(portOne.chargeRequestsFor(paid.response().get("pg_tid").asString())).isEqualTo(1);
    assertThat(
            portOne.seen().stream()
                .filter(s -> "PortOne po_secret_b".equals(s.authorization()))
                .count())
        .as("requests made with the other account's secret")
        .isZero();
  }
}
