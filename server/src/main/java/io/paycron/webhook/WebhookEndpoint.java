package io.paycron.webhook;

import java.util.List;

/**
 * A merchant's webhook endpoint: a URL that receives the events of its types while enabled. Times
 * are epoch milliseconds, 0 when unset.
 *
 * @param failingSince since when every attempt to it failed (0 while it is healthy)
 * @param disabledAt when it was disabled (0 while enabled), by the merchant or automatically
 */
public record WebhookEndpoint(
    String merchantId,
    String endpointId,
    String url,
    List<String> eventTypes,
    boolean enabled,
    String description,
    long failingSince,
    long disabledAt,
    String disabledReason,
    long createdAt,
    long updatedAt,
    long version) {

  public WebhookEndpoint {
    eventTypes = List.copyOf(eventTypes);
  }

  /** Whether this endpoint receives events of {@code type}. */
  public boolean receives(String type) {
    return enabled && WebhookEventTypes.matches(eventTypes, type);
  }
}
