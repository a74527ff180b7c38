package io.paycron.webhook;

import io.paycron.common.Secrets;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A merchant's webhook endpoints: create, read, change, delete (API.md §10). */
@Service
class WebhookEndpoints {

  private static final Logger log = LoggerFactory.getLogger(WebhookEndpoints.class);

  static final String NOT_FOUND = "존재하지 않는 웹훅 엔드포인트입니다.";
  static final int MAX_PER_MERCHANT = 20;
  static final int MAX_DESCRIPTION = 500;
  static final String DISABLED_BY_MERCHANT = "disabled by the merchant";

  private final WebhookEndpointRepository endpoints;
  private final WebhookSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WebhookEndpoints(
      WebhookEndpointRepository endpoints,
      WebhookSettings settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.endpoints = endpoints;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a merchant asks to set; absent fields (null) keep their value on update. */
  record Changes(String url, List<String> eventTypes, Boolean enabled, String description) {}

  WebhookEndpoint create(String merchantId, Changes request) {
    if (request.url() == null || request.url().isBlank()) {
      throw new ApiException.InvalidRequest("url: is required");
    }
    String url = settings.targetUrl(request.url());
    List<String> types =
        eventTypes(request.eventTypes() == null ? List.of() : request.eventTypes());
    String description = description(request.description());
    long now = clock.millis();
    boolean enabled = request.enabled() == null || request.enabled();
    WebhookEndpoint created =
        new WebhookEndpoint(
            merchantId,
            "we_" + Secrets.randomHex(12),
            url,
            types,
            enabled,
            description,
            0,
            enabled ? 0 : now,
            enabled ? null : DISABLED_BY_MERCHANT,
            now,
            now,
            1);
    transactions.executeWithoutResult(
        tx -> {
          if (endpoints.count(merchantId) >= MAX_PER_MERCHANT) {
            throw new ApiException.InvalidRequest(
                "a merchant has at most " + MAX_PER_MERCHANT + " webhook endpoints");
          }
          endpoints.insert(created);
        });
    log.info(
        "webhook endpoint created: merchant={} endpoint={} types={}",
        merchantId,
        created.endpointId(),
        types);
    return get(merchantId, created.endpointId());
  }

  List<WebhookEndpoint> list(String merchantId) {
    return endpoints.list(merchantId);
  }

  /** Another merchant's endpoint is as missing as one that never existed (same 404 body). */
  WebhookEndpoint get(String merchantId, String endpointId) {
    return endpoints
        .find(merchantId, endpointId)
        .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
  }

  /**
   * Changes what the request names. Disabling stops (pauses) its waiting deliveries; enabling again
   * clears the failure record, and paused deliveries wait for a replay. A new URL applies to every
   * delivery not delivered yet (retries and replays go to the fixed URL).
   */
  WebhookEndpoint update(String merchantId, String endpointId, Changes request) {
    String url = request.url() == null ? null : settings.targetUrl(request.url());
    List<String> types = request.eventTypes() == null ? null : eventTypes(request.eventTypes());
    String description = request.description() == null ? null : description(request.description());
    transactions.executeWithoutResult(
        tx -> {
          WebhookEndpoint before = get(merchantId, endpointId);
          long now = clock.millis();
          boolean enabled = request.enabled() == null ? before.enabled() : request.enabled();
          boolean disabling = before.enabled() && !enabled;
          boolean enabling = !before.enabled() && enabled;
          WebhookEndpoint after =
              new WebhookEndpoint(
                  before.merchantId(),
                  endpointId,
                  Optional.ofNullable(url).orElse(before.url()),
                  Optional.ofNullable(types).orElse(before.eventTypes()),
                  enabled,
                  description == null ? before.description() : description,
                  enabling ? 0 : before.failingSince(),
                  enabled ? 0 : disabling ? now : before.disabledAt(),
                  enabled ? null : disabling ? DISABLED_BY_MERCHANT : before.disabledReason(),
                  before.createdAt(),
                  now,
                  before.version());
          if (!endpoints.update(after, before.version(), enabling)) {
            throw new ApiException.Conflict(
                "the webhook endpoint " + endpointId + " changed meanwhile; read it and try again");
          }
          if (!after.url().equals(before.url())) {
            endpoints.repointDeliveries(merchantId, endpointId, after.url(), now);
          }
          if (disabling) {
            endpoints.pauseDeliveries(merchantId, endpointId, now);
          }
        });
    log.info(
        "webhook endpoint updated: merchant={} endpoint={} enabled={}",
        merchantId,
        endpointId,
        request.enabled());
    return get(merchantId, endpointId);
  }

  /** Deletes an endpoint; its deliveries stay in the log, the waiting ones paused. */
  WebhookEndpoint delete(String merchantId, String endpointId) {
    return transactions.execute(
        tx -> {
          WebhookEndpoint endpoint = get(merchantId, endpointId);
          endpoints.delete(merchantId, endpointId);
          endpoints.pauseDeliveries(merchantId, endpointId, clock.millis());
          log.info("webhook endpoint deleted: merchant={} endpoint={}", merchantId, endpointId);
          return endpoint;
        });
  }

  private static List<String> eventTypes(List<String> requested) {
    try {
      return WebhookEventTypes.normalize(requested);
    } catch (IllegalArgumentException e) {
      throw new ApiException.InvalidRequest("event_types: " + e.getMessage());
    }
  }

  private static String description(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_DESCRIPTION) {
      throw new ApiException.InvalidRequest(
          "description: at most " + MAX_DESCRIPTION + " characters");
    }
    return value;
  }
}
