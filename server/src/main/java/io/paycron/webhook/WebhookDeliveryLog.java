package io.paycron.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading events and deliveries (the events API, the operators' list) and bulk replay. */
@Repository
class WebhookDeliveryLog {

  private static final String REPLAYABLE =
      """
      WHERE merchant_id = :merchant AND (:endpoint IS NULL OR endpoint_id = :endpoint)
        AND created_at >= :from AND created_at < :to AND status <> 'DELIVERING'
        AND (lease_until IS NULL OR lease_until < :now)
        AND (:failedOnly = 0 OR status IN ('FAILED', 'PAUSED'))
        AND (endpoint_id = '' OR endpoint_id IN (SELECT endpoint_id FROM webhook_endpoints
            WHERE merchant_id = :merchant AND enabled))""";

  private final JdbcClient jdbc;

  WebhookDeliveryLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One merchant's deliveries created in [from, to) (epoch ms), of one endpoint ({@code ""} = the
   * legacy target) or of all ({@code null}); failed ones only (failed or paused) or all. Those
   * being sent now (claimed, or paused with a live lease) and those of an endpoint that is not
   * enabled are never replayed.
   */
  record Range(String merchantId, String endpointId, long from, long to, boolean failedOnly) {}

  /** How many deliveries a replay of {@code range} would queue, counting at most {@code limit}. */
  int countReplayable(Range range, int limit, long now) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM (SELECT 1 FROM webhook_deliveries "
                + REPLAYABLE
                + " LIMIT :limit) matching")
        .param("merchant", range.merchantId())
        .param("endpoint", range.endpointId(), java.sql.Types.VARCHAR)
        .param("from", range.from())
        .param("to", range.to())
        .param("failedOnly", range.failedOnly() ? 1 : 0)
        .param("limit", limit)
        .param("now", now)
        .query(Integer.class)
        .single();
  }

  /** Queues every delivery of {@code range} again, keeping attempt counts and log. */
  int requeue(Range range, long now) {
    return jdbc.sql(
            "UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = :now,"
                + " lease_until = NULL, updated_at = :now "
                + REPLAYABLE)
        .param("now", now)
        .param("merchant", range.merchantId())
        .param("endpoint", range.endpointId(), java.sql.Types.VARCHAR)
        .param("from", range.from())
        .param("to", range.to())
        .param("failedOnly", range.failedOnly() ? 1 : 0)
        .update();
  }

  /** Queues one delivery again, unless it is being sent or its endpoint is not enabled. */
  boolean requeueOne(String merchantId, String eventId, String endpointId, long now) {
    return jdbc.sql(
                """
                UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = :now,
                    lease_until = NULL, updated_at = :now
                WHERE merchant_id = :merchant AND event_id = :id AND endpoint_id = :endpoint
                  AND status <> 'DELIVERING' AND (lease_until IS NULL OR lease_until < :now)
                  AND (endpoint_id = '' OR endpoint_id IN (SELECT endpoint_id
                      FROM webhook_endpoints WHERE merchant_id = :merchant AND enabled))""")
            .param("now", now)
            .param("merchant", merchantId)
            .param("id", eventId)
            .param("endpoint", endpointId)
            .update()
        == 1;
  }

  /** A delivery with its event's type and object, for lists. */
  record Row(WebhookRepository.Delivery delivery, String type, String objectId, long createdAt) {}

  /** Filters of the operators' list; null = any. Times are epoch ms, [from, to). */
  record Filter(
      String merchantId,
      String endpointId,
      DeliveryStatus status,
      long from,
      long to,
      int limit,
      int offset) {}

  private static final String FILTERED =
      """
       FROM webhook_deliveries d JOIN events e
        ON e.merchant_id = d.merchant_id AND e.event_id = d.event_id
      WHERE (:merchant IS NULL OR d.merchant_id = :merchant)
        AND (:endpoint IS NULL OR d.endpoint_id = :endpoint)
        AND (:status IS NULL OR d.status = :status)
        AND d.created_at >= :from AND d.created_at < :to""";

  List<Row> find(Filter filter) {
    return jdbc.sql(
            "SELECT d.*, e.type AS event_type, e.object_id AS event_object"
                + FILTERED
                + " ORDER BY d.created_at DESC, d.event_id, d.endpoint_id LIMIT :limit OFFSET :offset")
        .param("merchant", filter.merchantId(), java.sql.Types.VARCHAR)
        .param("endpoint", filter.endpointId(), java.sql.Types.VARCHAR)
        .param(
            "status",
            filter.status() == null ? null : filter.status().name(),
            java.sql.Types.VARCHAR)
        .param("from", filter.from())
        .param("to", filter.to())
        .param("limit", filter.limit())
        .param("offset", filter.offset())
        .query(
            (rs, n) ->
                new Row(
                    WebhookRepository.delivery(rs, n),
                    rs.getString("event_type"),
                    rs.getString("event_object"),
                    rs.getLong("created_at")))
        .list();
  }

  long count(Filter filter) {
    return jdbc.sql("SELECT COUNT(*)" + FILTERED)
        .param("merchant", filter.merchantId(), java.sql.Types.VARCHAR)
        .param("endpoint", filter.endpointId(), java.sql.Types.VARCHAR)
        .param(
            "status",
            filter.status() == null ? null : filter.status().name(),
            java.sql.Types.VARCHAR)
        .param("from", filter.from())
        .param("to", filter.to())
        .query(Long.class)
        .single();
  }

  /** One delivery's attempt log, oldest first. */
  List<WebhookRepository.Attempt> attempts(String merchantId, String eventId, String endpointId) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_attempts
            WHERE merchant_id = :merchant AND event_id = :id AND endpoint_id = :endpoint
            ORDER BY attempt""")
        .param("merchant", merchantId)
        .param("id", eventId)
        .param("endpoint", endpointId)
        .query(WebhookRepository::attempt)
        .list();
  }

  Optional<WebhookRepository.Event> findEvent(String merchantId, String eventId) {
    return jdbc.sql("SELECT * FROM events WHERE merchant_id = :merchant AND event_id = :id")
        .param("merchant", merchantId)
        .param("id", eventId)
        .query(WebhookRepository::event)
        .optional();
  }

  List<WebhookRepository.Event> findEventsOf(String merchantId, String objectId) {
    return jdbc.sql(
            """
            SELECT * FROM events WHERE merchant_id = :merchant AND object_id = :object
            ORDER BY created_at, event_id""")
        .param("merchant", merchantId)
        .param("object", objectId)
        .query(WebhookRepository::event)
        .list();
  }

  List<WebhookRepository.Attempt> findAttempts(String merchantId, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT * FROM webhook_attempts WHERE merchant_id = :merchant AND event_id IN (:ids)
            ORDER BY event_id, endpoint_id, attempt""")
        .param("merchant", merchantId)
        .param("ids", eventIds)
        .query(WebhookRepository::attempt)
        .list();
  }
}
