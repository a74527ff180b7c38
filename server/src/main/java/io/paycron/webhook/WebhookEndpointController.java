package io.paycron.webhook;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's webhook endpoints and bulk replay (API.md §10, docs/webhooks.md). */
@RestController
class WebhookEndpointController {

  private final WebhookEndpoints endpoints;
  private final WebhookReplays replays;
  private final ApiRequests requests;

  WebhookEndpointController(
      WebhookEndpoints endpoints, WebhookReplays replays, ApiRequests requests) {
    this.endpoints = endpoints;
    this.replays = replays;
    this.requests = requests;
  }

  /** An endpoint as the API shows it; times in UNIX seconds, 0 when unset. */
  record EndpointView(
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

    static EndpointView of(WebhookEndpoint e) {
      return new EndpointView(
          e.endpointId(),
          e.url(),
          e.eventTypes(),
          e.enabled(),
          e.description(),
          e.failingSince() / 1000,
          e.disabledAt() / 1000,
          e.disabledReason(),
          e.createdAt() / 1000,
          e.updatedAt() / 1000,
          e.version());
    }
  }

  record Replayed(int replayed) {}

  @PostMapping("/paycron/v1/webhook_endpoints")
  Envelope<EndpointView> create(Merchant merchant, HttpServletRequest http) {
    return Envelope.ok(EndpointView.of(endpoints.create(merchant.id(), changes(http))));
  }

  @GetMapping("/paycron/v1/webhook_endpoints")
  Envelope<List<EndpointView>> list(Merchant merchant) {
    return Envelope.ok(endpoints.list(merchant.id()).stream().map(EndpointView::of).toList());
  }

  @GetMapping("/paycron/v1/webhook_endpoints/{endpoint_id}")
  Envelope<EndpointView> get(Merchant merchant, @PathVariable("endpoint_id") String endpointId) {
    return Envelope.ok(EndpointView.of(endpoints.get(merchant.id(), endpointId)));
  }

  @PutMapping("/paycron/v1/webhook_endpoints/{endpoint_id}")
  Envelope<EndpointView> update(
      Merchant merchant, @PathVariable("endpoint_id") String endpointId, HttpServletRequest http) {
    return Envelope.ok(EndpointView.of(endpoints.update(merchant.id(), endpointId, changes(http))));
  }

  @DeleteMapping("/paycron/v1/webhook_endpoints/{endpoint_id}")
  Envelope<EndpointView> delete(Merchant merchant, @PathVariable("endpoint_id") String endpointId) {
    return Envelope.ok(EndpointView.of(endpoints.delete(merchant.id(), endpointId)));
  }

  @PostMapping("/paycron/v1/webhook_endpoints/{endpoint_id}/replay")
  Envelope<Replayed> replayEndpoint(
      Merchant merchant, @PathVariable("endpoint_id") String endpointId, HttpServletRequest http) {
    return Envelope.ok(new Replayed(replays.replay(range(merchant, endpointId, http))));
  }

  @PostMapping("/paycron/v1/events/replay")
  Envelope<Replayed> replayAll(Merchant merchant, HttpServletRequest http) {
    return Envelope.ok(new Replayed(replays.replay(range(merchant, null, http))));
  }

  private WebhookEndpoints.Changes changes(HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    List<String> types = null;
    if (request.has("event_types")) {
      types = new ArrayList<>();
      for (String value : request.strings("event_types")) {
        for (String type : value.split("[,\\s]+")) { // a form may send "a,b" or "a b"
          if (!type.isEmpty()) {
            types.add(type);
          }
        }
      }
    }
    return new WebhookEndpoints.Changes(
        request.string("url").orElse(null),
        types,
        request.bool("enabled").orElse(null),
        request.string("description").orElse(null));
  }

  /** {from, to} in UNIX seconds (to exclusive), {status: failed (default) | all}. */
  private WebhookDeliveryLog.Range range(
      Merchant merchant, String endpointId, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    long from =
        request
            .longValue("from")
            .orElseThrow(() -> new ApiException.InvalidRequest("from: is required (UNIX seconds)"));
    long to =
        request
            .longValue("to")
            .orElseThrow(() -> new ApiException.InvalidRequest("to: is required (UNIX seconds)"));
    if (from < 0 || to <= from || to > Long.MAX_VALUE / 1000) {
      throw new ApiException.InvalidRequest("from, to: need 0 <= from < to (UNIX seconds)");
    }
    String status = request.string("status").orElse("failed").toLowerCase(Locale.ROOT);
    Map<String, Boolean> failedOnly = Map.of("failed", true, "all", false);
    if (!failedOnly.containsKey(status)) {
      throw new ApiException.InvalidRequest("status: must be failed or all");
    }
    return new WebhookDeliveryLog.Range(
        merchant.id(), endpointId, from * 1000, to * 1000, failedOnly.get(status));
  }
}
