package io.paycron.webhook;

import io.paycron.merchant.MerchantDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operator console reads about webhook deliveries (events with their delivery and attempt
 * log, response bodies cut to {@link #MAX_BODY} characters), and its replay of one event, which is
 * the merchant API's replay.
 */
@Service
public class WebhookConsoleQueries {

  static final int MAX_BODY = 500;

  /** One attempt to deliver: the receiver's status code (null when none came) and answer. */
  public record AttemptRow(
      int attempt,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String body) {}

  /** An event and where its delivery stands ("no_url" when it had no target). */
  public record DeliveryRow(
      String merchantId,
      String eventId,
      String type,
      String objectId,
      long createdAt,
      String status,
      String url,
      int attempts,
      long nextAttemptAt,
      long deliveredAt,
      List<AttemptRow> log) {

    public boolean failedOrRetrying() {
      return "failed".equals(status) || ("pending".equals(status) && attempts > 0);
    }
  }

  /** Delivery attempts made in a period, by whether the receiver took them (2xx). */
  public record AttemptStats(long succeeded, long failed) {

    /** Failed share in percent (0 when there were none). */
    public double failureRate() {
      long all = succeeded + failed;
      return all == 0 ? 0.0 : 100.0 * failed / all;
    }
  }

  private final JdbcClient jdbc;
  private final WebhookEvents events;
  private final MerchantDirectory merchants;

  WebhookConsoleQueries(JdbcClient jdbc, WebhookEvents events, MerchantDirectory merchants) {
    this.jdbc = jdbc;
    this.events = events;
    this.merchants = merchants;
  }

  /** Newest first; merchantId, objectId and status (pending, delivered, failed…) may be null. */
  public List<DeliveryRow> list(
      String merchantId, String objectId, String status, int limit, int offset) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (merchantId != null) {
      where.add("e.merchant_id = :merchant");
      params.put("merchant", merchantId);
    }
    if (objectId != null) {
      where.add("e.object_id = :object");
      params.put("object", objectId);
    }
    if (status != null) {
      where.add("d.status = :status");
      params.put("status", status.toUpperCase(Locale.ROOT));
    }
    params.put("limit", limit);
    params.put("offset", offset);
    List<DeliveryRow> rows =
        jdbc.sql(
                """
                SELECT e.merchant_id, e.event_id, e.type, e.object_id, e.created_at, d.status,
                    d.url, d.attempts, d.next_attempt_at, d.delivered_at
                FROM events e LEFT JOIN webhook_deliveries d
                    ON d.merchant_id = e.merchant_id AND d.event_id = e.event_id"""
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY e.created_at DESC, e.event_id LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, n) ->
                    new DeliveryRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6) == null
                            ? "no_url"
                            : rs.getString(6).toLowerCase(Locale.ROOT),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        List.of()))
            .list();
    Map<String, List<AttemptRow>> logs = attempts(rows);
    return rows.stream()
        .map(
            r ->
                new DeliveryRow(
                    r.merchantId(),
                    r.eventId(),
                    r.type(),
                    r.objectId(),
                    r.createdAt(),
                    r.status(),
                    r.url(),
                    r.attempts(),
                    r.nextAttemptAt(),
                    r.deliveredAt(),
                    logs.getOrDefault(r.merchantId() + " " + r.eventId(), List.of())))
        .toList();
  }

  /** The attempt logs of the rows' events, keyed by "merchant event". */
  private Map<String, List<AttemptRow>> attempts(Collection<DeliveryRow> rows) {
    if (rows.isEmpty()) {
      return Map.of();
    }
    record Keyed(String key, AttemptRow attempt) {}
    return jdbc
        .sql(
            """
            SELECT merchant_id, event_id, attempt, started_at, duration_ms, status_code, error,
                response_body
            FROM webhook_attempts WHERE event_id IN (:events)
            ORDER BY attempt""")
        .param("events", rows.stream().map(DeliveryRow::eventId).toList())
        .query(
            (rs, n) -> {
              int code = rs.getInt(6);
              Integer statusCode = rs.wasNull() ? null : code;
              return new Keyed(
                  rs.getString(1) + " " + rs.getString(2),
                  new AttemptRow(
                      rs.getInt(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      statusCode,
                      cut(rs.getString(7)),
                      cut(rs.getString(8))));
            })
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Keyed::key, Collectors.mapping(Keyed::attempt, Collectors.toList())));
  }

  private static String cut(String text) {
    return text == null || text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY) + "…";
  }

  /** Attempts started since {@code sinceMillis}, all merchants. */
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

  /** How many deliveries of the merchant (to this URL, when given) gave up: {@code failed}. */
  public long countFailed(String merchantId, String url) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM webhook_deliveries WHERE merchant_id = :merchant"
                + " AND status = 'FAILED'"
                + (url == null ? "" : " AND url = :url"))
        .param("merchant", merchantId)
        .param("url", url)
        .query(Long.class)
        .single();
  }

  /**
   * Replays every failed delivery of the merchant (to this URL, when given), at most {@code limit},
   * oldest event first; returns how many were queued again.
   */
  public int replayFailed(String merchantId, String url, int limit) {
    List<String> eventIds =
        jdbc.sql(
                "SELECT event_id FROM webhook_deliveries WHERE merchant_id = :merchant"
                    + " AND status = 'FAILED'"
                    + (url == null ? "" : " AND url = :url")
                    + " ORDER BY created_at, event_id LIMIT :limit")
            .param("merchant", merchantId)
            .param("url", url)
            .param("limit", limit)
            .query(String.class)
            .list();
    eventIds.forEach(id -> replay(merchantId, id));
    return eventIds.size();
  }

  /**
   * Sends the event again now, as the merchant's replay call does.
   *
   * @throws io.paycron.web.ApiException when there is no such event or it is being sent
   */
  public void replay(String merchantId, String eventId) {
    events.replay(merchants.get(merchantId), eventId);
  }
}
