package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant's receiver answers 503 for an hour of the server's clock, moved forward in steps, then
 * comes back. Every event must be delivered exactly as {@link RetryPolicy} promises: retried at its
 * steps (never sooner, never later than a step plus one clock step), none given up, each delivered
 * by its first attempt after the receiver is back. Prints {@code [ReceiverOutageTest]} lines; the
 * size is {@code -Dpaycron.faults.outageEvents}.
 */
class ReceiverOutageTest {

  private static final int EVENTS = Integer.getInteger("paycron.faults.outageEvents", 200);
  private static final Duration OUTAGE = Duration.ofHours(1);

  /** Fine steps while the first retries (seconds apart) are due, then minutes. */
  private static final Duration FINE_STEP = Duration.ofSeconds(5);

  private static final Duration COARSE_STEP = Duration.ofMinutes(1);
  private static final Duration FINE_UNTIL = Duration.ofMinutes(5);

  @Test
  void anHourOfA503ReceiverDelaysEveryEventByThePolicysStepsAndLosesNone() {
    AtomicBoolean down = new AtomicBoolean(true);
    AtomicInteger requests = new AtomicInteger();
    try (WebhookReceiver receiver = WebhookReceiver.start();
        TestServer server =
            TestServer.start(
                TestDatabase.POSTGRES, Map.of("paycron.webhook.timeout-seconds", "2"))) {
      receiver.answer(
          request -> {
            requests.incrementAndGet();
            return down.get() ? 503 : 200;
          });
      JdbcClient jdbc = server.jdbc();
      scheduleAndExecute(server, receiver.url("/outage"));
      long startedAt = server.clock().millis(); // every event's first attempt was at this time
      long wallStart = System.nanoTime();
      stepUntil(server, startedAt, startedAt + OUTAGE.toMillis());
      long outageAttempts = count(jdbc, "SELECT COUNT(*) FROM webhook_attempts");

      down.set(false);
      long recoveredAt = server.clock().millis();
      long lastPromised = recoveredAt + longestWaitAfter(OUTAGE).toMillis();
      while (count(jdbc, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERED'")
              < EVENTS
          && server.clock().millis() < lastPromised) {
        stepUntil(server, startedAt, server.clock().millis() + COARSE_STEP.toMillis());
      }

      Map<String, List<long[]>> log = attemptLog(jdbc);
      report(jdbc, log, outageAttempts, requests.get(), startedAt, recoveredAt);
      log(
          "simulated %d min of server time in %d ms",
          (server.clock().millis() - startedAt) / 60_000,
          (System.nanoTime() - wallStart) / 1_000_000);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'FAILED'"))
          .as("deliveries given up")
          .isZero();
      assertThat(count(jdbc, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERED'"))
          .as("delivered by the latest time the policy allows")
          .isEqualTo(EVENTS);
      assertThat(log).hasSize(EVENTS);
      int failing = failingAttemptsIn(OUTAGE);
      log.forEach((event, attempts) -> assertFollowsThePolicy(event, attempts, failing));
      assertThat(requests.get())
          .as("requests the receiver saw = attempts logged")
          .isEqualTo(count(jdbc, "SELECT COUNT(*) FROM webhook_attempts"));
    }
  }

  /** EVENTS schedules due in ten seconds, executed: each emits one event, sent at once (503). */
  private static void scheduleAndExecute(TestServer server, String url) {
    ApiClient api = server.sandboxClient();
    assertThat(api.postJson("/subscribe/customers/outage", Cards.card(Cards.APPROVE)).code())
        .isZero();
    long dueAt = server.clock().millis() / 1000 + 10;
    for (int start = 0; start < EVENTS; start += 1000) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = start; i < Math.min(EVENTS, start + 1000); i++) {
        items.add(
            Map.of(
                "merchant_uid",
                "outage_" + i,
                "schedule_at",
                dueAt,
                "amount",
                1000,
                "notice_url",
                url));
      }
      assertThat(
              api.postJson(
                      "/subscribe/payments/schedule",
                      Map.of("customer_uid", "outage", "schedules", items))
                  .code())
          .isZero();
    }
    server.clock().advance(Duration.ofSeconds(11));
    server.bean(ScheduleExecutor.class).wake();
    JdbcClient jdbc = server.jdbc();
    await("every schedule executed and its first webhook attempt logged")
        .atMost(Duration.ofSeconds(60 + EVENTS / 100))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                count(jdbc, "SELECT COUNT(DISTINCT event_id) FROM webhook_attempts") == EVENTS
                    && quiet(server));
  }

  /**
   * Moves the clock in steps to {@code until}, letting the dispatcher finish what each step makes
   * due; steps are fine for the first minutes after {@code origin}.
   */
  private static void stepUntil(TestServer server, long origin, long until) {
    while (server.clock().millis() < until) {
      boolean early = server.clock().millis() - origin < FINE_UNTIL.toMillis();
      Duration step = early ? FINE_STEP : COARSE_STEP;
      server
          .clock()
          .advance(Duration.ofMillis(Math.min(step.toMillis(), until - server.clock().millis())));
      server.bean(WebhookDispatcher.class).wake();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> quiet(server));
    }
  }

  /** Nothing being sent and nothing due at the clock's time. */
  private static boolean quiet(TestServer server) {
    return server
            .jdbc()
            .sql(
                "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERING'"
                    + " OR (status = 'PENDING' AND next_attempt_at <= :now)")
            .param("now", server.clock().millis())
            .query(Long.class)
            .single()
        == 0;
  }

  /** How many attempts the policy makes within {@code outage} of the first, whatever the jitter. */
  private static int failingAttemptsIn(Duration outage) {
    int soonest = attemptsWithin(outage, 0.8, Duration.ZERO);
    int latest = attemptsWithin(outage, 1.2, COARSE_STEP);
    assertThat(soonest)
        .as("the outage ends between two attempts whatever the jitter")
        .isEqualTo(latest);
    return soonest;
  }

  /**
   * Attempts made before {@code outage} ends when each wait is {@code factor} × its step + slack.
   */
  private static int attemptsWithin(Duration outage, double factor, Duration slack) {
    long at = 0;
    int attempts = 1;
    for (Duration step : RetryPolicy.STEPS) {
      at += Math.round(step.toMillis() * factor) + slack.toMillis();
      if (at >= outage.toMillis()) {
        break;
      }
      attempts++;
    }
    return attempts;
  }

  /** The longest the policy may wait after the last attempt inside the outage. */
  private static Duration longestWaitAfter(Duration outage) {
    Duration step = RetryPolicy.STEPS.get(failingAttemptsIn(outage) - 1);
    return Duration.ofMillis(Math.round(step.toMillis() * 1.2)).plus(COARSE_STEP.multipliedBy(2));
  }

  /**
   * Every attempt inside the outage answered 503, the next one 200; each wait at least 0.8 × its
   * step and at most 1.2 × its step plus one clock step.
   */
  private static void assertFollowsThePolicy(String event, List<long[]> attempts, int failing) {
    List<Long> codes = attempts.stream().map(a -> a[1]).toList();
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < failing; i++) {
      expected.add(503L);
    }
    expected.add(200L);
    assertThat(codes).as("answers to event %s", event).isEqualTo(expected);
    for (int k = 1; k < attempts.size(); k++) {
      long waited = attempts.get(k)[0] - attempts.get(k - 1)[0];
      long step = RetryPolicy.STEPS.get(k - 1).toMillis();
      assertThat(waited)
          .as("event %s: wait before attempt %d (step %d ms)", event, k + 1, step)
          .isBetween(Math.round(step * 0.8), Math.round(step * 1.2) + COARSE_STEP.toMillis());
    }
  }

  /** Event id → its attempts in order, each {started_at, status_code}. */
  private static Map<String, List<long[]>> attemptLog(JdbcClient jdbc) {
    Map<String, List<long[]>> log = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT event_id, started_at, COALESCE(status_code, 0) FROM webhook_attempts"
                + " ORDER BY event_id, attempt")
        .query(
            rs -> {
              log.computeIfAbsent(rs.getString(1), e -> new ArrayList<>())
                  .add(new long[] {rs.getLong(2), rs.getLong(3)});
            });
    return log;
  }

  private static void report(
      JdbcClient jdbc,
      Map<String, List<long[]>> log,
      long outageAttempts,
      int requests,
      long startedAt,
      long recoveredAt) {
    List<Long> minutesAfterRecovery =
        jdbc
            .sql("SELECT delivered_at FROM webhook_deliveries WHERE status = 'DELIVERED'")
            .query(Long.class)
            .list()
            .stream()
            .map(at -> (at - recoveredAt) / 60_000)
            .sorted()
            .toList();
    log(
        "%d events, receiver down %d min of server time: %d attempts failed (503) meanwhile",
        EVENTS, (recoveredAt - startedAt) / 60_000, outageAttempts);
    log(
        "attempts per event: %d to %d; receiver requests %d",
        log.values().stream().mapToInt(List::size).min().orElse(0),
        log.values().stream().mapToInt(List::size).max().orElse(0),
        requests);
    if (!minutesAfterRecovery.isEmpty()) {
      log(
          "delivered %d to %d min after the receiver came back (median %d); given up: %d",
          minutesAfterRecovery.get(0),
          minutesAfterRecovery.get(minutesAfterRecovery.size() - 1),
          minutesAfterRecovery.get(minutesAfterRecovery.size() / 2),
          count(jdbc, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'FAILED'"));
    }
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static void log(String format, Object... args) {
    System.out.println("[ReceiverOutageTest] " + String.format(format, args));
  }
}
