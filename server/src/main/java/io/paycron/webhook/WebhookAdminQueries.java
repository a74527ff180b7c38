package io.paycron.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * What operators (the console) read and do about webhooks, across merchants. Plain records; times
 * as {@link Instant} (null when unset). Endpoint id {@code ""} is an event's legacy target (its
 * notice_url, else the merchant's default URL).
 */
@Service
public class WebhookAdminQueries {

  /** Response bodies in lists are cut to this many characters. */
  public static final int RESPONSE_EXCERPT = 500;

  public static final int MAX_PAGE_SIZE = 200;

  /**
   * A filter the caller should show as a bad input (e.g. an unknown status), never as a server
   * error; the message names the field and the value.
   */
  public static final class InvalidFilterException extends IllegalArgumentException {
    InvalidFilterException(String message) {
      super(message);
    }
  }

  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryLog deliveries;
  private final WebhookEndpoints endpointService;
  private final WebhookReplays replays;
  private final Clock clock;

  WebhookAdminQueries(
      WebhookEndpointRepository endpoints,
      WebhookDeliveryLog deliveries,
      WebhookEndpoints endpointService,
      WebhookReplays replays,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.endpointService = endpointService;
    this.replays = replays;
    this.clock = clock;
  }

  public record EndpointRow(
      String merchantId,
      String endpointId,
      String url,
      List<String> eventTypes,
      boolean enabled,
      String description,
      Instant failingSince,
      Instant disabledAt,
      String disabledReason,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * One delivery of one event to one target.
   *
   * @param status pending, delivering, delivered, failed or paused (its endpoint is disabled)
   */
  public record DeliveryRow(
      String merchantId,
      String eventId,
      String endpointId,
      String eventType,
      String objectId,
      String url,
      String status,
      int attempts,
      Instant nextAttemptAt,
      Instant deliveredAt,
      Instant createdAt,
      List<AttemptRow> attemptLog) {}

  /** One attempt; {@code statusCode} null when there was no answer (see {@code error}). */
  public record AttemptRow(
      int attempt,
      Instant startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody) {}

  /**
   * Filters for {@link #deliveries}; null = any. {@code status}: pending, delivering, delivered,
   * failed, paused. [from, to) on the delivery's creation; page from 1.
   */
  public record DeliveryFilter(
      String merchantId,
      String endpointId,
      String status,
      Instant from,
      Instant to,
      int page,
      int pageSize) {}

  public record DeliveryPage(long total, int page, int pageSize, List<DeliveryRow> rows) {}

  /** Endpoints of one merchant (or all with null), only the disabled ones if asked; max 1,000. */
  public List<EndpointRow> endpoints(String merchantId, boolean disabledOnly) {
    return endpoints.listAll(merchantId, disabledOnly, 1_000).stream()
        .map(WebhookAdminQueries::row)
        .toList();
  }

  /**
   * Deliveries, newest first, each with its attempt log (response bodies cut). Times beyond what
   * epoch milliseconds hold are clamped; an unknown status throws {@link InvalidFilterException}.
   */
  public DeliveryPage deliveries(DeliveryFilter filter) {
    int size = Math.max(1, Math.min(MAX_PAGE_SIZE, filter.pageSize()));
    int page = Math.max(1, Math.min(1_000_000, filter.page()));
    DeliveryStatus status = status(filter.status());
    WebhookDeliveryLog.Filter query =
        new WebhookDeliveryLog.Filter(
            blankToNull(filter.merchantId()),
            filter.endpointId(),
            status,
            millis(filter.from(), 0),
            millis(filter.to(), Long.MAX_VALUE),
            size,
            (page - 1) * size);
    List<DeliveryRow> rows =
        deliveries.find(query).stream()
            .map(
                r -> {
                  WebhookRepository.Delivery d = r.delivery();
                  return new DeliveryRow(
                      d.merchantId(),
                      d.eventId(),
                      d.endpointId(),
                      r.type(),
                      r.objectId(),
                      d.url(),
                      d.status().wire(),
                      d.attempts(),
                      d.status() == DeliveryStatus.PENDING
                          ? Instant.ofEpochMilli(d.nextAttemptAt())
                          : null,
                      instant(d.deliveredAt()),
                      instant(r.createdAt()),
                      attempts(d.merchantId(), d.eventId(), d.endpointId()));
                })
            .toList();
    return new DeliveryPage(deliveries.count(query), page, size, rows);
  }

  /** One delivery's attempt log, oldest first, response bodies cut. */
  public List<AttemptRow> attempts(String merchantId, String eventId, String endpointId) {
    return deliveries.attempts(merchantId, eventId, endpointId).stream()
        .map(
            a ->
                new AttemptRow(
                    a.attempt(),
                    Instant.ofEpochMilli(a.startedAt()),
                    a.durationMs(),
                    a.statusCode(),
                    a.error(),
                    excerpt(a.responseBody())))
        .toList();
  }

  /** Sends one delivery again; false when it is being sent now or its endpoint is disabled. */
  public boolean replayDelivery(String merchantId, String eventId, String endpointId) {
    return replays.replayOne(merchantId, eventId, endpointId);
  }

  /**
   * Sends again every failed (or paused) delivery of one endpoint ({@code ""}: the legacy target);
   * returns how many. Refused (an {@code ApiException} with a message) when the endpoint is
   * disabled or more than {@link WebhookReplays#MAX_PER_CALL} match.
   */
  public int replayFailed(String merchantId, String endpointId) {
    return replays.replay(
        new WebhookDeliveryLog.Range(merchantId, endpointId, 0, clock.millis() + 1, true));
  }

  /** Enables (clearing its failure record) or disables an endpoint, as the merchant's PUT does. */
  public EndpointRow setEnabled(String merchantId, String endpointId, boolean enabled) {
    return row(
        endpointService.update(
            merchantId, endpointId, new WebhookEndpoints.Changes(null, null, enabled, null)));
  }

  private static EndpointRow row(WebhookEndpoint e) {
    return new EndpointRow(
        e.merchantId(),
        e.endpointId(),
        e.url(),
        e.eventTypes(),
        e.enabled(),
        e.description(),
        instant(e.failingSince()),
        instant(e.disabledAt()),
        e.disabledReason(),
        instant(e.createdAt()),
        instant(e.updatedAt()));
  }

  private static DeliveryStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String name = value.trim().toUpperCase(Locale.ROOT);
    for (DeliveryStatus status : DeliveryStatus.values()) {
      if (status.name().equals(name)) {
        return status;
      }
    }
    throw new InvalidFilterException(
        "status: unknown value '"
            + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
            + "' (pending, delivering, delivered, failed or paused)");
  }

  /** Epoch milliseconds of {@code time}, clamped to the long range; {@code ifNull} when unset. */
  private static long millis(Instant time, long ifNull) {
    if (time == null) {
      return ifNull;
    }
    try {
      return time.toEpochMilli();
    } catch (ArithmeticException e) {
      return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static Instant instant(long millis) {
    return millis == 0 ? null : Instant.ofEpochMilli(millis);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String excerpt(String body) {
    return body == null || body.length() <= RESPONSE_EXCERPT
        ? body
        : body.substring(0, RESPONSE_EXCERPT) + "…";
  }
}
