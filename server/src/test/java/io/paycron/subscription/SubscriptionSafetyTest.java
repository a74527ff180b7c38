package io.paycron.subscription;

import static io.paycron.subscription.TestMerchant.SEOUL;
import static io.paycron.subscription.TestMerchant.ok;
import static io.paycron.subscription.TestMerchant.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** What must never happen to a subscription's money: a second charge, or one after its end. */
class SubscriptionSafetyTest {

  private static final Servers servers = new Servers();
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  /** A clock at 2028-03-10 10:00 KST, a customer on it, subscribed to 8,000 KRW now. */
  private record Started(String clock, String customer, String id) {}

  private static Started start(TestMerchant merchant, String card, String interval) {
    String clock = merchant.testClock(seconds("2028-03-10T10:00:00", SEOUL));
    String customer = merchant.customer(card, clock);
    String plan = merchant.plan(8000, interval, Map.of());
    return new Started(
        clock,
        customer,
        merchant.subscribe(customer, plan, null, null).get("subscription_id").asString());
  }

  private static long paidCharges(TestServer server, String customerUid) {
    return server
        .jdbc()
        .sql("SELECT COUNT(*) FROM payments WHERE customer_uid = :c AND status = 'PAID'")
        .param("c", customerUid)
        .query(Long.class)
        .single();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aPeriodPaidWithAgainRevokesItsBookedRetry(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    Started started = start(merchant, Cards.INSUFFICIENT_FUNDS, "month");
    String clock = started.clock();
    String customer = started.customer();
    String id = started.id();
    assertThat(merchant.subscription(id).get("next_merchant_uid").asString())
        .isEqualTo(id + "-p1-r1");

    String backup = merchant.customer(Cards.APPROVE, clock);
    ok(
        merchant.api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", backup, "merchant_uid", id + "-p1", "amount", 8000)));
    assertThat(merchant.schedule(id + "-p1-r1").get("schedule_status").asString())
        .isEqualTo("revoked");
    ok(merchant.advance(clock, seconds("2028-03-20T10:00:00", SEOUL)));
    assertThat(paidCharges(server, customer) + paidCharges(server, backup)).isEqualTo(1);
    assertThat(merchant.subscription(id).get("status").asString()).isEqualTo("active");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void nothingIsChargedAfterACancellationAtPeriodEndEvenAfterPauseAndResume(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    Started started = start(merchant, Cards.APPROVE, "week");
    String clock = started.clock();
    String customer = started.customer();
    String id = started.id();
    String base = "/paycron/v1/subscriptions/" + id;
    ok(merchant.api.postJson(base + "/cancel", Map.of("at_period_end", true)));
    ok(merchant.api.postJson(base + "/pause", Map.of()));
    JsonNode resumed = ok(merchant.api.postJson(base + "/resume", Map.of()));
    assertThat(resumed.get("next_billing_at").asLong()).isZero();
    ok(merchant.advance(clock, seconds("2028-04-10T10:00:00", SEOUL)));
    assertThat(paidCharges(server, customer)).isEqualTo(1);
    assertThat(merchant.subscription(id).get("status").asString()).isEqualTo("canceled");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void periodsThatEndedUnpaidAreSkippedNotChargedInABurst(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    Started started = start(merchant, Cards.APPROVE, "month");
    String clock = started.clock();
    String customer = started.customer();
    String id = started.id();
    merchant.card(customer, Cards.INSUFFICIENT_FUNDS, null);
    ok(merchant.advance(clock, seconds("2028-07-20T10:00:00", SEOUL)));
    assertThat(merchant.subscription(id).get("status").asString()).isEqualTo("unpaid");

    merchant.card(customer, Cards.APPROVE, null);
    // April's debt is collected, and the period running now (Jul 10 - Aug 10); May and June,
    // which ended while unpaid, are not charged
    List<String> paid =
        merchant.schedulesOf(customer).stream()
            .filter(s -> "paid".equals(s.get("payment_status").asString()))
            .map(s -> s.get("merchant_uid").asString())
            .toList();
    assertThat(paid).containsExactlyInAnyOrder(id + "-p1", id + "-p2-r5", id + "-p5");
    JsonNode recovered = merchant.subscription(id);
    assertThat(recovered.get("period").asInt()).isEqualTo(5);
    assertThat(recovered.get("next_billing_at").asLong())
        .isEqualTo(seconds("2028-08-10T10:00:00", SEOUL));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theV1EndpointsDoNotChangeASubscriptionsChargesBehindItsBack(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    Started started = start(merchant, Cards.APPROVE, "month");
    String customer = started.customer();
    String id = started.id();
    String next = id + "-p2";
    long at = seconds("2028-05-01T10:00:00", SEOUL);
    for (Answer refused :
        List.of(
            merchant.api.send(
                "PUT",
                "/subscribe/payments/schedule/" + next,
                "application/json",
                "{\"schedule_at\":" + at + "}"),
            merchant.api.postJson("/subscribe/payments/schedule/" + id + "-p1/retry", Map.of()),
            merchant.api.postJson(
                "/subscribe/payments/unschedule",
                Map.of("customer_uid", customer, "merchant_uid", List.of(next))))) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.message()).contains("subscription " + id);
    }
    assertThat(merchant.schedule(next).get("schedule_status").asString()).isEqualTo("scheduled");
    // nor can a schedule of the merchant's own take a merchant_uid of the subscription's future
    Answer reserved =
        merchant.api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                customer,
                "schedules",
                List.of(Map.of("merchant_uid", id + "-p7", "schedule_at", at, "amount", 1000))));
    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(400);
    assertThat(reserved.message()).contains("reserved");

    // revoking all of the customer's schedules pauses the subscription instead of leaving it
    // waiting for a charge that will not come
    ok(merchant.api.postJson("/subscribe/payments/unschedule", Map.of("customer_uid", customer)));
    JsonNode paused = merchant.subscription(id);
    assertThat(paused.get("status").asString()).isEqualTo("paused");
    assertThat(paused.get("next_billing_at").asLong()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSubscriptionWhoseReactionToAPaymentFailedIsRepairedLater(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String customer = merchant.customer(Cards.APPROVE, null);
    String plan = merchant.plan(4400, "day", Map.of());
    long anchor = server.clock().millis() / 1000 + 60;
    String id = merchant.subscribe(customer, plan, anchor, "UTC").get("subscription_id").asString();
    // the plan vanishes for a moment: the subscription cannot react to its paid charge, but the
    // payment is recorded all the same
    server
        .jdbc()
        .sql("UPDATE plans SET plan_id = 'hidden' WHERE plan_id = :p")
        .param("p", plan)
        .update();
    server.clock().advance(java.time.Duration.ofSeconds(61));
    server.bean(io.paycron.schedule.ScheduleExecutor.class).wake();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .until(() -> "paid".equals(merchant.schedule(id + "-p1").get("payment_status").asString()));
    assertThat(merchant.subscription(id).get("period").asInt()).isZero();
    server
        .jdbc()
        .sql("UPDATE plans SET plan_id = :p WHERE plan_id = 'hidden'")
        .param("p", plan)
        .update();

    server.clock().advance(java.time.Duration.ofSeconds(122)); // the repair looks once a minute
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .until(() -> merchant.subscription(id).get("period").asInt() == 1);
    assertThat(merchant.subscription(id).get("next_merchant_uid").asString()).isEqualTo(id + "-p2");
    assertThat(paidCharges(server, customer)).isEqualTo(1);
  }
}
