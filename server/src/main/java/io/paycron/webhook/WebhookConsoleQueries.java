package io.paycron.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operator console needs beside {@link WebhookAdminQueries}: the overview's attempt
 * statistics, the disabled-endpoint banner's count, one object's deliveries (a payment's page) and
 * bulk replays bounded by a time range. Endpoint id {@code ""} is an event's legacy target (its
 * notice_url, else the merchant's default URL); {@code null} means every target of the merchant.
 */
@Service
public class WebhookConsoleQueries {

  /** Status of a row for an event that had no target at all (no URL, no endpoint). */
  public static final String NOT_SENT = "not_sent";

  /** The most deliveries one bulk replay queues; a wider range is refused (narrow it). */
  public static final int MAX_REPLAY = WebhookReplays.MAX_PER_CALL;

  /** Delivery attempts made in a period, by whether the receiver took them (2xx). */
  public record AttemptStats(long succeeded, long failed) {

    /** Failed share in percent (0 when there were none). */
    public double failureRate() {
      long all = succeeded + failed;
      return all == 0 ? 0.0 : 100.0 * failed / all;
    }
  }

  private final JdbcClient jdbc;
  private final WebhookDeliveryLog deliveries;
  private final WebhookReplays replays;
  private final Clock clock;

  WebhookConsoleQueries(
      JdbcClient jdbc, WebhookDeliveryLog deliveries, WebhookReplays replays, Clock clock) {
    this.jdbc = jdbc;
    this.deliveries = deliveries;
    this.replays = replays;
    this.clock = clock;
  }

  /**
   * Attempts started since {@code sinceMillis}, all merchants. An attempt is one request to one
   * target, so an event sent to three endpoints counts three times, each by its own answer.
   */
  public AttemptStats attemptsSince(long sinceMillis) {
    return jdbc.sql(
            """
            SELECT
                COALESCE(SUM(CASE WHEN status_code BETWEEN 200 AND 299 THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status_code BETWEEN 200 AND 299 THEN 0 ELSE 1 END), 0)
            FROM webhook_attempts WHERE started_at >= :since""")
        .param("since", sinceMillis)
        .query((rs, n) -> new AttemptStats(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  /**
   * How many endpoints (all merchants) were disabled automatically after failing continuously and
   * are still disabled; those a merchant switched off are not counted. One count over the endpoint
   * table (a row per endpoint, not per delivery): cheap enough for every console page.
   */
  public long disabledAfterFailing() {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM webhook_endpoints
            WHERE NOT enabled AND disabled_at IS NOT NULL
              AND COALESCE(disabled_reason, '') <> :byMerchant""")
        .param("byMerchant", WebhookEndpoints.DISABLED_BY_MERCHANT)
        .query(Long.class)
        .single();
  }

  /**
   * The deliveries of one object's events (a payment's imp_uid…), newest event first, each with its
   * attempt log (bodies cut). An event that went nowhere is one row with status {@link #NOT_SENT}
   * and a null endpoint.
   */
  public List<WebhookAdminQueries.DeliveryRow> deliveriesOf(
      String merchantId, String objectId, int limit) {
    List<WebhookAdminQueries.DeliveryRow> rows =
        jdbc.sql(
                """
                SELECT e.event_id, e.type, e.created_at, d.endpoint_id, d.url, d.status,
                    d.attempts, d.next_attempt_at, d.delivered_at
                FROM events e LEFT JOIN webhook_deliveries d
                    ON d.merchant_id = e.merchant_id AND d.event_id = e.event_id
                WHERE e.merchant_id = :merchant AND e.object_id = :object
                ORDER BY e.created_at DESC, e.event_id, d.endpoint_id LIMIT :limit""")
            .param("merchant", merchantId)
            .param("object", objectId)
            .param("limit", limit)
            .query(
                (rs, n) -> {
                  String status = rs.getString("status");
                  DeliveryStatus known = status == null ? null : DeliveryStatus.valueOf(status);
                  return new WebhookAdminQueries.DeliveryRow(
                      merchantId,
                      rs.getString("event_id"),
                      rs.getString("endpoint_id"),
                      rs.getString("type"),
                      objectId,
                      rs.getString("url"),
                      known == null ? NOT_SENT : known.wire(),
                      rs.getInt("attempts"),
                      known == DeliveryStatus.PENDING
                          ? Instant.ofEpochMilli(rs.getLong("next_attempt_at"))
                          : null,
                      instant(rs.getLong("delivered_at")),
                      instant(rs.getLong("created_at")),
                      List.of());
                })
            .list();
    Map<String, List<WebhookAdminQueries.AttemptRow>> logs =
        deliveries
            .findAttempts(
                merchantId, rows.stream().map(WebhookAdminQueries.DeliveryRow::eventId).toList())
            .stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.eventId() + " " + a.endpointId(),
                    Collectors.mapping(WebhookConsoleQueries::attemptRow, Collectors.toList())));
    return rows.stream()
        .map(
            r ->
                new WebhookAdminQueries.DeliveryRow(
                    r.merchantId(),
                    r.eventId(),
                    r.endpointId(),
                    r.eventType(),
                    r.objectId(),
                    r.url(),
                    r.status(),
                    r.attempts(),
                    r.nextAttemptAt(),
                    r.deliveredAt(),
                    r.createdAt(),
                    logs.getOrDefault(r.eventId() + " " + r.endpointId(), List.of())))
        .toList();
  }

  /**
   * How many deliveries a replay would queue (counting at most one more than a replay takes):
   * created in [from, to) (null = unbounded), failed or paused only or all, of enabled targets.
   */
  public int countReplayable(
      String merchantId, String endpointId, Instant from, Instant to, boolean failedOnly) {
    return deliveries.countReplayable(
        range(merchantId, endpointId, from, to, failedOnly),
        WebhookReplays.MAX_PER_CALL + 1,
        clock.millis()); // as the replay itself counts: sends still in flight are left out
  }

  /**
   * Queues those deliveries again now (their logs kept); returns how many. Refused with an {@code
   * ApiException} saying why when the endpoint does not exist, is disabled, or the range holds more
   * than a replay takes.
   */
  public int replay(
      String merchantId, String endpointId, Instant from, Instant to, boolean failedOnly) {
    return replays.replay(range(merchantId, endpointId, from, to, failedOnly));
  }

  private static WebhookDeliveryLog.Range range(
      String merchantId, String endpointId, Instant from, Instant to, boolean failedOnly) {
    return new WebhookDeliveryLog.Range(
        merchantId,
        endpointId,
        from == null ? 0 : from.toEpochMilli(),
        to == null ? Long.MAX_VALUE : to.toEpochMilli(),
        failedOnly);
  }

  private static WebhookAdminQueries.AttemptRow attemptRow(WebhookRepository.Attempt a) {
    String body = a.responseBody();
    return new WebhookAdminQueries.AttemptRow(
        a.attempt(),
        Instant.ofEpochMilli(a.startedAt()),
        a.durationMs(),
        a.statusCode(),
        a.error(),
        body == null || body.length() <= WebhookAdminQueries.RESPONSE_EXCERPT
            ? body
            : body.substring(0, WebhookAdminQueries.RESPONSE_EXCERPT) + "…");
  }

  private static Instant instant(long millis) {
    return millis == 0 ? null : Instant.ofEpochMilli(millis);
  }
}
