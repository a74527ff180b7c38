package io.paycron.webhook;

import io.paycron.PaycronProperties;
import io.paycron.common.PollingLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disables an endpoint whose deliveries have all failed, with no success in between, for {@code
 * paycron.webhook.disable-after-seconds} ({@code PAYCRON_WEBHOOK_DISABLE_AFTER}, 5 days by
 * default): its waiting deliveries are paused (replayable once it is enabled again), and a {@code
 * webhook_endpoint.disabled} event goes to the merchant's other endpoints and default URL, so a
 * dead receiver stops piling up retries but the merchant hears of it.
 */
@Component
public class WebhookEndpointMonitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookEndpointMonitor.class);
  private static final int BATCH = 100;

  private final WebhookEndpointRepository endpoints;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PaycronProperties.Webhook config;
  private volatile PollingLoop loop;

  WebhookEndpointMonitor(
      WebhookEndpointRepository endpoints,
      Outbox outbox,
      TransactionTemplate transactions,
      Clock clock,
      PaycronProperties properties) {
    this.endpoints = endpoints;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.config = properties.webhook();
  }

  /** Disables every endpoint that has failed for the whole period; returns how many. */
  public int disableFailing() {
    Duration period = Duration.ofSeconds(config.disableAfterSeconds());
    long cutoff = clock.millis() - period.toMillis();
    int disabled = 0;
    for (WebhookEndpoint candidate : endpoints.failingSince(cutoff, BATCH)) {
      Boolean done = transactions.execute(tx -> disable(candidate, cutoff, period));
      disabled += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return disabled;
  }

  private boolean disable(WebhookEndpoint candidate, long cutoff, Duration period) {
    long now = clock.millis();
    String reason =
        "every delivery failed for "
            + describe(period)
            + " (since "
            + Instant.ofEpochMilli(candidate.failingSince())
            + ")";
    if (!endpoints.disableIfFailing(
        candidate.merchantId(), candidate.endpointId(), cutoff, reason, now)) {
      return false; // a success or the merchant's change came first
    }
    int paused = endpoints.pauseDeliveries(candidate.merchantId(), candidate.endpointId(), now);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("endpoint_id", candidate.endpointId());
    body.put("url", candidate.url());
    body.put("status", "disabled");
    body.put("disabled_reason", reason);
    body.put("failing_since", candidate.failingSince() / 1000);
    body.put("disabled_at", now / 1000);
    // emitted after the update: the disabled endpoint is no longer among the receivers
    outbox.emit(
        candidate.merchantId(),
        WebhookEventTypes.ENDPOINT_DISABLED,
        candidate.endpointId(),
        candidate.version() + 1,
        body,
        Outbox.Target.orMerchantDefault(null));
    log.warn(
        "webhook endpoint disabled: merchant={} endpoint={} host={} failing_since={} paused={}",
        candidate.merchantId(),
        candidate.endpointId(),
        WebhookTargets.origin(candidate.url()),
        Instant.ofEpochMilli(candidate.failingSince()),
        paused);
    return true;
  }

  private static String describe(Duration period) {
    long seconds = period.toSeconds();
    return seconds % 86_400 == 0 ? seconds / 86_400 + " days" : seconds + " seconds";
  }

  @Override
  public synchronized void start() {
    if (config.enabled()) {
      loop =
          new PollingLoop(
              "paycron-webhook-endpoint-monitor",
              Math.max(1_000, config.pollIntervalMs()),
              () -> {
                disableFailing();
                return 0; // never busy: once per interval is plenty for a period of days
              });
      loop.start();
    }
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.stop(1_000);
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
