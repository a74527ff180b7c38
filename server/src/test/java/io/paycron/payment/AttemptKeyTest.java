package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.merchant.SandboxMerchant;
import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TableRows;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A charge's idempotency key is made of the merchant's order id and how many times it failed
 * before, so charging a failed merchant_uid again is a new charge, and running a schedule again
 * after its payment vanished (a restored backup) is the same one: the card network answers it from
 * memory instead of charging again.
 */
class AttemptKeyTest {

  private static final Servers servers = new Servers();
  private static final String MERCHANT = SandboxMerchant.MERCHANT_ID;

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String unique(String prefix) {
    // a ':' inside a merchant_uid must not confuse the key
    return prefix + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String customer(ApiClient api, String card) {
    String uid = unique("cus");
    assertThat(api.postJson("/subscribe/customers/" + uid, Cards.card(card)).code()).isZero();
    return uid;
  }

  private static Answer again(ApiClient api, String customerUid, String merchantUid) {
    return api.postJson(
        "/subscribe/payments/again",
        Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 5000));
  }

  private static String keyOf(JdbcClient jdbc, String impUid) {
    return jdbc.sql("SELECT idempotency_key FROM payment_attempts WHERE imp_uid = :imp")
        .param("imp", impUid)
        .query(String.class)
        .single();
  }

  /** The card network's charges under these keys: key, outcome, transaction id. */
  private static List<String> networkCharges(JdbcClient jdbc, List<String> keys) {
    return jdbc.sql(
            "SELECT idempotency_key || ' ' || outcome || ' ' || transaction_id FROM"
                + " sandbox_charges WHERE idempotency_key IN (:keys) ORDER BY idempotency_key")
        .param("keys", keys)
        .query(String.class)
        .list();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void chargingAFailedMerchantUidAgainIsItsSecondAttemptWithANewKey(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.INSUFFICIENT_FUNDS);
    String merchantUid = unique("order");
    Answer declined = again(api, customerUid, merchantUid);
    assertThat(declined.response().get("status").asString()).isEqualTo("failed");

    assertThat(
            api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    Answer paid = again(api, customerUid, merchantUid);
    assertThat(paid.response().get("status").asString()).isEqualTo("paid");
    Answer spent = again(api, customerUid, merchantUid);
    assertThat(spent.code()).isEqualTo(1);

    String first = Payment.idempotencyKey(MERCHANT, 1, merchantUid);
    String second = Payment.idempotencyKey(MERCHANT, 2, merchantUid);
    JdbcClient jdbc = server.jdbc();
    assertThat(keyOf(jdbc, declined.response().get("imp_uid").asString())).isEqualTo(first);
    assertThat(keyOf(jdbc, paid.response().get("imp_uid").asString())).isEqualTo(second);
    List<String> charges = networkCharges(jdbc, List.of(first, second));
    assertThat(charges).hasSize(2);
    assertThat(charges.get(0)).startsWith(first + " declined ");
    assertThat(charges.get(1))
        .isEqualTo(second + " approved " + paid.response().get("pg_tid").asString());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aChargeTheGatewayNeverSawGivesItsNumberBackSoTheNextChargeTakesItsKey(
      TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.TIMEOUT_NOT_CHARGED);
    String merchantUid = unique("order");
    Answer lost = again(api, customerUid, merchantUid);
    String lostImpUid = lost.response().get("imp_uid").asString();
    String first = Payment.idempotencyKey(MERCHANT, 1, merchantUid);
    assertThat(keyOf(server.jdbc(), lostImpUid)).isEqualTo(first);

    // the reconciler finds that the network never charged it: failed, and its key is given back
    server.clock().advance(Duration.ofSeconds(30));
    server.bean(Reconciler.class).reconcileNow();
    assertThat(api.get("/payments/" + lostImpUid).response().get("status").asString())
        .isEqualTo("failed");
    assertThat(keyOf(server.jdbc(), lostImpUid)).isEqualTo(first + "~" + lostImpUid);

    assertThat(
            api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    Answer paid = again(api, customerUid, merchantUid);
    assertThat(paid.response().get("status").asString()).isEqualTo("paid");
    // the same number: a backup from before both (or the lost request arriving late) meets the
    // key the network charged, never a fresh one
    assertThat(keyOf(server.jdbc(), paid.response().get("imp_uid").asString())).isEqualTo(first);
    assertThat(networkCharges(server.jdbc(), List.of(first)))
        .containsExactly(first + " approved " + paid.response().get("pg_tid").asString());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aScheduleRunAgainAfterItsPaymentVanishedGetsItsFirstAnswerWithoutANewCharge(
      TestDatabase database) throws SQLException {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String approved = unique("monthly");
    String declined = unique("monthly");
    long at = server.clock().millis() / 1000 + 60;
    for (var schedule :
        Map.of(approved, Cards.APPROVE, declined, Cards.INSUFFICIENT_FUNDS).entrySet()) {
      Answer created =
          api.postJson(
              "/subscribe/payments/schedule",
              Map.of(
                  "customer_uid",
                  customer(api, schedule.getValue()),
                  "schedules",
                  List.of(
                      Map.of(
                          "merchant_uid", schedule.getKey(), "schedule_at", at, "amount", 9900))));
      assertThat(created.code()).as(created.toString()).isZero();
    }
    DataSource store = server.bean(DataSource.class);
    TableRows schedulesBefore;
    TableRows queueBefore;
    try (Connection c = store.getConnection()) {
      String mine = "merchant_id = ? AND merchant_uid IN (?, ?)";
      schedulesBefore = TableRows.read(c, "schedules", mine, MERCHANT, approved, declined);
      queueBefore = TableRows.read(c, "schedule_queue", mine, MERCHANT, approved, declined);
    }
    assertThat(queueBefore.size()).isEqualTo(2);

    server.clock().advance(Duration.ofSeconds(61));
    TwoPayments firstRun = executed(server, api, approved, declined);
    assertThat(firstRun.approved().get("status").asString()).isEqualTo("paid");
    assertThat(firstRun.declined().get("status").asString()).isEqualTo("failed");

    // what a backup from before the run brings back: the schedules due, no payments; the card
    // network is not restored and remembers both charges
    JdbcClient jdbc = server.jdbc();
    long chargesBefore = countCharges(jdbc);
    try (Connection c = store.getConnection()) {
      c.setAutoCommit(false);
      execute(
          c,
          "DELETE FROM payment_attempts WHERE merchant_id = ? AND imp_uid IN (SELECT imp_uid"
              + " FROM payments WHERE merchant_id = ? AND merchant_uid IN (?, ?))",
          MERCHANT,
          MERCHANT,
          approved,
          declined);
      String mine = " WHERE merchant_id = ? AND merchant_uid IN (?, ?)";
      execute(c, "DELETE FROM payments" + mine, MERCHANT, approved, declined);
      execute(c, "DELETE FROM schedules" + mine, MERCHANT, approved, declined);
      schedulesBefore.insertInto(c);
      queueBefore.insertInto(c);
      c.commit();
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM payments WHERE merchant_uid IN (:uids)")
                .param("uids", List.of(approved, declined))
                .query(Long.class)
                .single())
        .isZero();

    TwoPayments secondRun = executed(server, api, approved, declined);
    // new payments (new imp_uids), answered by the first charges: same transaction, same decline
    assertThat(secondRun.approved().get("imp_uid").asString())
        .isNotEqualTo(firstRun.approved().get("imp_uid").asString());
    assertThat(secondRun.approved().get("status").asString()).isEqualTo("paid");
    assertThat(secondRun.approved().get("pg_tid").asString())
        .isEqualTo(firstRun.approved().get("pg_tid").asString());
    assertThat(secondRun.declined().get("status").asString()).isEqualTo("failed");
    assertThat(secondRun.declined().get("fail_reason").asString())
        .isEqualTo(firstRun.declined().get("fail_reason").asString());
    String approvedKey = Payment.idempotencyKey(MERCHANT, 1, approved);
    String declinedKey = Payment.idempotencyKey(MERCHANT, 1, declined);
    assertThat(keyOf(jdbc, secondRun.approved().get("imp_uid").asString())).isEqualTo(approvedKey);
    assertThat(keyOf(jdbc, secondRun.declined().get("imp_uid").asString())).isEqualTo(declinedKey);
    assertThat(countCharges(jdbc)).as("card network charges").isEqualTo(chargesBefore);
  }

  private static long countCharges(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM sandbox_charges").query(Long.class).single();
  }

  private static void execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  /** The two schedules' payments once both were executed, as the API shows them. */
  private record TwoPayments(JsonNode approved, JsonNode declined) {}

  private static TwoPayments executed(
      TestServer server, ApiClient api, String approved, String declined) {
    server.bean(ScheduleExecutor.class).wake();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                List.of(approved, declined).stream()
                    .allMatch(
                        uid ->
                            "executed"
                                .equals(
                                    api.get("/subscribe/payments/schedule/" + uid)
                                        .response()
                                        .get("schedule_status")
                                        .asString())));
    return new TwoPayments(payment(api, approved), payment(api, declined));
  }

  private static JsonNode payment(ApiClient api, String merchantUid) {
    String impUid =
        api.get("/subscribe/payments/schedule/" + merchantUid).response().get("imp_uid").asString();
    return api.get("/payments/" + impUid).response();
  }
}
