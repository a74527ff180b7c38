package io.paycron.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.schedule.LateScheduleWatch;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.LoggedWarnings;
import io.paycron.support.PrometheusScrape;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules nobody claims (the claim loop is off, as on a cluster whose nodes are all stuck) become
 * late once they wait longer than the threshold (300 s by default): counted in {@code
 * paycron_schedules_late}, logged once per check, and each announced by one {@code schedule.late}
 * event, however many checks see it. The test moves the server's clock; nothing sleeps.
 */
class LateScheduleAlertTest {

  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aScheduleWaitingPastTheThresholdIsCountedLoggedAndAnnouncedOnce(TestDatabase database) {
    Map<String, Object> properties =
        Map.of(
            "paycron.scheduler.enabled", "false",
            "paycron.late-schedule.enabled", "false", // the test runs each check itself
            "paycron.metrics.gauge-cache-ms", "0");
    try (TestServer server = TestServer.start(database, properties);
        LoggedWarnings warnings = LoggedWarnings.capture()) {
      ApiClient api = server.sandboxClient();
      String hooks = "/late/" + UUID.randomUUID();
      assertThat(
              api.send(
                      "PUT",
                      "/paycron/v1/webhook",
                      "application/json",
                      "{\"url\":\"" + receiver.url(hooks) + "\"}")
                  .code())
          .isZero();
      String customerUid = "cus_" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(
              api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
          .isZero();
      long start = server.clock().millis() / 1000;
      String soon = "soon_" + UUID.randomUUID().toString().substring(0, 8);
      String later = "later_" + UUID.randomUUID().toString().substring(0, 8);
      schedule(api, customerUid, soon, start + 10);
      schedule(api, customerUid, later, start + 400);
      LateScheduleWatch watch = server.bean(LateScheduleWatch.class);

      // due but not yet late
      server.clock().advance(Duration.ofSeconds(11));
      assertThat(watch.checkOnce()).isZero();
      assertThat(gauge(server, "paycron_schedules_due")).isEqualTo(1);
      assertThat(gauge(server, "paycron_schedules_late")).isZero();
      assertThat(warnings.count("late schedules")).isZero();

      // 301 s past its due time: late, announced once, one WARN line
      server.clock().advance(Duration.ofSeconds(300));
      assertThat(watch.checkOnce()).isEqualTo(1);
      assertThat(gauge(server, "paycron_schedules_late")).isEqualTo(1);
      assertThat(warnings.count("late schedules")).isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(hooks).size() == 1);
      WebhookReceiver.Received hook = receiver.receivedOn(hooks).get(0);
      assertThat(hook.headers().get("paycron-event-type")).isEqualTo("schedule.late");
      JsonNode body = JsonMapper.shared().readTree(hook.body());
      assertThat(body.propertyNames())
          .containsExactly("merchant_uid", "customer_uid", "status", "schedule_at");
      assertThat(body.get("merchant_uid").asString()).isEqualTo(soon);
      assertThat(body.get("customer_uid").asString()).isEqualTo(customerUid);
      assertThat(body.get("status").asString()).isEqualTo("late");
      assertThat(body.get("schedule_at").asLong()).isEqualTo(start + 10);

      // the next checks log again but announce nothing new
      assertThat(watch.checkOnce()).isZero();
      assertThat(warnings.count("late schedules")).isEqualTo(2);
      server.clock().advance(Duration.ofSeconds(200)); // the second one is due, not late
      assertThat(watch.checkOnce()).isZero();
      assertThat(gauge(server, "paycron_schedules_due")).isEqualTo(2);
      assertThat(gauge(server, "paycron_schedules_late")).isEqualTo(1);

      // the second one turns late: only it is announced
      server.clock().advance(Duration.ofSeconds(300));
      assertThat(watch.checkOnce()).isEqualTo(1);
      assertThat(gauge(server, "paycron_schedules_late")).isEqualTo(2);
      JsonNode events = api.get("/paycron/v1/events?object_id=" + later).response();
      assertThat(events.size()).as(events.toString()).isEqualTo(1);
      assertThat(api.get("/paycron/v1/events?object_id=" + soon).response().size()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(hooks).size() == 2);
    }
  }

  /**
   * Announced schedules stay late in the queue, so each check must look past them: with one page of
   * two per check, three late schedules are all announced by the second check (a check that
   * restarted from the oldest late schedule would find the same two again and never the third).
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void laterChecksReachLateSchedulesPastThoseAlreadyAnnounced(TestDatabase database) {
    Map<String, Object> properties =
        Map.of(
            "paycron.scheduler.enabled", "false",
            "paycron.late-schedule.enabled", "false",
            "paycron.late-schedule.page-size", "2",
            "paycron.late-schedule.max-pages-per-check", "1");
    try (TestServer server = TestServer.start(database, properties)) {
      ApiClient api = server.sandboxClient();
      String customerUid = "cus_" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(
              api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
          .isZero();
      long start = server.clock().millis() / 1000;
      List<String> uids = new java.util.ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String uid = "late" + i + "_" + UUID.randomUUID().toString().substring(0, 8);
        schedule(api, customerUid, uid, start + 10 * i);
        uids.add(uid);
      }
      server.clock().advance(Duration.ofSeconds(400));
      LateScheduleWatch watch = server.bean(LateScheduleWatch.class);

      assertThat(watch.checkOnce()).isEqualTo(2);
      assertThat(watch.checkOnce()).isEqualTo(1);
      assertThat(watch.checkOnce()).isZero();
      for (String uid : uids) {
        assertThat(api.get("/paycron/v1/events?object_id=" + uid).response().size())
            .as(uid)
            .isEqualTo(1);
      }
    }
  }

  private static double gauge(TestServer server, String name) {
    return PrometheusScrape.of(server).value(name);
  }

  private static void schedule(ApiClient api, String customerUid, String merchantUid, long at) {
    ApiClient.Answer created =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                customerUid,
                "schedules",
                List.of(Map.of("merchant_uid", merchantUid, "schedule_at", at, "amount", 1000))));
    assertThat(created.code()).as(created.toString()).isZero();
  }
}
