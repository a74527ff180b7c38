package com.example.merchant;

import io.paycron.client.WebhookEvent;
import io.paycron.client.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guide's {@code /iamport-callback/schedule}, made safe: verify the signature on the raw body,
 * drop repeated deliveries, re-query the charge and act on it, and answer once the work is done
 * (2xx: done; anything else: Paycron delivers it again later).
 */
@RestController
class CallbackController {

  private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

  private final CallbackVerifier verifier;
  private final Deduplicator deduplicator;
  private final SubscriptionService subscriptions;
  private final CallbackStats stats;

  CallbackController(
      CallbackVerifier verifier,
      Deduplicator deduplicator,
      SubscriptionService subscriptions,
      CallbackStats stats) {
    this.verifier = verifier;
    this.deduplicator = deduplicator;
    this.subscriptions = subscriptions;
    this.stats = stats;
  }

  /** The body as bytes: the signature covers exactly what was sent, not a re-encoded string. */
  @PostMapping(CallbackUrl.PATH)
  ResponseEntity<String> receive(
      @RequestHeader Map<String, String> headers, @RequestBody(required = false) byte[] body) {
    WebhookEvent event;
    try {
      event =
          verifier.verify(headers, body == null ? null : new String(body, StandardCharsets.UTF_8));
    } catch (WebhookVerificationException e) {
      stats.rejected();
      log.warn("rejected a callback: {}", e.getMessage());
      return answer(HttpStatus.UNAUTHORIZED, "invalid signature");
    } catch (RuntimeException e) {
      stats.failed(); // the secret could not be fetched: not the sender's fault
      log.warn("cannot verify callbacks yet: {}", e.toString());
      return answer(HttpStatus.SERVICE_UNAVAILABLE, "try again later");
    }
    stats.verified();
    switch (deduplicator.claim(event.webhookId())) {
      case DONE -> {
        stats.duplicate();
        return answer(HttpStatus.OK, "already processed");
      }
      case IN_PROGRESS -> {
        // a copy is being processed right now; if that one fails, this retry must still count
        stats.duplicate();
        return answer(HttpStatus.CONFLICT, "being processed");
      }
      case FIRST -> {}
    }
    try {
      SubscriptionService.Outcome outcome =
          event.impUid() == null
              ? SubscriptionService.Outcome.NOT_AWAITED
              : subscriptions.onCharge(event.impUid());
      deduplicator.done(event.webhookId());
      log.info("callback {} for {}: {}", event.webhookId(), event.merchantUid(), outcome);
      return answer(HttpStatus.OK, outcome.name());
    } catch (RuntimeException e) {
      deduplicator.release(event.webhookId());
      stats.failed();
      log.warn(
          "callback {} failed, Paycron will deliver it again: {}", event.webhookId(), e.toString());
      return answer(HttpStatus.SERVICE_UNAVAILABLE, "try again later");
    }
  }

  private static ResponseEntity<String> answer(HttpStatus status, String text) {
    return ResponseEntity.status(status).body(text);
  }
}
