package io.paycron.webhook;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Paycron's webhook settings and delivery log (API.md §10). */
@RestController
class WebhookController {

  private final WebhookSettings settings;
  private final WebhookEvents events;
  private final ApiRequests requests;

  WebhookController(WebhookSettings settings, WebhookEvents events, ApiRequests requests) {
    this.settings = settings;
    this.events = events;
    this.requests = requests;
  }

  @GetMapping("/paycron/v1/webhook")
  Envelope<WebhookSettings.View> get(Merchant merchant) {
    return Envelope.ok(settings.get(merchant));
  }

  @PutMapping("/paycron/v1/webhook")
  Envelope<WebhookSettings.View> put(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    String url =
        request
            .string("url")
            .orElseThrow(
                () ->
                    new ApiException.InvalidRequest(
                        "url: is required (send an empty string to clear it)"));
    return Envelope.ok(settings.setUrl(merchant, url));
  }

  /** {overlap_seconds} (default 24 h, at most 7 days): how long the previous secret still signs. */
  @PostMapping("/paycron/v1/webhook/rotate_secret")
  Envelope<WebhookSettings.View> rotate(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    java.time.Duration overlap =
        request
            .longValue("overlap_seconds")
            .map(java.time.Duration::ofSeconds)
            .orElse(WebhookSettings.ROTATION_OVERLAP);
    return Envelope.ok(settings.rotate(merchant, overlap));
  }

  @GetMapping("/paycron/v1/events")
  Envelope<List<WebhookEvents.EventView>> list(Merchant merchant, HttpServletRequest http) {
    String objectId = requests.query(http).requiredString("object_id");
    return Envelope.ok(events.forObject(merchant, objectId));
  }

  @PostMapping("/paycron/v1/events/{event_id}/replay")
  Envelope<WebhookEvents.EventView> replay(
      Merchant merchant, @PathVariable("event_id") String eventId) {
    return Envelope.ok(events.replay(merchant, eventId));
  }
}
