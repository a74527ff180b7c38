package io.paycron.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.PrometheusScrape;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A small billing run on a fresh server, then one scrape of {@code /actuator/prometheus}: the
 * counters carry exactly what happened (docs/metrics.md), on SQLite and PostgreSQL.
 */
class MetricsScrapeTest {

  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String customer(ApiClient api, String card) {
    String uid = unique("cus");
    assertThat(api.postJson("/subscribe/customers/" + uid, Cards.card(card)).code()).isZero();
    return uid;
  }

  private static void again(ApiClient api, String customerUid) {
    ApiClient.Answer paid =
        api.postJson(
            "/subscribe/payments/again",
            Map.of(
                "customer_uid",
                customerUid,
                "merchant_uid",
                unique("ord"),
                "amount",
                1000,
                "name",
                "metrics"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
  }

  private static Map<String, Object> schedule(String merchantUid, long at, String noticeUrl) {
    Map<String, Object> item = new HashMap<>();
    item.put("merchant_uid", merchantUid);
    item.put("schedule_at", at);
    item.put("amount", 5000);
    item.put("name", "monthly");
    item.put("notice_url", noticeUrl);
    return item;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theScrapeCountsClaimsExecutionsLagWebhooksAndGatewayCalls(TestDatabase database) {
    receiver.answer(request -> request.path().startsWith("/refuse/") ? 500 : 200);
    try (TestServer server =
        TestServer.start(database, Map.of("paycron.metrics.gauge-cache-ms", "0"))) {
      ApiClient api = server.sandboxClient();
      // given two billing keys (one approving, one declining card) and a charge on each
      String good = customer(api, Cards.APPROVE);
      String poor = customer(api, Cards.INSUFFICIENT_FUNDS);
      again(api, good);
      again(api, poor);

      // and two schedules due in a minute, whose webhooks are accepted and refused
      long now = server.clock().millis() / 1000;
      String paidUid = unique("sch_paid");
      String failedUid = unique("sch_failed");
      create(api, good, schedule(paidUid, now + 60, receiver.url("/accept/" + paidUid)));
      create(api, poor, schedule(failedUid, now + 60, receiver.url("/refuse/" + failedUid)));

      // when the clock passes their due time by 30 s
      server.clock().advance(Duration.ofSeconds(90));
      server.bean(ScheduleExecutor.class).wake();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  receiver.receivedOn("/accept/" + paidUid).size() == 1
                      && receiver.receivedOn("/refuse/" + failedUid).size() == 1);

      // then the scrape tells it, once the two attempts are counted
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  PrometheusScrape.of(server)
                          .sum("paycron_webhook_attempts_total", "outcome", "failed")
                      == 1);
      PrometheusScrape scrape = PrometheusScrape.of(server);
      assertThat(scrape.value("paycron_schedules_claimed_total")).isEqualTo(2);
      assertThat(scrape.value("paycron_schedules_executed_total", "outcome", "paid")).isEqualTo(1);
      assertThat(scrape.value("paycron_schedules_executed_total", "outcome", "failed"))
          .isEqualTo(1);
      assertThat(scrape.value("paycron_schedules_executed_total", "outcome", "unknown")).isZero();

      // each schedule went out 30 s (and the start's milliseconds) after its due time
      assertThat(scrape.value("paycron_schedule_lag_seconds_count")).isEqualTo(2);
      assertThat(scrape.value("paycron_schedule_lag_seconds_sum")).isBetween(60.0, 62.0);
      assertThat(scrape.value("paycron_schedule_lag_seconds_bucket", "le", "10.0")).isZero();
      assertThat(scrape.value("paycron_schedule_lag_seconds_bucket", "le", "60.0")).isEqualTo(2);

      assertThat(scrape.value("paycron_webhook_attempts_total", "outcome", "delivered"))
          .isEqualTo(1);
      assertThat(scrape.value("paycron_webhook_attempts_total", "outcome", "failed")).isEqualTo(1);
      assertThat(scrape.value("paycron_webhook_attempts_total", "outcome", "timeout")).isZero();

      // two keys issued; four charges: two approved, two declined (direct and scheduled)
      String count = "paycron_gateway_latency_seconds_count";
      assertThat(scrape.sum(count, "provider", "sandbox", "operation", "issue_billing_key"))
          .isEqualTo(2);
      assertThat(scrape.value(count, "operation", "issue_billing_key", "outcome", "issued"))
          .isEqualTo(2);
      assertThat(scrape.sum(count, "operation", "charge")).isEqualTo(4);
      assertThat(scrape.value(count, "operation", "charge", "outcome", "approved")).isEqualTo(2);
      assertThat(scrape.value(count, "operation", "charge", "outcome", "declined")).isEqualTo(2);
      assertThat(scrape.sum(count, "operation", "lookup_charge")).isZero();
      assertThat(scrape.find("paycron_gateway_latency_seconds_bucket", "operation", "charge"))
          .isPresent();

      // nothing is due any more; the refused webhook waits for its retry
      assertThat(scrape.value("paycron_schedules_due")).isZero();
      assertThat(scrape.value("paycron_schedules_late")).isZero();
      assertThat(scrape.value("paycron_outbox_backlog")).isEqualTo(1);
    }
  }

  private static void create(ApiClient api, String customerUid, Map<String, Object> schedule) {
    ApiClient.Answer created =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of("customer_uid", customerUid, "schedules", List.of(schedule)));
    assertThat(created.code()).as(created.toString()).isZero();
  }
}
