package io.paycron.client;

import java.time.Instant;
import java.util.List;

/**
 * A webhook event and its delivery attempts ({@code GET /paycron/v1/events}).
 *
 * @param eventId the {@code webhook-id} the receiver sees; stable across retries and replays
 * @param type {@code schedule.executed}, {@code payment.paid}, {@code payment.cancelled}, …
 * @param objectId the payment or schedule the event is about
 * @param url where it is delivered
 */
public record Event(
    String eventId,
    String type,
    String objectId,
    long objectVersion,
    Instant createdAt,
    DeliveryStatus status,
    String url,
    List<DeliveryAttempt> attempts) {

  public Event {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }
}
