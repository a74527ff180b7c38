package io.paycron;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * What operators set for metrics and alerts (docs/metrics.md). Kept apart from {@link
 * PaycronProperties} so monitoring settings grow without touching the core ones.
 *
 * @param lateSchedule PAYCRON_LATE_SCHEDULE_THRESHOLD (seconds): a schedule still waiting this long
 *     after its schedule_at is late; PAYCRON_LATE_SCHEDULE_CHECK_INTERVAL (seconds): how often each
 *     node looks; pageSize and maxPagesPerCheck bound the rows one check locks and announces (tests
 *     make them small)
 * @param metrics PAYCRON_METRICS_GAUGE_CACHE_MS: how long a gauge that counts rows keeps its value
 */
@ConfigurationProperties("paycron")
public record ObservabilityProperties(
    @DefaultValue LateSchedule lateSchedule, @DefaultValue Metrics metrics) {

  public record LateSchedule(
      @DefaultValue("300") @DurationUnit(java.time.temporal.ChronoUnit.SECONDS) Duration threshold,
      @DefaultValue("30") @DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
          Duration checkInterval,
      @DefaultValue("true") boolean enabled,
      @DefaultValue("200") int pageSize,
      @DefaultValue("25") int maxPagesPerCheck) {}

  public record Metrics(@DefaultValue("5000") long gaugeCacheMs) {}
}
