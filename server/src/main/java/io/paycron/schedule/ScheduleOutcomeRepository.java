package io.paycron.schedule;

import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What schedules' executions became: the writes that follow their payments. */
@Repository
class ScheduleOutcomeRepository {

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  ScheduleOutcomeRepository(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** An attempt's result; {@code paymentStatus} is null while the outcome is unknown. */
  record Execution(
      String merchantId,
      String merchantUid,
      String impUid,
      long startedAt,
      String paymentStatus,
      String failReason) {}

  /**
   * Records attempts' results. The first result of an execution names its payment (the schedule is
   * still executing and has none); later ones (an unknown outcome settled) must name the same
   * payment, so a schedule whose payment has changed since is left alone.
   */
  void markExecuted(List<Execution> executions, long now) {
    if (executions.isEmpty()) {
      return;
    }
    Rows rows =
        Rows.named("v")
            .text("m")
            .text("uid")
            .text("imp")
            .bigint("started")
            .text("new_status")
            .text("reason");
    executions.forEach(
        e ->
            rows.add(
                e.merchantId(),
                e.merchantUid(),
                e.impUid(),
                e.startedAt(),
                e.paymentStatus(),
                e.failReason()));
    jdbc.sql(
            "UPDATE schedules SET status = 'EXECUTED', payment_status = v.new_status,"
                + " fail_reason = v.reason, imp_uid = v.imp,"
                + " executed_at = CASE WHEN schedules.imp_uid IS NULL THEN v.started"
                + " ELSE schedules.executed_at END,"
                + " lease_until = NULL, updated_at = :now, version = version + 1 FROM "
                + rows.sql(dialect)
                + " WHERE schedules.merchant_id = v.m AND schedules.merchant_uid = v.uid"
                + " AND (schedules.imp_uid = v.imp"
                + " OR (schedules.imp_uid IS NULL AND schedules.status = 'EXECUTING'))")
        .param("now", now)
        .params(rows.params(dialect))
        .update();
  }

  /** The payment of an executed schedule changed (it was refunded). */
  void setPaymentStatus(
      String merchantId, String merchantUid, String impUid, String paymentStatus, long now) {
    jdbc.sql(
            """
            UPDATE schedules SET payment_status = :paymentStatus, updated_at = :now,
                version = version + 1
            WHERE merchant_id = :merchant AND merchant_uid = :uid AND imp_uid = :imp""")
        .param("paymentStatus", paymentStatus)
        .param("now", now)
        .param("merchant", merchantId)
        .param("uid", merchantUid)
        .param("imp", impUid)
        .update();
  }
}
