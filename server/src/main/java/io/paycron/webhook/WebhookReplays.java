package io.paycron.webhook;

import io.paycron.web.ApiException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays deliveries in bulk. One call queues at most {@link #MAX_PER_CALL}: a wider range is
 * refused with a message saying so, so that one request never rewrites millions of rows in one
 * transaction; the caller splits the range.
 */
@Service
class WebhookReplays {

  private static final Logger log = LoggerFactory.getLogger(WebhookReplays.class);

  static final int MAX_PER_CALL = 10_000;

  private final WebhookDeliveryLog deliveries;
  private final WebhookEndpointRepository endpoints;
  private final WebhookDispatcher dispatcher;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WebhookReplays(
      WebhookDeliveryLog deliveries,
      WebhookEndpointRepository endpoints,
      WebhookDispatcher dispatcher,
      TransactionTemplate transactions,
      Clock clock) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.dispatcher = dispatcher;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Queues again the deliveries of {@code range}; for one endpoint, that endpoint must exist (404
   * otherwise, also for another merchant's) and be enabled. Returns how many were queued.
   */
  int replay(WebhookDeliveryLog.Range range) {
    if (range.endpointId() != null && !range.endpointId().equals(WebhookRepository.LEGACY)) {
      WebhookEndpoint endpoint =
          endpoints
              .find(range.merchantId(), range.endpointId())
              .orElseThrow(() -> new ApiException.NotFound(WebhookEndpoints.NOT_FOUND));
      if (!endpoint.enabled()) {
        throw new ApiException.Conflict(
            "the webhook endpoint "
                + endpoint.endpointId()
                + " is disabled: enable it (PUT {\"enabled\": true}) before replaying");
      }
    }
    Integer replayed =
        transactions.execute(
            tx -> {
              long now = clock.millis();
              int matching = deliveries.countReplayable(range, MAX_PER_CALL + 1, now);
              if (matching > MAX_PER_CALL) {
                throw new ApiException.InvalidRequest(
                    "from, to: more than "
                        + MAX_PER_CALL
                        + " deliveries in this range; replay a narrower range per call");
              }
              return matching == 0 ? 0 : deliveries.requeue(range, now);
            });
    log.info(
        "webhook replay: merchant={} endpoint={} failed_only={} replayed={}",
        range.merchantId(),
        range.endpointId() == null ? "all" : range.endpointId(),
        range.failedOnly(),
        replayed);
    dispatcher.wake();
    return replayed;
  }

  /** Queues one delivery again; false when it is being sent or its endpoint is not enabled. */
  boolean replayOne(String merchantId, String eventId, String endpointId) {
    boolean queued =
        Boolean.TRUE.equals(
            transactions.execute(
                tx -> deliveries.requeueOne(merchantId, eventId, endpointId, clock.millis())));
    dispatcher.wake();
    return queued;
  }
}
