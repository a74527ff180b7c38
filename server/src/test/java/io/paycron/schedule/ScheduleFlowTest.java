package io.paycron.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import io.paycron.webhook.WebhookSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** i'mport's scheduled payments over real HTTP, on SQLite and PostgreSQL. */
class ScheduleFlowTest {

  private static final Servers servers = new Servers();
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  private static final List<String> SCHEDULE_KEYS =
      List.of(
          "customer_uid",
          "merchant_uid",
          "imp_uid",
          "customer_id",
          "pg_provider",
          "pg_id",
          "schedule_at",
          "executed_at",
          "revoked_at",
          "amount",
          "currency",
          "name",
          "buyer_name",
          "buyer_email",
          "buyer_tel",
          "buyer_addr",
          "buyer_postcode",
          "custom_data",
          "schedule_status",
          "payment_status",
          "fail_reason",
          "promotion_id");

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static long nowSeconds(TestServer server) {
    return server.clock().millis() / 1000;
  }

  private static Map<String, Object> item(String merchantUid, long at, long amount) {
    Map<String, Object> item = new HashMap<>();
    item.put("merchant_uid", merchantUid);
    item.put("schedule_at", at);
    item.put("amount", amount);
    item.put("name", "월간 이용권");
    return item;
  }

  private static String customer(ApiClient api, String card) {
    String uid = unique("cus");
    Map<String, Object> body = Cards.card(card);
    body.put("customer_name", "홍길동");
    assertThat(api.postJson("/subscribe/customers/" + uid, body).code()).isZero();
    return uid;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void chargesAtScheduleAtAndSendsASignedV1Webhook(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.APPROVE);
    String merchantUid = unique("order_monthly");
    String path = "/callback/" + merchantUid;
    Map<String, Object> schedule = item(merchantUid, nowSeconds(server) + 60, 8900);
    schedule.put("notice_url", receiver.url(path));
    Answer created =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of("customer_uid", customerUid, "schedules", List.of(schedule)));
    assertThat(created.code()).as(created.toString()).isZero();
    JsonNode stored = created.response().get(0);
    assertThat(stored.propertyNames()).containsExactlyInAnyOrderElementsOf(SCHEDULE_KEYS);
    assertThat(stored.get("schedule_status").asString()).isEqualTo("scheduled");
    assertThat(stored.get("imp_uid").isNull()).isTrue();
    assertThat(stored.get("payment_status").isNull()).isTrue();
    assertThat(stored.get("executed_at").asLong()).isZero();
    assertThat(stored.get("buyer_name").asString()).isEqualTo("홍길동");

    // not yet due: nothing happens
    server.bean(ScheduleExecutor.class).runOnce();
    assertThat(receiver.receivedOn(path)).isEmpty();

    server.clock().advance(Duration.ofSeconds(61));
    server.bean(ScheduleExecutor.class).wake();
    await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.receivedOn(path).isEmpty());

    WebhookReceiver.Received webhook = receiver.receivedOn(path).get(0);
    JsonNode body = tools.jackson.databind.json.JsonMapper.shared().readTree(webhook.body());
    assertThat(body.propertyNames()).containsExactly("imp_uid", "merchant_uid", "status");
    assertThat(body.get("merchant_uid").asString()).isEqualTo(merchantUid);
    assertThat(body.get("status").asString()).isEqualTo("paid");
    assertThat(webhook.headers().get("paycron-event-type")).isEqualTo("schedule.executed");
    String secret = api.get("/paycron/v1/webhook").response().get("secret").asString();
    assertThat(webhook.headers().get("webhook-signature"))
        .contains(
            WebhookSigner.sign(
                secret,
                webhook.headers().get("webhook-id"),
                Long.parseLong(webhook.headers().get("webhook-timestamp")),
                webhook.body()));

    String impUid = body.get("imp_uid").asString();
    JsonNode payment = api.get("/payments/" + impUid).response();
    assertThat(payment.get("status").asString()).isEqualTo("paid");
    assertThat(payment.get("customer_uid_usage").asString()).isEqualTo("payment.scheduled");
    assertThat(payment.get("amount").asLong()).isEqualTo(8900);
    JsonNode after = api.get("/subscribe/payments/schedule/" + merchantUid).response();
    assertThat(after.get("schedule_status").asString()).isEqualTo("executed");
    assertThat(after.get("payment_status").asString()).isEqualTo("paid");
    assertThat(after.get("imp_uid").asString()).isEqualTo(impUid);
    assertThat(after.get("executed_at").asLong()).isPositive();

    // the delivery log shows the event and its successful attempt
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                "delivered"
                    .equals(
                        api.get("/paycron/v1/events?object_id=" + impUid)
                            .response()
                            .get(0)
                            .get("status")
                            .asString()));
    JsonNode event = api.get("/paycron/v1/events?object_id=" + impUid).response().get(0);
    assertThat(event.get("attempts").get(0).get("status_code").asInt()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void refusesABadBatchWholeAndStoresNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.APPROVE);
    long future = nowSeconds(server) + 3600;
    String good = unique("good");
    List<Object[]> cases = new ArrayList<>();
    cases.add(
        new Object[] {
          List.of(item(good, future, 1000), item(unique("past"), nowSeconds(server) - 1, 1000)),
          200,
          "past"
        });
    cases.add(
        new Object[] {List.of(item(good, future, 1000), item(good, future + 1, 1000)), 200, good});
    cases.add(new Object[] {List.of(item(good, future, 0)), 400, "amount"});
    cases.add(new Object[] {List.of(item(good, future, -5)), 400, "amount"});
    Map<String, Object> malformed = item(good, future, 1000);
    malformed.put("schedule_at", "tomorrow");
    cases.add(new Object[] {List.of(malformed), 400, "schedule_at"});
    cases.add(new Object[] {List.of(), 400, "schedules"});
    for (Object[] c : cases) {
      Answer answer =
          api.postJson(
              "/subscribe/payments/schedule",
              Map.of("customer_uid", customerUid, "schedules", c[0]));
      assertThat(answer.status()).as(answer.toString()).isEqualTo((int) c[1]);
      assertThat(answer.code()).isEqualTo(1);
      assertThat(answer.message()).contains((String) c[2]);
    }
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(item("many_" + i, future, 1000));
    }
    Answer tooManyAnswer =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of("customer_uid", customerUid, "schedules", tooMany));
    assertThat(tooManyAnswer.status()).isEqualTo(400);
    assertThat(tooManyAnswer.message()).contains("1000");

    assertThat(api.get("/subscribe/payments/schedule/" + good).status()).isEqualTo(404);
    assertThat(
            api.get("/subscribe/customers/" + customerUid + "/schedules")
                .response()
                .get("total")
                .asLong())
        .isZero();

    // an unknown customer without card data
    Answer unknown =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                unique("nobody"),
                "schedules",
                List.of(item(unique("x"), future, 1000))));
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.message()).isEqualTo("등록된 고객정보가 없습니다.");

    // a merchant_uid that is already scheduled
    assertThat(
            api.postJson(
                    "/subscribe/payments/schedule",
                    Map.of(
                        "customer_uid",
                        customerUid,
                        "schedules",
                        List.of(item(good, future, 1000))))
                .code())
        .isZero();
    Answer again =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of("customer_uid", customerUid, "schedules", List.of(item(good, future, 1000))));
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.message()).contains(good);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void issuesTheBillingKeyFromCardDataInTheScheduleCall(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = unique("new_customer");
    Map<String, Object> body = new HashMap<>(Cards.card(Cards.APPROVE));
    body.put("customer_uid", customerUid);
    body.put("schedules", List.of(item(unique("first"), nowSeconds(server) + 100, 5000)));
    assertThat(api.postJson("/subscribe/payments/schedule", body).code()).isZero();
    assertThat(
            api.get("/subscribe/customers/" + customerUid).response().get("card_number").asString())
        .isEqualTo("42424242****4242");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void unschedulesOneSomeOrAllAndListsWithFilters(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.APPROVE);
    long base = nowSeconds(server) + 1000;
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> uids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      uids.add(unique("u" + i));
      items.add(item(uids.get(i), base + i, 1000 + i));
    }
    assertThat(api.postForm("/subscribe/payments/schedule", form(customerUid, items)).code())
        .isZero();

    Answer page =
        api.get(
            "/subscribe/payments/schedule?schedule_from="
                + base
                + "&schedule_to="
                + (base + 5)
                + "&limit=2&sorting=scheduled");
    assertThat(page.response().get("total").asLong()).isEqualTo(5);
    assertThat(page.response().get("next").asInt()).isEqualTo(2);
    assertThat(page.response().get("previous").asInt()).isZero();
    assertThat(page.response().get("list").get(0).get("merchant_uid").asString())
        .isEqualTo(uids.get(0));
    assertThat(api.get("/subscribe/payments/schedule").status()).isEqualTo(400);

    Answer one =
        api.postJson(
            "/subscribe/payments/unschedule",
            Map.of("customer_uid", customerUid, "merchant_uid", uids.get(0)));
    assertThat(one.response().size()).isEqualTo(1);
    assertThat(one.response().get(0).get("schedule_status").asString()).isEqualTo("revoked");
    assertThat(one.response().get(0).get("revoked_at").asLong()).isPositive();
    Answer some =
        api.postJson(
            "/subscribe/payments/unschedule",
            Map.of("customer_uid", customerUid, "merchant_uid", List.of(uids.get(1), uids.get(2))));
    assertThat(some.response().size()).isEqualTo(2);
    Answer invalid =
        api.postJson(
            "/subscribe/payments/unschedule",
            Map.of("customer_uid", customerUid, "merchant_uid", List.of(Map.of())));
    assertThat(invalid.status()).isEqualTo(400);
    Answer byStatus =
        api.get(
            "/subscribe/payments/schedule/customers/" + customerUid + "?schedule-status=scheduled");
    assertThat(byStatus.response().get("total").asLong()).isEqualTo(2);
    Answer all =
        api.postJson(
            "/subscribe/payments/unschedule",
            Map.of("customer_uid", customerUid, "merchant_uid", List.of()));
    assertThat(all.response().size()).isEqualTo(2);
    Answer nothing =
        api.postJson("/subscribe/payments/unschedule", Map.of("customer_uid", customerUid));
    assertThat(nothing.code()).isEqualTo(1);
    assertThat(nothing.message()).isEqualTo("취소할 예약결제 기록이 존재하지 않습니다.");
    assertThat(
            api.get("/subscribe/customers/" + customerUid + "/schedules?schedule_status=revoked")
                .response()
                .get("total")
                .asLong())
        .isEqualTo(5);
  }

  private static Map<String, String> form(String customerUid, List<Map<String, Object>> items) {
    Map<String, String> form = new HashMap<>();
    form.put("customer_uid", customerUid);
    for (int i = 0; i < items.size(); i++) {
      for (Map.Entry<String, Object> field : items.get(i).entrySet()) {
        form.put("schedules[" + i + "][" + field.getKey() + "]", String.valueOf(field.getValue()));
      }
    }
    return form;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void movesReschedulesAndRetriesAFailedSchedule(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.INSUFFICIENT_FUNDS);
    String merchantUid = unique("declined");
    long at = nowSeconds(server) + 100;
    api.postJson(
        "/subscribe/payments/schedule",
        Map.of("customer_uid", customerUid, "schedules", List.of(item(merchantUid, at, 7000))));

    Answer moved =
        api.send(
            "PUT",
            "/subscribe/payments/schedule/" + merchantUid,
            "application/json",
            "{\"schedule_at\":" + (at + 100) + "}");
    assertThat(moved.response().get("schedule_at").asLong()).isEqualTo(at + 100);
    Answer past =
        api.send(
            "PUT",
            "/subscribe/payments/schedule/" + merchantUid,
            "application/json",
            "{\"schedule_at\": 1}");
    assertThat(past.status()).isEqualTo(400);

    server.clock().advance(Duration.ofSeconds(201));
    server.bean(ScheduleExecutor.class).runOnce();
    JsonNode failed = api.get("/subscribe/payments/schedule/" + merchantUid).response();
    assertThat(failed.get("schedule_status").asString()).isEqualTo("executed");
    assertThat(failed.get("payment_status").asString()).isEqualTo("failed");
    assertThat(failed.get("fail_reason").asString()).contains("insufficient_funds");
    Answer moveExecuted =
        api.send(
            "PUT",
            "/subscribe/payments/schedule/" + merchantUid,
            "application/json",
            "{\"schedule_at\":" + (at + 9999) + "}");
    assertThat(moveExecuted.status()).isEqualTo(400);

    // the customer fixes the card; the merchant retries now
    assertThat(
            api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    Answer retried =
        api.postJson("/subscribe/payments/schedule/" + merchantUid + "/retry", Map.of());
    assertThat(retried.code()).as(retried.toString()).isZero();
    assertThat(retried.response().get("status").asString()).isEqualTo("paid");
    assertThat(retried.response().get("merchant_uid").asString()).isEqualTo(merchantUid);
    JsonNode paid = api.get("/subscribe/payments/schedule/" + merchantUid).response();
    assertThat(paid.get("payment_status").asString()).isEqualTo("paid");
    assertThat(
            api.postJson("/subscribe/payments/schedule/" + merchantUid + "/retry", Map.of())
                .status())
        .isEqualTo(400);

    // a revoked schedule can be scheduled again at a new time
    String other = unique("revoked");
    api.postJson(
        "/subscribe/payments/schedule",
        Map.of(
            "customer_uid",
            customerUid,
            "schedules",
            List.of(item(other, nowSeconds(server) + 50, 1000))));
    api.postJson("/subscribe/payments/unschedule", Map.of("merchant_uid", other));
    Answer again =
        api.postJson(
            "/subscribe/payments/schedule/" + other + "/reschedule",
            Map.of("schedule_at", nowSeconds(server) + 500));
    assertThat(again.response().get("schedule_status").asString()).isEqualTo("scheduled");
    assertThat(again.response().get("revoked_at").asLong()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deletingTheBillingKeyRevokesItsPendingSchedulesAndSaysSo(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = customer(api, Cards.APPROVE);
    String merchantUid = unique("pending");
    api.postJson(
        "/subscribe/payments/schedule",
        Map.of(
            "customer_uid",
            customerUid,
            "schedules",
            List.of(item(merchantUid, nowSeconds(server) + 500, 1000))));
    Answer deleted = api.delete("/subscribe/customers/" + customerUid);
    assertThat(deleted.code()).isZero();
    assertThat(deleted.raw().headers().firstValue("Paycron-Revoked-Schedules"))
        .contains(merchantUid);
    assertThat(
            api.get("/subscribe/payments/schedule/" + merchantUid)
                .response()
                .get("schedule_status")
                .asString())
        .isEqualTo("revoked");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void checkingAmountChargesAndRefundsAtOnceAndADeclinedCheckSchedulesNothing(
      TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String good = customer(api, Cards.APPROVE);
    String merchantUid = unique("checked");
    Answer checked =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                good,
                "checking_amount",
                1000,
                "schedules",
                List.of(item(merchantUid, nowSeconds(server) + 100, 5000))));
    assertThat(checked.code()).as(checked.toString()).isZero();
    JsonNode check =
        api.get("/subscribe/customers/" + good + "/payments").response().get("list").get(0);
    assertThat(check.get("amount").asLong()).isEqualTo(1000);
    assertThat(check.get("status").asString()).isEqualTo("cancelled");

    String poor = customer(api, Cards.INSUFFICIENT_FUNDS);
    String refused = unique("refused");
    Answer declined =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                poor,
                "checking_amount",
                1000,
                "schedules",
                List.of(item(refused, nowSeconds(server) + 100, 5000))));
    assertThat(declined.code()).isEqualTo(1);
    assertThat(declined.message()).contains("checking_amount").contains("insufficient_funds");
    assertThat(api.get("/subscribe/payments/schedule/" + refused).status()).isEqualTo(404);
  }
}
