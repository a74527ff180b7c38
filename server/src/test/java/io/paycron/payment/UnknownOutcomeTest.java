package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A charge whose outcome the gateway did not give is neither paid nor failed until the gateway's
 * own record says so; reconciliation asks, and never charges a second time.
 */
class UnknownOutcomeTest {

  private static final Servers servers = new Servers();

  @AfterAll
  static void stop() {
    servers.close();
  }

  private record Charged(TestServer server, ApiClient api, String merchantUid, Answer answer) {}

  private static Charged chargeWith(TestDatabase database, String cardNumber) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = "cus_" + UUID.randomUUID();
    assertThat(api.postJson("/subscribe/customers/" + customerUid, Cards.card(cardNumber)).code())
        .isZero();
    String merchantUid = "ord_" + UUID.randomUUID();
    Answer answer =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 8900));
    return new Charged(server, api, merchantUid, answer);
  }

  /** The card network's charges of the payment's merchant_uid, under any attempt number. */
  private static long charges(TestServer server, String impUid) {
    String merchantUid =
        server
            .jdbc()
            .sql("SELECT merchant_uid FROM payments WHERE imp_uid = :imp")
            .param("imp", impUid)
            .query(String.class)
            .single();
    return server
        .jdbc()
        .sql("SELECT COUNT(*) FROM sandbox_charges WHERE idempotency_key LIKE :keys")
        .param("keys", "mer_sandbox:%:" + merchantUid)
        .query(Long.class)
        .single();
  }

  private static String attemptState(TestServer server, String impUid) {
    return server
        .jdbc()
        .sql("SELECT state FROM payment_attempts WHERE imp_uid = :imp")
        .param("imp", impUid)
        .query(String.class)
        .single();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void timeoutAfterTheGatewayChargedStaysReadyUntilReconciledToPaidWithoutASecondCharge(
      TestDatabase database) {
    Charged charged = chargeWith(database, Cards.TIMEOUT_CHARGED);
    TestServer server = charged.server();
    Answer answer = charged.answer();
    assertThat(answer.code()).isZero();
    String impUid = answer.response().get("imp_uid").asString();
    assertThat(answer.response().get("status").asString()).isEqualTo("ready");
    assertThat(answer.response().get("fail_reason").isNull()).isTrue();
    assertThat(attemptState(server, impUid)).isEqualTo("UNKNOWN");
    assertThat(charges(server, impUid)).isEqualTo(1);

    // while unknown, the merchant_uid cannot be charged again
    Answer retry =
        charged
            .api()
            .postJson(
                "/subscribe/payments/again",
                Map.of(
                    "customer_uid", "whoever", "merchant_uid", charged.merchantUid(), "amount", 1));
    assertThat(retry.code()).isEqualTo(1);
    Answer retrySameCustomer =
        charged
            .api()
            .postJson(
                "/subscribe/payments/onetime", withCard(Cards.APPROVE, charged.merchantUid()));
    assertThat(retrySameCustomer.code()).isEqualTo(1);
    assertThat(retrySameCustomer.message()).contains("진행 중");

    Reconciler reconciler = server.bean(Reconciler.class);
    reconciler.reconcileNow();
    Answer settled = charged.api().get("/payments/" + impUid);
    assertThat(settled.response().get("status").asString()).isEqualTo("paid");
    assertThat(settled.response().get("paid_at").asLong()).isPositive();
    assertThat(attemptState(server, impUid)).isEqualTo("APPROVED");
    assertThat(charges(server, impUid)).isEqualTo(1);

    reconciler.reconcileNow();
    assertThat(charges(server, impUid)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void timeoutWhereTheGatewayNeverChargedFailsOnlyAfterTheGatewayTimeoutAndFreesTheMerchantUid(
      TestDatabase database) {
    Charged charged = chargeWith(database, Cards.TIMEOUT_NOT_CHARGED);
    TestServer server = charged.server();
    String impUid = charged.answer().response().get("imp_uid").asString();
    assertThat(charged.answer().response().get("status").asString()).isEqualTo("ready");

    Reconciler reconciler = server.bean(Reconciler.class);
    reconciler.reconcileNow(); // too early: the charge could still be on its way
    assertThat(charged.api().get("/payments/" + impUid).response().get("status").asString())
        .isEqualTo("ready");

    server.clock().advance(Duration.ofSeconds(6)); // past paycron.gateway-timeout (5 s in tests)
    reconciler.reconcileNow();
    Answer failed = charged.api().get("/payments/" + impUid);
    assertThat(failed.response().get("status").asString()).isEqualTo("failed");
    assertThat(failed.response().get("fail_reason").asString()).isNotBlank();
    assertThat(attemptState(server, impUid)).isEqualTo("NOT_CHARGED");
    assertThat(charges(server, impUid)).isZero();

    Answer again =
        charged
            .api()
            .postJson(
                "/subscribe/payments/onetime", withCard(Cards.APPROVE, charged.merchantUid()));
    assertThat(again.response().get("status").asString()).isEqualTo("paid");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anAttemptLeftSendingByADeadNodeIsSettledFromTheGatewaysRecordNotResent(
      TestDatabase database) {
    Charged charged = chargeWith(database, Cards.TIMEOUT_CHARGED);
    TestServer server = charged.server();
    String impUid = charged.answer().response().get("imp_uid").asString();
    // what a node that died between the gateway call and recording its outcome leaves behind
    server
        .jdbc()
        .sql("UPDATE payment_attempts SET state = 'SENDING' WHERE imp_uid = :imp")
        .param("imp", impUid)
        .update();

    Reconciler reconciler = server.bean(Reconciler.class);
    reconciler.reconcileNow(); // a live node may still be sending: not touched yet
    assertThat(attemptState(server, impUid)).isEqualTo("SENDING");

    server.clock().advance(Duration.ofSeconds(11)); // twice the gateway timeout
    reconciler.reconcileNow();
    assertThat(attemptState(server, impUid)).isEqualTo("APPROVED");
    assertThat(charged.api().get("/payments/" + impUid).response().get("status").asString())
        .isEqualTo("paid");
    assertThat(charges(server, impUid)).isEqualTo(1);
  }

  /**
   * A scheduled charge the network has no record of is sent again with its key (a due charge is not
   * given up over one lost request), but at most twice more and never sooner than a gateway timeout
   * after the last send; then it fails. It used to be resent on every reconcile pass, up to 50
   * times a pass, for ever: the schedule never settled.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aScheduledChargeTheNetworkNeverRecordsIsSentThreeTimesAGatewayTimeoutApartThenFails(
      TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = "cus_" + UUID.randomUUID();
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.TIMEOUT_NOT_CHARGED));
    String merchantUid = "sch_" + UUID.randomUUID();
    Map<String, Object> item =
        Map.of(
            "merchant_uid",
            merchantUid,
            "schedule_at",
            server.clock().millis() / 1000 + 10,
            "amount",
            8900);
    assertThat(
            api.postJson(
                    "/subscribe/payments/schedule",
                    Map.of("customer_uid", customerUid, "schedules", List.of(item)))
                .code())
        .isZero();
    server.clock().advance(Duration.ofSeconds(11));
    server.bean(ScheduleExecutor.class).wake();
    String impUid =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> scheduledImpUid(api, merchantUid), id -> id != null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> attemptState(server, impUid), "UNKNOWN"::equals);

    Reconciler reconciler = server.bean(Reconciler.class);
    reconciler.reconcileNow(); // within the gateway timeout the charge may still be on its way
    assertThat(sends(server, impUid)).isEqualTo(1);
    for (int send = 2; send <= 3; send++) {
      server.clock().advance(Duration.ofSeconds(6)); // past paycron.gateway-timeout (5 s)
      reconciler.reconcileNow();
      assertThat(sends(server, impUid)).as("sent again").isEqualTo(send);
      reconciler.reconcileNow();
      assertThat(sends(server, impUid)).as("not again within a gateway timeout").isEqualTo(send);
      assertThat(api.get("/payments/" + impUid).response().get("status").asString())
          .isEqualTo("ready");
    }
    server.clock().advance(Duration.ofSeconds(6));
    reconciler.reconcileNow();
    assertThat(sends(server, impUid)).isEqualTo(3);
    assertThat(attemptState(server, impUid)).isEqualTo("NOT_CHARGED");
    assertThat(api.get("/payments/" + impUid).response().get("status").asString())
        .isEqualTo("failed");
    JsonNode schedule = api.get("/subscribe/payments/schedule/" + merchantUid).response();
    assertThat(schedule.get("payment_status").asString()).isEqualTo("failed");
    assertThat(charges(server, impUid)).isZero();
  }

  private static String scheduledImpUid(ApiClient api, String merchantUid) {
    JsonNode impUid =
        api.get("/subscribe/payments/schedule/" + merchantUid).response().get("imp_uid");
    return impUid == null || impUid.isNull() || impUid.asString().isEmpty()
        ? null
        : impUid.asString();
  }

  private static int sends(TestServer server, String impUid) {
    return server
        .jdbc()
        .sql("SELECT sends FROM payment_attempts WHERE imp_uid = :imp")
        .param("imp", impUid)
        .query(Integer.class)
        .single();
  }

  private static Map<String, Object> withCard(String number, String merchantUid) {
    Map<String, Object> body = Cards.card(number);
    body.put("merchant_uid", merchantUid);
    body.put("amount", 8900);
    return body;
  }
}
