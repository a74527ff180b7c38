package io.paycron.webhook;

import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

  /** The endpoint id of an event's legacy target: its notice_url, else the default URL. */
  static final String LEGACY = "";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  WebhookRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  record Event(
      String merchantId,
      String eventId,
      String type,
      String objectId,
      long objectVersion,
      String payload,
      long createdAt) {}

  /** Where one event goes: its endpoint ({@link #LEGACY} for the notice_url / default URL). */
  record Delivery(
      String merchantId,
      String eventId,
      String endpointId,
      String url,
      DeliveryStatus status,
      int attempts,
      long nextAttemptAt,
      long deliveredAt) {}

  record Attempt(
      String eventId,
      String endpointId,
      int attempt,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody) {}

  /** A claimed delivery with what is needed to send it. */
  record Claimed(
      String merchantId,
      String eventId,
      String endpointId,
      String url,
      int attempts,
      String type,
      String payload,
      long createdAt) {}

  void insertEvents(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    named.batchUpdate(
        """
        INSERT INTO events (merchant_id, event_id, type, object_id, object_version, payload,
            created_at)
        VALUES (:merchant, :id, :type, :object, :version, :payload, :now)""",
        events.stream()
            .map(
                e ->
                    new MapSqlParameterSource()
                        .addValue("merchant", e.merchantId())
                        .addValue("id", e.eventId())
                        .addValue("type", e.type())
                        .addValue("object", e.objectId())
                        .addValue("version", e.objectVersion())
                        .addValue("payload", e.payload())
                        .addValue("now", e.createdAt()))
            .toArray(SqlParameterSource[]::new));
  }

  /**
   * Queues deliveries; with a lease ({@code leaseUntil} not null) they are already held by this
   * node, which sends them right after the commit without claiming them.
   */
  void insertDeliveries(List<Delivery> deliveries, long now, Long leaseUntil) {
    if (deliveries.isEmpty()) {
      return;
    }
    named.batchUpdate(
        """
        INSERT INTO webhook_deliveries (merchant_id, event_id, endpoint_id, url, status, attempts,
            next_attempt_at, lease_until, delivered_at, created_at, updated_at)
        VALUES (:merchant, :id, :endpoint, :url, :status, 0, :now, :lease, 0, :now, :now)""",
        deliveries.stream()
            .map(
                d ->
                    new MapSqlParameterSource()
                        .addValue("merchant", d.merchantId())
                        .addValue("id", d.eventId())
                        .addValue("endpoint", d.endpointId())
                        .addValue("url", d.url())
                        .addValue(
                            "status",
                            leaseUntil == null
                                ? DeliveryStatus.PENDING.name()
                                : DeliveryStatus.DELIVERING.name())
                        .addValue("lease", leaseUntil, java.sql.Types.BIGINT)
                        .addValue("now", now))
            .toArray(SqlParameterSource[]::new));
  }

  void insertDelivery(String merchantId, String eventId, String url, long now) {
    jdbc.sql(
            """
            INSERT INTO webhook_deliveries (merchant_id, event_id, endpoint_id, url, status,
                attempts, next_attempt_at, delivered_at, created_at, updated_at)
            VALUES (:merchant, :id, :endpoint, :url, 'PENDING', 0, :now, 0, :now, :now)""")
        .param("merchant", merchantId)
        .param("id", eventId)
        .param("endpoint", LEGACY)
        .param("url", url)
        .param("now", now)
        .update();
  }

  /**
   * Claims due deliveries in one statement. On PostgreSQL rows another node holds are skipped, so
   * any number of nodes dispatch without sending an event twice at once.
   */
  List<Claimed> claimDue(long now, long leaseUntil, int limit) {
    return withEvents(claimKeys(now, leaseUntil, limit));
  }

  private List<String[]> claimKeys(long now, long leaseUntil, int limit) {
    return jdbc.sql(
            """
            UPDATE webhook_deliveries SET status = 'DELIVERING', lease_until = :lease,
                updated_at = :now
            WHERE (merchant_id, event_id, endpoint_id) IN (
                SELECT merchant_id, event_id, endpoint_id FROM webhook_deliveries
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :limit"""
                + dialect.skipLocked()
                + """
                )
                RETURNING merchant_id, event_id, endpoint_id, url, attempts""")
        .param("lease", leaseUntil)
        .param("now", now)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new String[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)
                })
        .list();
  }

  /** Claimed deliveries with their events, read in one query. */
  private List<Claimed> withEvents(List<String[]> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Rows keys = Rows.named("v").text("m").text("id");
    rows.forEach(row -> keys.add(row[0], row[1]));
    java.util.Map<Key, Event> events = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT events.* FROM events JOIN "
                + keys.sql(dialect)
                + " ON events.merchant_id = v.m AND events.event_id = v.id")
        .params(keys.params(dialect))
        .query(WebhookRepository::event)
        .list()
        .forEach(e -> events.put(new Key(e.merchantId(), e.eventId(), LEGACY), e));
    return rows.stream()
        .map(
            row -> {
              Event event = events.get(new Key(row[0], row[1], LEGACY));
              return new Claimed(
                  row[0],
                  row[1],
                  row[2],
                  row[3],
                  Integer.parseInt(row[4]),
                  event.type(),
                  event.payload(),
                  event.createdAt());
            })
        .toList();
  }

  /** A delivery's key. */
  record Key(String merchantId, String eventId, String endpointId) {}

  /**
   * Extends the leases of deliveries this node still holds, paused ones too (paused while being
   * sent: the lease says they are still in flight).
   */
  void renewLeases(List<Key> keys, long leaseUntil) {
    named.batchUpdate(
        """
        UPDATE webhook_deliveries SET lease_until = :lease
        WHERE merchant_id = :merchant AND event_id = :id AND endpoint_id = :endpoint
          AND (status = 'DELIVERING' OR (status = 'PAUSED' AND lease_until IS NOT NULL))""",
        keys.stream()
            .map(
                k ->
                    new MapSqlParameterSource()
                        .addValue("lease", leaseUntil)
                        .addValue("merchant", k.merchantId())
                        .addValue("id", k.eventId())
                        .addValue("endpoint", k.endpointId()))
            .toArray(SqlParameterSource[]::new));
  }

  /** Deliveries whose node died while sending go back to the queue. */
  int releaseExpiredLeases(long now) {
    return jdbc.sql(
            """
            UPDATE webhook_deliveries SET status = 'PENDING', lease_until = NULL, updated_at = :now
            WHERE status = 'DELIVERING' AND lease_until < :now""")
        .param("now", now)
        .update();
  }

  /** Puts a claimed delivery back without counting an attempt (its endpoint was busy). */
  void unclaim(Key key, long retryAt, long now) {
    jdbc.sql(
            """
            UPDATE webhook_deliveries SET status = 'PENDING', lease_until = NULL,
                next_attempt_at = :retryAt, updated_at = :now
            WHERE merchant_id = :merchant AND event_id = :id AND endpoint_id = :endpoint
              AND status = 'DELIVERING'""")
        .param("retryAt", retryAt)
        .param("now", now)
        .param("merchant", key.merchantId())
        .param("id", key.eventId())
        .param("endpoint", key.endpointId())
        .update();
  }

  /**
   * Queues an event's deliveries again (replay), keeping their attempt counts and log; skips those
   * being sent now and those of an endpoint that is not enabled. Returns how many.
   */
  int requeue(String merchantId, String eventId, long now) {
    return jdbc.sql(
            """
            UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = :now,
                lease_until = NULL, updated_at = :now
            WHERE merchant_id = :merchant AND event_id = :id AND status <> 'DELIVERING'
              AND (lease_until IS NULL OR lease_until < :now)
              AND (endpoint_id = '' OR endpoint_id IN (SELECT endpoint_id FROM webhook_endpoints
                  WHERE merchant_id = :merchant AND enabled))""")
        .param("now", now)
        .param("merchant", merchantId)
        .param("id", eventId)
        .update();
  }

  /** An event's deliveries, the legacy target's first. */
  List<Delivery> findDeliveries(String merchantId, String eventId) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_deliveries WHERE merchant_id = :merchant AND event_id = :id
            ORDER BY endpoint_id""")
        .param("merchant", merchantId)
        .param("id", eventId)
        .query(WebhookRepository::delivery)
        .list();
  }

  static Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Delivery(
        rs.getString("merchant_id"),
        rs.getString("event_id"),
        rs.getString("endpoint_id"),
        rs.getString("url"),
        DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getLong("next_attempt_at"),
        rs.getLong("delivered_at"));
  }

  static Attempt attempt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    int code = rs.getInt("status_code");
    Integer statusCode = rs.wasNull() ? null : code;
    return new Attempt(
        rs.getString("event_id"),
        rs.getString("endpoint_id"),
        rs.getInt("attempt"),
        rs.getLong("started_at"),
        rs.getLong("duration_ms"),
        statusCode,
        rs.getString("error"),
        rs.getString("response_body"));
  }

  static Event event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Event(
        rs.getString("merchant_id"),
        rs.getString("event_id"),
        rs.getString("type"),
        rs.getString("object_id"),
        rs.getLong("object_version"),
        rs.getString("payload"),
        rs.getLong("created_at"));
  }

  Optional<String> merchantWebhookUrl(String merchantId) {
    return jdbc.sql("SELECT webhook_url FROM merchants WHERE id = :merchant")
        .param("merchant", merchantId)
        .query(String.class)
        .optional();
  }

  void setMerchantWebhookUrl(String merchantId, String url) {
    jdbc.sql("UPDATE merchants SET webhook_url = :url WHERE id = :merchant")
        .param("url", url)
        .param("merchant", merchantId)
        .update();
  }
}
