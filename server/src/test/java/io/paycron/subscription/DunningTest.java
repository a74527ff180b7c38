package io.paycron.subscription;

import static io.paycron.subscription.TestMerchant.SEOUL;
import static io.paycron.subscription.TestMerchant.ok;
import static io.paycron.subscription.TestMerchant.seconds;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Failed subscription charges: retries by decline class, recovery, and the events on the way. */
class DunningTest {

  private static final Servers servers = new Servers();
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void softDeclinesAreRetriedOnDays1And3And5AndANewCardRecovers(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String clock = merchant.testClock(seconds("2028-03-10T10:00:00", SEOUL));
    String customer = merchant.customer(Cards.APPROVE, clock);
    String plan = merchant.plan(12000, "month", Map.of());
    // anchored now: the first period is charged before the answer
    JsonNode created = merchant.subscribe(customer, plan, null, null);
    String id = created.get("subscription_id").asString();
    assertThat(created.get("period").asInt()).isEqualTo(1);
    assertThat(merchant.schedule(id + "-p1").get("payment_status").asString()).isEqualTo("paid");

    merchant.card(customer, Cards.INSUFFICIENT_FUNDS, null);
    ok(merchant.advance(clock, seconds("2028-04-10T10:00:00", SEOUL)));
    JsonNode pastDue = merchant.subscription(id);
    assertThat(pastDue.get("status").asString()).isEqualTo("past_due");
    assertThat(pastDue.get("next_merchant_uid").asString()).isEqualTo(id + "-p2-r1");
    assertThat(pastDue.get("next_billing_at").asLong())
        .isEqualTo(seconds("2028-04-11T10:00:00", SEOUL));

    ok(merchant.advance(clock, seconds("2028-04-15T12:00:00", SEOUL)));
    // the first charge failed on Apr 10; retries on days 1, 3 and 5 after it, each failed
    String[][] attempts = {
      {id + "-p2", "2028-04-10T10:00:00"},
      {id + "-p2-r1", "2028-04-11T10:00:00"},
      {id + "-p2-r2", "2028-04-13T10:00:00"},
      {id + "-p2-r3", "2028-04-15T10:00:00"},
    };
    for (String[] attempt : attempts) {
      JsonNode schedule = merchant.schedule(attempt[0]);
      assertThat(schedule.get("schedule_at").asLong()).isEqualTo(seconds(attempt[1], SEOUL));
      assertThat(schedule.get("payment_status").asString()).as(attempt[0]).isEqualTo("failed");
      assertThat(schedule.get("amount").asLong()).isEqualTo(12000);
      JsonNode payment = merchant.payment(schedule.get("imp_uid").asString());
      assertThat(payment.get("status").asString()).isEqualTo("failed");
      assertThat(payment.get("fail_reason").asString()).contains("insufficient_funds");
      assertThat(payment.get("failed_at").asLong()).isEqualTo(seconds(attempt[1], SEOUL));
    }
    JsonNode waiting = merchant.subscription(id);
    assertThat(waiting.get("status").asString()).isEqualTo("past_due");
    assertThat(waiting.get("failed_attempts").asInt()).isEqualTo(4);
    assertThat(waiting.get("next_merchant_uid").asString()).isEqualTo(id + "-p2-r4");
    assertThat(waiting.get("next_billing_at").asLong())
        .isEqualTo(seconds("2028-04-17T10:00:00", SEOUL)); // day 7

    // the customer updates the card: the period is charged again at once, and recovers
    merchant.card(customer, Cards.APPROVE, null);
    JsonNode recovered = merchant.subscription(id);
    assertThat(recovered.get("status").asString()).isEqualTo("active");
    assertThat(recovered.get("period").asInt()).isEqualTo(2);
    assertThat(recovered.get("current_period_start").asLong())
        .isEqualTo(seconds("2028-04-10T10:00:00", SEOUL));
    assertThat(recovered.get("current_period_end").asLong())
        .isEqualTo(seconds("2028-05-10T10:00:00", SEOUL));
    assertThat(recovered.get("next_merchant_uid").asString()).isEqualTo(id + "-p3");
    JsonNode retried = merchant.schedule(id + "-p2-r4");
    assertThat(retried.get("payment_status").asString()).isEqualTo("paid");
    assertThat(retried.get("schedule_at").asLong())
        .isEqualTo(seconds("2028-04-15T12:00:00", SEOUL));

    // day 7 passes: nothing more is charged for April
    ok(merchant.advance(clock, seconds("2028-04-20T10:00:00", SEOUL)));
    assertThat(merchant.schedulesOf(customer)).hasSize(7); // p1, p2, r1..r4, p3
    assertThat(merchant.schedulesOf(customer).get(6).get("schedule_status").asString())
        .isEqualTo("scheduled");

    List<String> expected =
        List.of(
            "subscription.created",
            "subscription.renewed",
            "subscription.past_due",
            "subscription.payment_failed",
            "subscription.payment_failed",
            "subscription.payment_failed",
            "subscription.recovered");
    merchant.awaitEvents(id, expected.size());
    List<JsonNode> events = merchant.subscriptionEvents(id);
    assertThat(events.stream().map(e -> e.get("type").asString()))
        .containsExactlyElementsOf(expected);
    JsonNode firstFailure = events.get(2);
    assertThat(firstFailure.get("merchant_uid").asString()).isEqualTo(id + "-p2");
    assertThat(firstFailure.get("status").asString()).isEqualTo("failed");
    assertThat(firstFailure.get("decline_code").asString()).isEqualTo("insufficient_funds");
    assertThat(firstFailure.get("decline_class").asString()).isEqualTo("soft");
    assertThat(firstFailure.get("next_retry_at").asLong())
        .isEqualTo(seconds("2028-04-11T10:00:00", SEOUL));
    assertThat(events.get(6).get("merchant_uid").asString()).isEqualTo(id + "-p2-r4");
    assertThat(events.get(6).get("subscription").get("status").asString()).isEqualTo("active");
    // each event carries the version the change made; they never repeat
    assertThat(events.stream().map(e -> e.get("subscription").get("version").asLong()).distinct())
        .hasSize(expected.size());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStolenCardIsNotRetriedAndCancelsWhenThePolicySaysSo(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String clock = merchant.testClock(seconds("2028-06-01T09:00:00", SEOUL));
    String customer = merchant.customer(Cards.APPROVE, clock);
    String plan =
        merchant.plan(5000, "month", Map.of("retry_policy", Map.of("on_hard_decline", "canceled")));
    String id = merchant.subscribe(customer, plan, null, null).get("subscription_id").asString();

    merchant.card(customer, Cards.STOLEN, null);
    ok(merchant.advance(clock, seconds("2028-07-20T09:00:00", SEOUL)));

    JsonNode canceled = merchant.subscription(id);
    assertThat(canceled.get("status").asString()).isEqualTo("canceled");
    assertThat(canceled.get("canceled_at").asLong())
        .isEqualTo(seconds("2028-07-01T09:00:00", SEOUL));
    assertThat(canceled.get("next_billing_at").asLong()).isZero();
    List<JsonNode> schedules = merchant.schedulesOf(customer);
    assertThat(schedules.stream().map(s -> s.get("merchant_uid").asString()))
        .containsExactly(id + "-p1", id + "-p2"); // no retry was booked
    assertThat(schedules.get(1).get("payment_status").asString()).isEqualTo("failed");
    assertThat(
            merchant
                .payment(schedules.get(1).get("imp_uid").asString())
                .get("fail_reason")
                .asString())
        .contains("stolen_card");

    List<String> expected =
        List.of("subscription.created", "subscription.renewed", "subscription.canceled");
    merchant.awaitEvents(id, expected.size());
    List<JsonNode> events = merchant.subscriptionEvents(id);
    assertThat(events.stream().map(e -> e.get("type").asString()))
        .containsExactlyElementsOf(expected);
    assertThat(events.get(2).get("decline_class").asString()).isEqualTo("hard");
    assertThat(events.get(2).get("next_retry_at").asLong()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void byDefaultAHardDeclineIsPastDueUntilTheMerchantChargesWithAgain(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String clock = merchant.testClock(seconds("2028-06-01T09:00:00", SEOUL));
    String customer = merchant.customer(Cards.STOLEN, clock);
    String plan = merchant.plan(5000, "month", Map.of());
    JsonNode created = merchant.subscribe(customer, plan, null, null);
    String id = created.get("subscription_id").asString();
    assertThat(created.get("status").asString()).isEqualTo("past_due");
    assertThat(created.get("next_billing_at").asLong()).isZero();

    ok(merchant.advance(clock, seconds("2028-06-20T09:00:00", SEOUL)));
    assertThat(merchant.schedulesOf(customer)).hasSize(1); // not retried

    // the merchant's own code charges the period's merchant_uid again, i'mport style (here on
    // another card of the customer's): the paid payment pays the period
    String backup = merchant.customer(Cards.APPROVE, clock);
    JsonNode paid =
        ok(
            merchant.api.postJson(
                "/subscribe/payments/again",
                Map.of(
                    "customer_uid",
                    backup,
                    "merchant_uid",
                    id + "-p1",
                    "amount",
                    5000,
                    "name",
                    "June")));
    assertThat(paid.get("status").asString()).isEqualTo("paid");
    assertThat(paid.get("paid_at").asLong()).isEqualTo(seconds("2028-06-20T09:00:00", SEOUL));
    JsonNode recovered = merchant.subscription(id);
    assertThat(recovered.get("status").asString()).isEqualTo("active");
    assertThat(recovered.get("period").asInt()).isEqualTo(1);
    assertThat(recovered.get("next_merchant_uid").asString()).isEqualTo(id + "-p2");
    assertThat(recovered.get("next_billing_at").asLong())
        .isEqualTo(seconds("2028-07-01T09:00:00", SEOUL));
    merchant.awaitEvents(id, 3);
    assertThat(merchant.eventTypes(id))
        .containsExactly("subscription.created", "subscription.past_due", "subscription.recovered");
  }
}
