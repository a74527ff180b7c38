package io.paycron.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.payment.ChargeService;
import io.paycron.payment.Reconciler;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Several nodes, one database: each schedule is charged exactly once and announced. */
class MultiNodeTest {

  private static final int SCHEDULES = 10_000;

  private static void scheduleMany(
      TestServer server,
      ApiClient api,
      String customerUid,
      String prefix,
      int count,
      long at,
      String url) {
    for (int start = 0; start < count; start += 1000) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + 1000); i++) {
        items.add(
            Map.of(
                "merchant_uid", prefix + i, "schedule_at", at, "amount", 1000, "notice_url", url));
      }
      assertThat(
              api.postJson(
                      "/subscribe/payments/schedule",
                      Map.of("customer_uid", customerUid, "schedules", items))
                  .code())
          .isZero();
    }
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void tenThousandSchedulesDueInOneSecondAreChargedExactlyOnceAcrossTwoNodes() {
    Map<String, Object> props = Map.of("paycron.webhook.timeout-seconds", "10");
    try (WebhookReceiver receiver = WebhookReceiver.start();
        TestServer nodeA = TestServer.start(TestDatabase.POSTGRES, props);
        TestServer nodeB = TestServer.joining(nodeA, props)) {
      Set<String> delivered = ConcurrentHashMap.newKeySet();
      AtomicInteger deliveries = new AtomicInteger();
      receiver.answer(
          r -> {
            deliveries.incrementAndGet();
            delivered.add(JsonMapper.shared().readTree(r.body()).get("imp_uid").asString());
            return 200;
          });
      ApiClient api = nodeA.sandboxClient();
      String customerUid = "bulk_customer";
      api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
      long dueAt = nodeA.clock().millis() / 1000 + 60;
      scheduleMany(nodeA, api, customerUid, "bulk_", SCHEDULES, dueAt, receiver.url("/bulk"));

      nodeA.clock().advance(Duration.ofSeconds(61)); // the clock is shared by both nodes
      nodeA.bean(ScheduleExecutor.class).wake();
      nodeB.bean(ScheduleExecutor.class).wake();
      JdbcClient jdbc = nodeA.jdbc();
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  count(jdbc, "SELECT COUNT(*) FROM schedules WHERE payment_status = 'paid'")
                      == SCHEDULES);
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> delivered.size() == SCHEDULES);

      assertThat(count(jdbc, "SELECT COUNT(*) FROM payments")).isEqualTo(SCHEDULES);
      assertThat(count(jdbc, "SELECT COUNT(DISTINCT merchant_uid) FROM payments"))
          .isEqualTo(SCHEDULES);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM sandbox_charges")).isEqualTo(SCHEDULES);
      assertThat(
              count(
                  jdbc,
                  "SELECT COUNT(*) FROM payments p JOIN sandbox_charges c"
                      + " ON c.idempotency_key = p.merchant_id || ':1:' || p.merchant_uid"))
          .isEqualTo(SCHEDULES);
      assertThat(count(jdbc, "SELECT COUNT(DISTINCT claimed_by) FROM schedules")).isEqualTo(2);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERED'"))
          .isEqualTo(SCHEDULES);
      assertThat(deliveries.get()).isGreaterThanOrEqualTo(SCHEDULES);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNodeKilledAfterClaimingIsFinishedByAnotherThroughReconciliationWithoutDoubleCharges(
      TestDatabase database) {
    Map<String, Object> dead = Map.of("paycron.scheduler.enabled", "false");
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      TestServer nodeA = TestServer.start(database, dead);
      ApiClient api = nodeA.sandboxClient();
      api.postJson("/subscribe/customers/crash_customer", Cards.card(Cards.APPROVE));
      long dueAt = nodeA.clock().millis() / 1000 + 60;
      scheduleMany(nodeA, api, "crash_customer", "crash_", 50, dueAt, receiver.url("/crash"));
      nodeA.clock().advance(Duration.ofSeconds(61));

      // node A claims everything and persists the attempts; it reaches the gateway for half of
      // them, then dies before recording any outcome
      ScheduleExecutor.Claim claim = nodeA.bean(ScheduleExecutor.class).claimAndPrepare();
      assertThat(claim.claimed()).isEqualTo(50);
      ChargeService charges = nodeA.bean(ChargeService.class);
      for (ChargeService.PreparedCharge charge : claim.toSend().subList(0, 25)) {
        charges.send(charge);
      }
      nodeA.close();

      // SQLite: the same node restarts; PostgreSQL: another node takes over
      TestServer nodeB = TestServer.joining(nodeA, Map.of());
      try {
        JdbcClient jdbc = nodeB.jdbc();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM schedules WHERE status = 'EXECUTING'"))
            .isEqualTo(50);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM sandbox_charges")).isEqualTo(25);
        nodeB.bean(ScheduleExecutor.class).runOnce();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM sandbox_charges"))
            .isEqualTo(25); // not re-claimed

        nodeB.clock().advance(Duration.ofSeconds(11)); // the dead node's attempts are now stale
        nodeB.bean(Reconciler.class).reconcileNow();

        assertThat(count(jdbc, "SELECT COUNT(*) FROM sandbox_charges")).isEqualTo(50);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM payments")).isEqualTo(50);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM payments WHERE status = 'PAID'"))
            .isEqualTo(50);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM schedules WHERE payment_status = 'paid'"))
            .isEqualTo(50);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> receiver.receivedOn("/crash").size() >= 50);
        nodeB.bean(Reconciler.class).reconcileNow();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM sandbox_charges")).isEqualTo(50);
      } finally {
        nodeB.close();
      }
    }
  }
}
