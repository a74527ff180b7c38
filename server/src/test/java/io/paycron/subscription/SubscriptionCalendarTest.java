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
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** When subscriptions bill, on a test clock, over real HTTP, on SQLite and PostgreSQL. */
class SubscriptionCalendarTest {

  private static final Servers servers = new Servers();
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anchoredOnJanuary31stBillsThirteenExactMonthEndsInThirteenMonths(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String clock = merchant.testClock(seconds("2028-01-31T08:00:00", SEOUL));
    String customer = merchant.customer(Cards.APPROVE, clock);
    String plan =
        merchant.plan(9900, "month", Map.of("name_template", "{plan} #{period} {start}~{end}"));
    JsonNode created =
        merchant.subscribe(customer, plan, seconds("2028-01-31T09:00:00", SEOUL), null);
    String id = created.get("subscription_id").asString();
    assertThat(created.get("status").asString()).isEqualTo("active");
    assertThat(created.get("time_zone").asString()).isEqualTo("Asia/Seoul");
    assertThat(created.get("next_merchant_uid").asString()).isEqualTo(id + "-p1");
    assertThat(merchant.schedule(id + "-p1").get("schedule_status").asString())
        .isEqualTo("scheduled");

    long started = System.nanoTime();
    JsonNode advanced = ok(merchant.advance(clock, seconds("2029-02-28T08:00:00", SEOUL)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "13 months of monthly billing on a test clock (%s): %d ms%n", database, took.toMillis());
    assertThat(advanced.get("frozen_time").asLong())
        .isEqualTo(seconds("2029-02-28T08:00:00", SEOUL));
    assertThat(advanced.get("status").asString()).isEqualTo("ready");

    // written out, not computed: month ends clamp (Feb 29 in 2028) and do not drift (Mar 31)
    String[] days = {
      "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31", "2028-06-30",
      "2028-07-31", "2028-08-31", "2028-09-30", "2028-10-31", "2028-11-30", "2028-12-31",
      "2029-01-31"
    };
    List<JsonNode> schedules = merchant.schedulesOf(customer);
    assertThat(schedules).hasSize(14);
    for (int i = 0; i < days.length; i++) {
      String merchantUid = id + "-p" + (i + 1);
      long at = seconds(days[i] + "T09:00:00", SEOUL);
      JsonNode schedule = schedules.get(i);
      assertThat(schedule.get("merchant_uid").asString()).isEqualTo(merchantUid);
      assertThat(schedule.get("schedule_at").asLong()).as(merchantUid).isEqualTo(at);
      assertThat(schedule.get("schedule_status").asString()).isEqualTo("executed");
      assertThat(schedule.get("payment_status").asString()).isEqualTo("paid");
      assertThat(schedule.get("amount").asLong()).isEqualTo(9900);
      assertThat(schedule.get("executed_at").asLong()).isEqualTo(at);
      JsonNode payment = merchant.payment(schedule.get("imp_uid").asString());
      assertThat(payment.get("merchant_uid").asString()).isEqualTo(merchantUid);
      assertThat(payment.get("status").asString()).isEqualTo("paid");
      assertThat(payment.get("amount").asLong()).isEqualTo(9900);
      assertThat(payment.get("paid_at").asLong()).isEqualTo(at);
      assertThat(payment.get("customer_uid").asString()).isEqualTo(customer);
      String end = i + 1 < days.length ? days[i + 1] : "2029-02-28";
      assertThat(payment.get("name").asString())
          .isEqualTo("Basic #" + (i + 1) + " " + days[i] + "~" + end);
    }
    JsonNode next = schedules.get(13);
    assertThat(next.get("merchant_uid").asString()).isEqualTo(id + "-p14");
    assertThat(next.get("schedule_at").asLong()).isEqualTo(seconds("2029-02-28T09:00:00", SEOUL));
    assertThat(next.get("schedule_status").asString()).isEqualTo("scheduled");

    JsonNode subscription = merchant.subscription(id);
    assertThat(subscription.get("status").asString()).isEqualTo("active");
    assertThat(subscription.get("period").asInt()).isEqualTo(13);
    assertThat(subscription.get("current_period_start").asLong())
        .isEqualTo(seconds("2029-01-31T09:00:00", SEOUL));
    assertThat(subscription.get("current_period_end").asLong())
        .isEqualTo(seconds("2029-02-28T09:00:00", SEOUL));
    assertThat(subscription.get("next_billing_at").asLong())
        .isEqualTo(seconds("2029-02-28T09:00:00", SEOUL));
    List<String> expected = new ArrayList<>(List.of("subscription.created"));
    for (int i = 0; i < 13; i++) {
      expected.add("subscription.renewed");
    }
    merchant.awaitEvents(id, expected.size());
    assertThat(merchant.eventTypes(id)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void billsAtTheSameLocalTimeAcrossDaylightSavingChanges(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    ZoneId newYork = ZoneId.of("America/New_York");
    String clock = merchant.testClock(seconds("2027-03-01T08:00:00", newYork));
    String customer = merchant.customer(Cards.APPROVE, clock);
    String plan = merchant.plan(1500, "month", Map.of());
    String id =
        merchant
            .subscribe(customer, plan, seconds("2027-03-01T09:00:00", newYork), "America/New_York")
            .get("subscription_id")
            .asString();
    ok(merchant.advance(clock, seconds("2027-12-01T10:00:00", newYork)));
    // 09:00 in New York is 14:00 UTC in winter (EST) and 13:00 UTC in summer (EDT)
    long[] expectedUtc = {
      java.time.Instant.parse("2027-03-01T14:00:00Z").getEpochSecond(),
      java.time.Instant.parse("2027-04-01T13:00:00Z").getEpochSecond(),
      java.time.Instant.parse("2027-11-01T13:00:00Z").getEpochSecond(),
      java.time.Instant.parse("2027-12-01T14:00:00Z").getEpochSecond(),
    };
    int[] periods = {1, 2, 9, 10};
    for (int i = 0; i < periods.length; i++) {
      JsonNode schedule = merchant.schedule(id + "-p" + periods[i]);
      assertThat(schedule.get("schedule_at").asLong()).isEqualTo(expectedUtc[i]);
      assertThat(schedule.get("payment_status").asString()).isEqualTo("paid");
    }
    assertThat(merchant.schedulesOf(customer)).hasSize(11); // 10 paid, December's next scheduled
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void concurrentAdvancesOfOneClockBillEachPeriodOnce(TestDatabase database) throws Exception {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    long start = seconds("2027-06-01T00:00:00", SEOUL);
    String clock = merchant.testClock(start);
    String customer = merchant.customer(Cards.APPROVE, clock);
    String plan = merchant.plan(700, "day", Map.of());
    String id =
        merchant.subscribe(customer, plan, start + 3600, null).get("subscription_id").asString();
    long target = start + Duration.ofDays(40).toSeconds();
    List<CompletableFuture<Answer>> advances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      advances.add(CompletableFuture.supplyAsync(() -> merchant.advance(clock, target)));
    }
    List<Answer> answers = new ArrayList<>();
    for (CompletableFuture<Answer> advance : advances) {
      answers.add(advance.get());
    }
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 409));
    assertThat(answers).anySatisfy(a -> assertThat(a.status()).isEqualTo(200));
    answers.stream()
        .filter(a -> a.status() == 409)
        .forEach(a -> assertThat(a.message()).contains("is advancing"));
    // whichever advance ran, the clock reaches the target once nobody is advancing it
    ok(merchant.advance(clock, target));

    // 40 days from 01:00 on day 0: periods 1..40 are due, each charged exactly once
    List<Map<String, Object>> perUid =
        server
            .jdbc()
            .sql(
                "SELECT merchant_uid, COUNT(*) AS n FROM payments WHERE customer_uid = :c"
                    + " GROUP BY merchant_uid")
            .param("c", customer)
            .query()
            .listOfRows();
    assertThat(perUid)
        .hasSize(40)
        .allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
    Long charged =
        server
            .jdbc()
            .sql(
                "SELECT COUNT(*) FROM sandbox_charges WHERE token = (SELECT gateway_token FROM"
                    + " billing_keys WHERE customer_uid = :c)")
            .param("c", customer)
            .query(Long.class)
            .single();
    assertThat(charged).isEqualTo(40);
    assertThat(merchant.subscription(id).get("period").asInt()).isEqualTo(40);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTestClockMovesOnlyItsOwnCustomers(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant a = new TestMerchant(server, receiver);
    TestMerchant b = new TestMerchant(server, receiver);
    long now = server.clock().millis() / 1000;
    String clock = a.testClock(now);
    String onClock = a.customer(Cards.APPROVE, clock);
    String aOnWall = a.customer(Cards.APPROVE, null);
    String bOnWall = b.customer(Cards.APPROVE, null);
    String planA = a.plan(1000, "month", Map.of());
    String planB = b.plan(1000, "month", Map.of());
    String clocked =
        a.subscribe(onClock, planA, now + 3600, null).get("subscription_id").asString();
    String wallA = a.subscribe(aOnWall, planA, now + 3600, null).get("subscription_id").asString();
    String wallB = b.subscribe(bOnWall, planB, now + 3600, null).get("subscription_id").asString();

    ok(a.advance(clock, now + Duration.ofDays(100).toSeconds()));

    assertThat(a.subscription(clocked).get("period").asInt()).isEqualTo(4);
    assertThat(a.schedule(wallA + "-p1").get("schedule_status").asString()).isEqualTo("scheduled");
    assertThat(b.schedule(wallB + "-p1").get("schedule_status").asString()).isEqualTo("scheduled");
    assertThat(a.subscription(wallA).get("period").asInt()).isZero();
    // another merchant's clock is a missing one
    Answer foreign = b.advance(clock, now + Duration.ofDays(200).toSeconds());
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(b.api.get("/paycron/v1/test_clocks/" + clock).status()).isEqualTo(404);
    assertThat(a.subscription(clocked).get("period").asInt()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void onTheServersOwnClockTheSchedulerBillsAndThePeriodEndCancels(TestDatabase database) {
    TestServer server = servers.on(database);
    TestMerchant merchant = new TestMerchant(server, receiver);
    String customer = merchant.customer(Cards.APPROVE, null);
    String plan = merchant.plan(3300, "day", Map.of());
    long anchor = server.clock().millis() / 1000 + 60;
    String id = merchant.subscribe(customer, plan, anchor, "UTC").get("subscription_id").asString();
    assertThat(merchant.schedule(id + "-p1").get("schedule_status").asString())
        .isEqualTo("scheduled");

    server.clock().advance(Duration.ofSeconds(61));
    server.bean(io.paycron.schedule.ScheduleExecutor.class).wake();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> merchant.subscription(id).get("period").asInt() == 1);
    JsonNode paid = merchant.schedule(id + "-p1");
    assertThat(paid.get("payment_status").asString()).isEqualTo("paid");
    assertThat(merchant.schedule(id + "-p2").get("schedule_at").asLong())
        .isEqualTo(anchor + Duration.ofDays(1).toSeconds());

    JsonNode ending =
        ok(
            merchant.api.postJson(
                "/paycron/v1/subscriptions/" + id + "/cancel", Map.of("at_period_end", true)));
    assertThat(ending.get("cancel_at").asLong()).isEqualTo(anchor + Duration.ofDays(1).toSeconds());
    assertThat(merchant.schedule(id + "-p2").get("schedule_status").asString())
        .isEqualTo("revoked");
    server.clock().advance(Duration.ofDays(1));
    merchant.login(); // the token expired a day ago
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> merchant.subscription(id).get("status").asString().equals("canceled"));
    assertThat(merchant.subscription(id).get("canceled_at").asLong())
        .isEqualTo(anchor + Duration.ofDays(1).toSeconds());
    assertThat(merchant.schedulesOf(customer)).hasSize(2);
    merchant.awaitEvents(id, 4);
    assertThat(merchant.eventTypes(id))
        .containsExactly(
            "subscription.created",
            "subscription.renewed",
            "subscription.updated",
            "subscription.canceled");
  }
}
