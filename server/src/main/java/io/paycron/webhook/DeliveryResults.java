package io.paycron.webhook;

import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.util.List;
import org.slf4j.Logger;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writing the results of finished sends: the delivery log and where each delivery stands. */
@Repository
class DeliveryResults {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  DeliveryResults(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  /**
   * One finished send: its log entry, where the delivery stands after it, and the end of the lease
   * the sender held it under (its claim).
   */
  record Finished(
      String merchantId,
      WebhookRepository.Attempt attempt,
      DeliveryStatus status,
      long nextAttemptAt,
      long heldUntil) {}

  /**
   * Writes finished sends in two round trips. A result applies only to the row its sender claimed:
   * still claimed (delivering, or paused meanwhile), with the attempt count it was claimed with and
   * no newer lease; a stale result (its lease ended and another claim took the row) changes
   * nothing, so it never overwrites the newer claim's lease or attempt number. A delivered event
   * never goes back to pending. A failure stays paused when the delivery was paused meanwhile, or
   * when its endpoint is disabled or deleted by now (a disable that committed after the event read
   * the endpoint as enabled): it waits for a replay rather than retrying for days.
   */
  void finishAll(List<Finished> finished, long now) {
    named.batchUpdate(
        """
        INSERT INTO webhook_attempts (merchant_id, event_id, endpoint_id, attempt, started_at,
            duration_ms, status_code, error, response_body)
        VALUES (:merchant, :id, :endpoint, :attempt, :started, :duration, :code, :error, :body)
        ON CONFLICT (merchant_id, event_id, endpoint_id, attempt) DO NOTHING""",
        finished.stream()
            .map(
                f ->
                    new MapSqlParameterSource()
                        .addValue("merchant", f.merchantId())
                        .addValue("id", f.attempt().eventId())
                        .addValue("endpoint", f.attempt().endpointId())
                        .addValue("attempt", f.attempt().attempt())
                        .addValue("started", f.attempt().startedAt())
                        .addValue("duration", f.attempt().durationMs())
                        .addValue("code", f.attempt().statusCode(), java.sql.Types.INTEGER)
                        .addValue("error", f.attempt().error())
                        .addValue("body", f.attempt().responseBody()))
            .toArray(SqlParameterSource[]::new));
    Rows rows =
        Rows.named("v")
            .text("m")
            .text("id")
            .text("ep")
            .text("new_status")
            .integer("attempt")
            .bigint("next")
            .bigint("delivered")
            .bigint("held");
    for (Finished f : finished) {
      rows.add(
          f.merchantId(),
          f.attempt().eventId(),
          f.attempt().endpointId(),
          f.status().name(),
          f.attempt().attempt(),
          f.nextAttemptAt(),
          f.status() == DeliveryStatus.DELIVERED ? now : 0L,
          f.heldUntil());
    }
    jdbc.sql(
            "UPDATE webhook_deliveries SET status = CASE"
                + " WHEN v.new_status = 'DELIVERED' THEN v.new_status"
                + " WHEN webhook_deliveries.status = 'PAUSED' THEN 'PAUSED'"
                + " WHEN v.ep <> '' AND NOT EXISTS (SELECT 1 FROM webhook_endpoints we"
                + " WHERE we.merchant_id = v.m AND we.endpoint_id = v.ep AND we.enabled)"
                + " THEN 'PAUSED'"
                + " ELSE v.new_status END,"
                + " attempts = v.attempt,"
                + " next_attempt_at = v.next, lease_until = NULL, updated_at = :now,"
                + " delivered_at = v.delivered FROM "
                + rows.sql(dialect)
                + " WHERE webhook_deliveries.merchant_id = v.m"
                + " AND webhook_deliveries.event_id = v.id"
                + " AND webhook_deliveries.endpoint_id = v.ep"
                + " AND webhook_deliveries.status IN ('DELIVERING', 'PAUSED')"
                + " AND webhook_deliveries.attempts = v.attempt - 1"
                + " AND (webhook_deliveries.lease_until IS NULL"
                + " OR webhook_deliveries.lease_until <= v.held)")
        .param("now", now)
        .params(rows.params(dialect))
        .update();
  }

  /** Logs written results: delivered ones at DEBUG (the log table holds every attempt). */
  static void log(Logger log, List<Finished> finished) {
    int delivered = 0;
    for (Finished f : finished) {
      boolean ok = f.status() == DeliveryStatus.DELIVERED;
      delivered += ok ? 1 : 0;
      if (ok ? log.isDebugEnabled() : log.isInfoEnabled()) {
        String line =
            String.format(
                "webhook %s: merchant=%s event=%s attempt=%d status=%s%s",
                ok ? "delivered" : "not delivered",
                f.merchantId(),
                f.attempt().eventId(),
                f.attempt().attempt(),
                f.attempt().statusCode(),
                f.attempt().error() == null ? "" : " error=" + f.attempt().error());
        if (ok) {
          log.debug(line);
        } else {
          log.info(line);
        }
      }
    }
    log.info(
        "webhook attempts recorded: {} delivered, {} not", delivered, finished.size() - delivered);
  }
}
