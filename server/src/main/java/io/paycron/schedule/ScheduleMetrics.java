package io.paycron.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paycron.ObservabilityProperties;
import io.paycron.clock.ScopedClock;
import io.paycron.common.BackgroundReading;
import io.paycron.common.CachedReading;
import io.paycron.gateway.ChargeOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The scheduler's meters: schedules claimed and executed (by outcome), the lag from a schedule's
 * due time to its claim, and the due and late schedules still waiting (docs/metrics.md). The lag
 * ends at the claim, not at the gateway call: the claim is where the scheduler is behind or not;
 * the gateway's own time is {@code paycron.gateway.latency}.
 */
@Component
class ScheduleMetrics {

  /** Lag buckets: on time (well under a second) up to an hour behind. */
  private static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1)
  };

  static final String PAID = "paid";
  static final String FAILED = "failed";
  static final String UNKNOWN = "unknown";
  static final String NOT_CHARGED = "not_charged";

  private final MeterRegistry registry;
  private final Counter claimed;
  private final Timer lag;
  private final Map<String, Counter> executed = new ConcurrentHashMap<>();

  ScheduleMetrics(
      MeterRegistry registry,
      ScheduleBacklogRepository backlog,
      ScopedClock clock,
      ObservabilityProperties properties) {
    this.registry = registry;
    this.claimed =
        Counter.builder("paycron.schedules.claimed")
            .description("Schedules claimed for execution by this node")
            .register(registry);
    this.lag =
        Timer.builder("paycron.schedule.lag")
            .description("From a schedule's due time to its claim by a node")
            .serviceLevelObjectives(LAG_BUCKETS)
            .register(registry);
    for (String outcome : List.of(PAID, FAILED, UNKNOWN, NOT_CHARGED)) {
      executed(outcome, 0);
    }
    long cacheMs = properties.metrics().gaugeCacheMs();
    long thresholdMs = properties.lateSchedule().threshold().toMillis();
    // one read of the due index answers both gauges
    BackgroundReading<ScheduleBacklogRepository.Backlog> waiting =
        new BackgroundReading<>(
            "paycron.schedules.due/late",
            cacheMs,
            CachedReading.WAIT_MS,
            () -> {
              long now = clock.millis();
              return backlog.backlog(now, now - thresholdMs);
            });
    Gauge.builder("paycron.schedules.due", waiting, r -> count(r, false))
        .strongReference(true) // the registry alone holds the reading
        .description("Schedules whose schedule_at has come and that no node has claimed yet")
        .register(registry);
    Gauge.builder("paycron.schedules.late", waiting, r -> count(r, true))
        .strongReference(true)
        .description("Due schedules still unclaimed longer than the late threshold")
        .register(registry);
  }

  private static double count(
      BackgroundReading<ScheduleBacklogRepository.Backlog> reading, boolean late) {
    ScheduleBacklogRepository.Backlog backlog = reading.get();
    return backlog == null ? Double.NaN : late ? backlog.late() : backlog.due();
  }

  /**
   * A committed claim at {@code claimedAt} (on the clock that claimed it, as its schedule_at is).
   */
  void claimed(List<Long> dueTimes, long claimedAt) {
    claimed.increment(dueTimes.size());
    for (long dueAt : dueTimes) {
      lag.record(Math.max(0, claimedAt - dueAt), TimeUnit.MILLISECONDS);
    }
  }

  /** Counts what the gateway answered for each executed schedule. */
  void executed(List<ChargeOutcome> outcomes) {
    for (ChargeOutcome outcome : outcomes) {
      executed(
          outcome instanceof ChargeOutcome.Approved
              ? PAID
              : outcome instanceof ChargeOutcome.Declined ? FAILED : UNKNOWN,
          1);
    }
  }

  /** Counts schedules that ended without reaching the gateway (e.g. the billing key is gone). */
  void notCharged(int count) {
    executed(NOT_CHARGED, count);
  }

  private void executed(String outcome, int count) {
    executed
        .computeIfAbsent(
            outcome,
            o ->
                Counter.builder("paycron.schedules.executed")
                    .description("Executed schedules by the outcome of their charge")
                    .tag("outcome", o)
                    .register(registry))
        .increment(count);
  }
}
