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
 * A merchant configured for Toss Payments (pointing at a stateful stub of its API over HTTP): the
 * billing key is issued there, a schedule charges it, a partial refund goes there, and a charge
 * whose answer times out is reconciled to the stub's truth without a second charge.
 */
class TossPaymentsEndToEndTest {

  private static final String ADMIN_TOKEN = "admin-" + Secrets.randomHex(24);
  private static FakeTossPayments toss;
  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    toss = new FakeTossPayments(4_000);
    server =
        TestServer.start(
            TestDatabase.POSTGRES,
            Map.of("paycron.admin-token", ADMIN_TOKEN, "paycron.gateway-timeout", "2"));
    api =
        ConfiguredMerchant.create(
                server,
                ADMIN_TOKEN,
                "Toss shop",
                "tosspayments",
                "{\"provider\":\"tosspayments\",\"base_url\":\""
                    + toss.baseUrl()
                    + "\",\"default\":true,\"credentials\":{\"secret_key\":\"test_sk_e2e\"}}")
            .api();
  }

  @AfterAll
  static void stop() {
    server.close();
    toss.close();
  }

  @Test
  void aBillingKeyIsIssuedChargedBySchedulePartiallyRefundedAndATimeoutReconciledOnce() {
    // the billing key: issued at PortOne, with its auth scheme; the card number never stored
    Answer key = api.postJson("/subscribe/customers/toss_customer", Cards.card(Cards.APPROVE));
    assertThat(key.code()).as(key.toString()).isZero();
    assertThat(key.response().get("pg_provider").asString()).isEqualTo("tosspayments");
    assertThat(key.response().get("card_number").asString()).isEqualTo("42424242****424*");
    ProviderStub.Seen issue = toss.seen().get(0);
    assertThat(issue.method() + " " + issue.path())
        .isEqualTo("POST /v1/billing/authorizations/card");
    assertThat(issue.headers().get("authorization"))
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        "test_sk_e2e:".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(issue.body().path("cardNumber").asString()).isEqualTo("4242424242424242");

    // a schedule charges it at PortOne
    long at = server.clock().millis() / 1000 + 10;
    Answer scheduled =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                "toss_customer",
                "schedules",
                List.of(
                    Map.of("merchant_uid", "toss_order_1", "schedule_at", at, "amount", 9900))));
    assertThat(scheduled.code()).as(scheduled.toString()).isZero();
    server.clock().advance(Duration.ofSeconds(11));
    server.bean(ScheduleExecutor.class).wake();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "paid"
                    .equals(
                        api.get("/subscribe/payments/schedule/toss_order_1")
                            .response()
                            .path("payment_status")
                            .asString()));
    String impUid =
        api.get("/subscribe/payments/schedule/toss_order_1").response().get("imp_uid").asString();
    Answer paid = api.get("/payments/" + impUid);
    assertThat(paid.response().get("pg_provider").asString()).isEqualTo("tosspayments");
    String paymentKey = paid.response().get("pg_tid").asString();
    String orderId = toss.orderIds().get(0);
    assertThat(toss.chargeRequestsFor(orderId)).isEqualTo(1);
    ProviderStub.Seen charge =
        toss.seen().stream()
            .filter(s -> s.path().startsWith("/v1/billing/bk_"))
            .findFirst()
            .orElseThrow();
    assertThat(charge.headers().get("idempotency-key")).isEqualTo(orderId);
    assertThat(charge.body().path("amount").asLong()).isEqualTo(9900);

    // a partial refund at PortOne
    Answer refund =
        api.postJson(
            "/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000, "reason", "partial"));
    assertThat(refund.code()).as(refund.toString()).isZero();
    assertThat(refund.response().get("cancel_amount").asLong()).isEqualTo(3000);
    assertThat(refund.response().get("status").asString()).isEqualTo("paid");
    assertThat(
            toss.seen().stream()
                .filter(s -> s.path().equals("/v1/payments/" + paymentKey + "/cancel"))
                .map(s -> s.body().path("cancelAmount").asLong()))
        .containsExactly(3000L);

    // the answer to a charge times out after PortOne charged: ready, then reconciled to paid
    toss.answerNextChargeLate();
    Answer unknown =
        api.postJson(
            "/subscribe/payments/again",
            Map.of(
                "customer_uid", "toss_customer", "merchant_uid", "toss_order_2", "amount", 5000));
    assertThat(unknown.code()).as(unknown.toString()).isZero();
    assertThat(unknown.response().get("status").asString()).isEqualTo("ready");
    String lateImpUid = unknown.response().get("imp_uid").asString();
    server.clock().advance(Duration.ofSeconds(10));
    server.bean(Reconciler.class).reconcileNow();
    Answer settled = api.get("/payments/" + lateImpUid);
    assertThat(settled.response().get("status").asString()).isEqualTo("paid");
    assertThat(toss.orderIds()).hasSize(2);
    String lateOrderId =
        toss.orderIds().stream().filter(id -> !id.equals(orderId)).findFirst().orElseThrow();
    assertThat(toss.chargeRequestsFor(lateOrderId)).as("charge requests").isEqualTo(1);
    assertThat(settled.response().get("pg_tid").asString()).startsWith("tpk_");
  }
}
