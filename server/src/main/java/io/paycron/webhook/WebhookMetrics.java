package io.paycron.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paycron.ObservabilityProperties;
import io.paycron.common.CachedReading;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code paycron_webhook_attempts_total{outcome}} and {@code paycron_outbox_backlog}: whether
 * merchants hear about what happened, and how much is still waiting to go out.
 */
@Component
class WebhookMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> attempts = new ConcurrentHashMap<>();

  WebhookMetrics(MeterRegistry registry, OutboxQueries outbox, ObservabilityProperties properties) {
    this.registry = registry;
    CachedReading backlog = new CachedReading(properties.metrics().gaugeCacheMs(), outbox::backlog);
    Gauge.builder("paycron.outbox.backlog", backlog, CachedReading::get)
        .strongReference(true) // the registry alone holds the reading
        .description("Webhook deliveries not finished yet (waiting for an attempt or being sent)")
        .register(registry);
    for (String outcome : new String[] {"delivered", "failed", "timeout", "error"}) {
      counter(outcome); // present at 0 from the start, so rate() and alerts see every series
    }
  }

  /** Counts one finished send by what the receiver did. */
  void attempt(Integer statusCode, String error) {
    counter(outcomeOf(statusCode, error)).increment();
  }

  /**
   * {@code delivered} (2xx), {@code failed} (any other answer), {@code timeout} (no answer in
   * time), {@code error} (no answer: refused, reset, unknown host, or the request could not be
   * signed).
   */
  static String outcomeOf(Integer statusCode, String error) {
    if (statusCode != null) {
      return statusCode >= 200 && statusCode < 300 ? "delivered" : "failed";
    }
    String text = error == null ? "" : error.toLowerCase(java.util.Locale.ROOT);
    return text.contains("timeout") || text.contains("timed out") ? "timeout" : "error";
  }

  private Counter counter(String outcome) {
    return attempts.computeIfAbsent(
        outcome,
        o ->
            Counter.builder("paycron.webhook.attempts")
                .description("Webhook delivery attempts, by outcome")
                .tag("outcome", o)
                .register(registry));
  }
}
