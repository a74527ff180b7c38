package io.paycron.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of finished sends says about each endpoint: whether its last attempt succeeded, and
 * otherwise when the run of failures at the end of the batch began. The legacy target (notice_url
 * or default URL) is not an endpoint and is never disabled.
 */
final class EndpointHealth {

  private EndpointHealth() {}

  static List<WebhookEndpointRepository.Health> of(List<DeliveryResults.Finished> finished) {
    Map<List<String>, WebhookEndpointRepository.Health> byEndpoint = new LinkedHashMap<>();
    for (DeliveryResults.Finished f : finished) {
      String endpointId = f.attempt().endpointId();
      if (endpointId.equals(WebhookRepository.LEGACY)) {
        continue;
      }
      List<String> key = List.of(f.merchantId(), endpointId);
      boolean ok = f.status() == DeliveryStatus.DELIVERED;
      WebhookEndpointRepository.Health before = byEndpoint.get(key);
      long firstFailure =
          ok
              ? 0
              : before == null || before.lastOk()
                  ? f.attempt().startedAt()
                  : before.firstFailureAt();
      byEndpoint.put(
          key, new WebhookEndpointRepository.Health(f.merchantId(), endpointId, ok, firstFailure));
    }
    return new ArrayList<>(byEndpoint.values());
  }
}
