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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Changing a subscription: plan, card, pause, resume, cancel; and the input refused. */
class SubscriptionLifecycleTest {

  private static final Servers servers = new Servers();
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void planAndCardChangesTakeEffectNextPeriodAndPauseSkipsPeriods(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String clock = merchant.testClock(seconds("2028-01-15T09:00:00", SEOUL));
    String customer = merchant.customer(Cards.APPROVE, clock);
    String basic = merchant.plan(10000, "month", Map.of());
    String pro = merchant.plan(25000, "month", Map.of());
    String id = merchant.subscribe(customer, basic, null, null).get("subscription_id").asString();

    // plan change: the current period stays basic, the next one is charged as pro
    JsonNode changed = put(merchant, id, Map.of("plan_id", pro));
    assertThat(changed.get("plan_id").asString()).isEqualTo(basic);
    assertThat(changed.get("next_plan_id").asString()).isEqualTo(pro);
    assertThat(merchant.schedule(id + "-p2").get("amount").asLong()).isEqualTo(25000);
    ok(merchant.advance(clock, seconds("2028-02-15T10:00:00", SEOUL)));
    JsonNode onPro = merchant.subscription(id);
    assertThat(onPro.get("plan_id").asString()).isEqualTo(pro);
    assertThat(onPro.get("next_plan_id").isNull()).isTrue();
    assertThat(merchant.schedule(id + "-p2").get("payment_status").asString()).isEqualTo("paid");

    // card change: the next charge goes to the other customer_uid's billing key
    String other = merchant.customer(Cards.APPROVE, clock);
    assertThat(put(merchant, id, Map.of("customer_uid", other)).get("customer_uid").asString())
        .isEqualTo(other);
    ok(merchant.advance(clock, seconds("2028-03-15T10:00:00", SEOUL)));
    JsonNode third = merchant.schedule(id + "-p3");
    assertThat(third.get("customer_uid").asString()).isEqualTo(other);
    assertThat(merchant.payment(third.get("imp_uid").asString()).get("amount").asLong())
        .isEqualTo(25000);

    // pause: nothing is charged; resume: billing restarts at the next boundary (Jun 15)
    assertThat(
            ok(merchant.api.postJson("/paycron/v1/subscriptions/" + id + "/pause", Map.of()))
                .get("status")
                .asString())
        .isEqualTo("paused");
    assertThat(merchant.schedule(id + "-p4").get("schedule_status").asString())
        .isEqualTo("revoked");
    ok(merchant.advance(clock, seconds("2028-05-20T09:00:00", SEOUL)));
    JsonNode resumed =
        ok(merchant.api.postJson("/paycron/v1/subscriptions/" + id + "/resume", Map.of()));
    assertThat(resumed.get("status").asString()).isEqualTo("active");
    assertThat(resumed.get("next_merchant_uid").asString()).isEqualTo(id + "-p6");
    assertThat(resumed.get("next_billing_at").asLong())
        .isEqualTo(seconds("2028-06-15T09:00:00", SEOUL));
    ok(merchant.advance(clock, seconds("2028-06-16T09:00:00", SEOUL)));
    assertThat(merchant.subscription(id).get("period").asInt()).isEqualTo(6);
    assertThat(merchant.schedule(id + "-p4").get("schedule_status").asString())
        .isEqualTo("revoked");
    assertThat(merchant.api.get("/subscribe/payments/schedule/" + id + "-p5").status())
        .isEqualTo(404);

    // cancel at period end: no further charge, canceled when the period ends
    JsonNode ending =
        ok(
            merchant.api.postJson(
                "/paycron/v1/subscriptions/" + id + "/cancel", Map.of("at_period_end", true)));
    assertThat(ending.get("status").asString()).isEqualTo("active");
    assertThat(ending.get("cancel_at_period_end").asBoolean()).isTrue();
    assertThat(ending.get("cancel_at").asLong()).isEqualTo(seconds("2028-07-15T09:00:00", SEOUL));
    assertThat(merchant.schedule(id + "-p7").get("schedule_status").asString())
        .isEqualTo("revoked");
    ok(merchant.advance(clock, seconds("2028-09-01T09:00:00", SEOUL)));
    JsonNode canceled = merchant.subscription(id);
    assertThat(canceled.get("status").asString()).isEqualTo("canceled");
    assertThat(canceled.get("canceled_at").asLong())
        .isEqualTo(seconds("2028-07-15T09:00:00", SEOUL));
    List<String> expected =
        List.of(
            "subscription.created",
            "subscription.renewed",
            "subscription.updated",
            "subscription.renewed",
            "subscription.updated",
            "subscription.renewed",
            "subscription.paused",
            "subscription.resumed",
            "subscription.renewed",
            "subscription.updated",
            "subscription.canceled");
    merchant.awaitEvents(id, expected.size());
    assertThat(merchant.eventTypes(id)).containsExactlyElementsOf(expected);

    // a canceled subscription does not change
    long version = canceled.get("version").asLong();
    for (Answer refused :
        List.of(
            merchant.api.postJson("/paycron/v1/subscriptions/" + id + "/resume", Map.of()),
            merchant.api.postJson("/paycron/v1/subscriptions/" + id + "/pause", Map.of()),
            merchant.api.postJson("/paycron/v1/subscriptions/" + id + "/cancel", Map.of()),
            merchant.api.send(
                "PUT",
                "/paycron/v1/subscriptions/" + id,
                "application/json",
                "{\"plan_id\":\"" + basic + "\"}"))) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.message()).contains("canceled");
    }
    assertThat(merchant.subscription(id).get("version").asLong()).isEqualTo(version);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void badInputIsRefusedClearlyAndChangesNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    long now = seconds("2028-01-15T09:00:00", SEOUL);
    String clock = merchant.testClock(now);
    String customer = merchant.customer(Cards.APPROVE, clock);
    String plan = merchant.plan(1000, "month", Map.of());

    refused(
        merchant.api.postJson("/paycron/v1/plans", planBody(Map.of("interval_count", 0))),
        400,
        "interval_count");
    refused(
        merchant.api.postJson("/paycron/v1/plans", planBody(Map.of("interval_count", -3))),
        400,
        "interval_count");
    refused(
        merchant.api.postJson("/paycron/v1/plans", planBody(Map.of("interval", "fortnight"))),
        400,
        "interval");
    refused(
        merchant.api.postJson("/paycron/v1/plans", planBody(Map.of("amount", 0))), 400, "amount");
    refused(
        merchant.api.postJson(
            "/paycron/v1/plans",
            planBody(Map.of("retry_policy", Map.of("soft_retry_days", List.of(3, 1))))),
        400,
        "soft_retry_days");
    refused(
        merchant.api.postJson(
            "/paycron/v1/plans",
            planBody(Map.of("retry_policy", Map.of("after_retries", "active")))),
        400,
        "after_retries");
    Map<String, Object> duplicate = planBody(Map.of());
    duplicate.put("plan_id", plan);
    refused(merchant.api.postJson("/paycron/v1/plans", duplicate), 409, "exists");
    assertThat(ok(merchant.api.get("/paycron/v1/plans/" + plan)).get("amount").asLong())
        .isEqualTo(1000);

    refused(subscribe(merchant, customer, "no_such_plan", Map.of()), 400, "plan_id");
    refused(
        subscribe(merchant, customer, plan, Map.of("time_zone", "Mars/Olympus")), 400, "time_zone");
    refused(subscribe(merchant, "nobody", plan, Map.of()), 400, "customer_uid");
    refused(subscribe(merchant, customer, plan, Map.of("anchor_at", "soon")), 400, "anchor_at");
    refused(
        subscribe(merchant, customer, plan, Map.of("subscription_id", "has space")),
        400,
        "subscription_id");
    assertThat(merchant.schedulesOf(customer)).isEmpty();
    assertThat(ok(merchant.api.get("/paycron/v1/subscriptions?customer_uid=" + customer)))
        .isEmpty();

    refused(merchant.advance(clock, now - 1), 400, "only moves forward");
    refused(merchant.advance("clock_missing", now + 10), 404, "test clock");
    refused(
        merchant.api.postJson("/paycron/v1/test_clocks/" + clock + "/advance", Map.of()),
        400,
        "frozen_time");
    assertThat(ok(merchant.api.get("/paycron/v1/test_clocks/" + clock)).get("frozen_time").asLong())
        .isEqualTo(now);
    refused(merchant.api.get("/paycron/v1/subscriptions/sub_missing"), 404, "not found");

    // a billing key with an unknown clock is not issued
    Map<String, Object> card = Cards.card(Cards.APPROVE);
    card.put("test_clock_id", "clock_missing");
    refused(merchant.api.postJson("/subscribe/customers/lost", card), 404, "test clock");
    assertThat(merchant.api.get("/subscribe/customers/lost").status()).isEqualTo(404);
  }

  private static Map<String, Object> planBody(Map<String, Object> override) {
    Map<String, Object> body = new HashMap<>();
    body.put("plan_id", TestMerchant.unique("plan"));
    body.put("name", "Bad");
    body.put("amount", 1000);
    body.put("interval", "month");
    body.putAll(override);
    return body;
  }

  private static Answer subscribe(
      TestMerchant merchant, String customer, String plan, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("customer_uid", customer);
    body.put("plan_id", plan);
    return merchant.api.postJson("/paycron/v1/subscriptions", body);
  }

  private static void refused(Answer answer, int status, String mentions) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.code()).as(answer.toString()).isNotZero();
    assertThat(answer.message()).as(answer.toString()).contains(mentions);
  }

  private static JsonNode put(TestMerchant merchant, String id, Map<String, Object> body) {
    return ok(
        merchant.api.send(
            "PUT",
            "/paycron/v1/subscriptions/" + id,
            "application/json",
            tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body)));
  }
}
