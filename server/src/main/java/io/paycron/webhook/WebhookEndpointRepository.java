package io.paycron.webhook;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook endpoints and the per-endpoint questions about their deliveries. */
@Repository
class WebhookEndpointRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  WebhookEndpointRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  void insert(WebhookEndpoint e) {
    jdbc.sql(
            """
            INSERT INTO webhook_endpoints (merchant_id, endpoint_id, url, event_types, enabled,
                description, failing_since, disabled_at, disabled_reason, created_at, updated_at,
                version)
            VALUES (:merchant, :id, :url, :types, :enabled, :description, NULL, :disabledAt,
                :reason, :now, :now, 1)""")
        .param("merchant", e.merchantId())
        .param("id", e.endpointId())
        .param("url", e.url())
        .param("types", String.join(" ", e.eventTypes()))
        .param("enabled", e.enabled())
        .param("description", e.description())
        .param("disabledAt", e.enabled() ? null : e.disabledAt(), java.sql.Types.BIGINT)
        .param("reason", e.disabledReason())
        .param("now", e.createdAt())
        .update();
  }

  /**
   * Writes the changeable fields of an endpoint read before, if nobody changed it meanwhile. The
   * failure record is never written from what was read ({@link #recordHealth} does not bump the
   * version, so a success recorded since the read would be undone): it is cleared when {@code
   * enabling}, else left as the database has it.
   */
  boolean update(WebhookEndpoint e, long expectedVersion, boolean enabling) {
    return jdbc.sql(
                """
                UPDATE webhook_endpoints SET url = :url, event_types = :types, enabled = :enabled,
                    description = :description,
                    failing_since = CASE WHEN :enabling = 1 THEN NULL ELSE failing_since END,
                    disabled_at = :disabledAt, disabled_reason = :reason, updated_at = :now,
                    version = version + 1
                WHERE merchant_id = :merchant AND endpoint_id = :id AND version = :version""")
            .param("url", e.url())
            .param("types", String.join(" ", e.eventTypes()))
            .param("enabled", e.enabled())
            .param("description", e.description())
            .param("enabling", enabling ? 1 : 0)
            .param("disabledAt", e.disabledAt() == 0 ? null : e.disabledAt(), java.sql.Types.BIGINT)
            .param("reason", e.disabledReason())
            .param("now", e.updatedAt())
            .param("merchant", e.merchantId())
            .param("id", e.endpointId())
            .param("version", expectedVersion)
            .update()
        == 1;
  }

  boolean delete(String merchantId, String endpointId) {
    return jdbc.sql(
                "DELETE FROM webhook_endpoints WHERE merchant_id = :merchant AND endpoint_id = :id")
            .param("merchant", merchantId)
            .param("id", endpointId)
            .update()
        == 1;
  }

  Optional<WebhookEndpoint> find(String merchantId, String endpointId) {
    return jdbc.sql(
            "SELECT * FROM webhook_endpoints WHERE merchant_id = :merchant AND endpoint_id = :id")
        .param("merchant", merchantId)
        .param("id", endpointId)
        .query(WebhookEndpointRepository::endpoint)
        .optional();
  }

  List<WebhookEndpoint> list(String merchantId) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_endpoints WHERE merchant_id = :merchant
            ORDER BY created_at, endpoint_id""")
        .param("merchant", merchantId)
        .query(WebhookEndpointRepository::endpoint)
        .list();
  }

  /** Operators' view: every merchant's endpoints (or one merchant's), optionally disabled only. */
  List<WebhookEndpoint> listAll(String merchantId, boolean disabledOnly, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_endpoints
            WHERE (:merchant IS NULL OR merchant_id = :merchant)
              AND (:disabledOnly = 0 OR NOT enabled)
            ORDER BY merchant_id, created_at, endpoint_id LIMIT :limit""")
        .param("merchant", merchantId, java.sql.Types.VARCHAR)
        .param("disabledOnly", disabledOnly ? 1 : 0)
        .param("limit", limit)
        .query(WebhookEndpointRepository::endpoint)
        .list();
  }

  int count(String merchantId) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE merchant_id = :merchant")
        .param("merchant", merchantId)
        .query(Integer.class)
        .single();
  }

  /** The enabled endpoints of these merchants, by merchant (one query for a batch of events). */
  Map<String, List<WebhookEndpoint>> enabledOf(Collection<String> merchantIds) {
    Map<String, List<WebhookEndpoint>> byMerchant = new HashMap<>();
    if (merchantIds.isEmpty()) {
      return byMerchant;
    }
    jdbc.sql("SELECT * FROM webhook_endpoints WHERE merchant_id IN (:merchants) AND enabled")
        .param("merchants", merchantIds)
        .query(WebhookEndpointRepository::endpoint)
        .list()
        .forEach(
            e ->
                byMerchant
                    .computeIfAbsent(e.merchantId(), m -> new java.util.ArrayList<>())
                    .add(e));
    return byMerchant;
  }

  /** One endpoint's outcome in a batch of recorded attempts. */
  record Health(String merchantId, String endpointId, boolean lastOk, long firstFailureAt) {}

  /**
   * Keeps {@code failing_since}: cleared by a success, otherwise set by the first failure after one
   * (and left as it is by later failures).
   */
  void recordHealth(List<Health> outcomes, long now) {
    if (outcomes.isEmpty()) {
      return;
    }
    named.batchUpdate(
        """
        UPDATE webhook_endpoints
        SET failing_since = CASE WHEN :ok = 1 THEN NULL
            ELSE COALESCE(failing_since, :failedAt) END
        WHERE merchant_id = :merchant AND endpoint_id = :id
          AND (CASE WHEN :ok = 1 THEN failing_since IS NOT NULL ELSE failing_since IS NULL END)""",
        outcomes.stream()
            .map(
                h ->
                    new MapSqlParameterSource()
                        .addValue("ok", h.lastOk() ? 1 : 0)
                        .addValue("failedAt", h.firstFailureAt())
                        .addValue("merchant", h.merchantId())
                        .addValue("id", h.endpointId()))
            .toArray(SqlParameterSource[]::new));
  }

  /** Enabled endpoints that have failed without a success since {@code cutoff} or earlier. */
  List<WebhookEndpoint> failingSince(long cutoff, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_endpoints
            WHERE failing_since IS NOT NULL AND enabled AND failing_since <= :cutoff
            ORDER BY failing_since LIMIT :limit""")
        .param("cutoff", cutoff)
        .param("limit", limit)
        .query(WebhookEndpointRepository::endpoint)
        .list();
  }

  /**
   * Disables an endpoint if it is still enabled and still failing since {@code cutoff} or earlier,
   * in one statement: a success recorded meanwhile (which clears failing_since) wins.
   */
  boolean disableIfFailing(
      String merchantId, String endpointId, long cutoff, String reason, long now) {
    return jdbc.sql(
                """
                UPDATE webhook_endpoints SET enabled = FALSE, disabled_at = :now,
                    disabled_reason = :reason, updated_at = :now, version = version + 1
                WHERE merchant_id = :merchant AND endpoint_id = :id AND enabled
                  AND failing_since IS NOT NULL AND failing_since <= :cutoff""")
            .param("now", now)
            .param("reason", reason)
            .param("merchant", merchantId)
            .param("id", endpointId)
            .param("cutoff", cutoff)
            .update()
        == 1;
  }

  /**
   * Stops an endpoint's waiting deliveries (it was disabled or deleted): kept as {@code PAUSED},
   * replayable once it is enabled again. One being sent now keeps its lease: a paused row with a
   * live lease is still in flight, so no replay queues it again until its result is recorded (which
   * clears the lease) or the lease ends (its node died).
   */
  int pauseDeliveries(String merchantId, String endpointId, long now) {
    return jdbc.sql(
            """
            UPDATE webhook_deliveries SET status = 'PAUSED', updated_at = :now
            WHERE merchant_id = :merchant AND endpoint_id = :id
              AND status IN ('PENDING', 'DELIVERING')""")
        .param("now", now)
        .param("merchant", merchantId)
        .param("id", endpointId)
        .update();
  }

  /**
   * Points an endpoint's deliveries that are not delivered yet at its new URL, so that retries and
   * replays go where the merchant said. A send in flight keeps the URL it was claimed with; its
   * result never writes the URL back, so its retry goes to the new one.
   */
  int repointDeliveries(String merchantId, String endpointId, String url, long now) {
    return jdbc.sql(
            """
            UPDATE webhook_deliveries SET url = :url, updated_at = :now
            WHERE merchant_id = :merchant AND endpoint_id = :id AND status <> 'DELIVERED'
              AND url <> :url""")
        .param("url", url)
        .param("now", now)
        .param("merchant", merchantId)
        .param("id", endpointId)
        .update();
  }

  private static WebhookEndpoint endpoint(java.sql.ResultSet rs, int n)
      throws java.sql.SQLException {
    String types = rs.getString("event_types");
    return new WebhookEndpoint(
        rs.getString("merchant_id"),
        rs.getString("endpoint_id"),
        rs.getString("url"),
        types.isBlank() ? List.of() : Arrays.asList(types.trim().split(" +")),
        rs.getBoolean("enabled"),
        rs.getString("description"),
        rs.getLong("failing_since"),
        rs.getLong("disabled_at"),
        rs.getString("disabled_reason"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"),
        rs.getLong("version"));
  }
}
