package io.paycron.schedule;

import io.paycron.storage.SqlDialect;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions about schedules still waiting in the queue: how many are due, how many are late. Test
 * clock schedules never enter the queue (they are due by their own clock), so they never count.
 */
@Repository
class ScheduleBacklogRepository {

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  ScheduleBacklogRepository(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** Waiting schedules: due ones (schedule_at ≤ now), late ones (≤ lateBefore), the oldest. */
  record Backlog(long due, long late, Long oldestDueAt) {}

  /** A late schedule and what its event tells. */
  record Late(
      String merchantId,
      String merchantUid,
      String customerUid,
      long scheduleAt,
      long version,
      String noticeUrl) {}

  /** One range read of the due index. */
  Backlog backlog(long now, long lateBefore) {
    return jdbc.sql(
            """
            SELECT COUNT(*),
                   COALESCE(SUM(CASE WHEN schedule_at <= :late THEN 1 ELSE 0 END), 0),
                   MIN(schedule_at)
            FROM schedule_queue WHERE schedule_at <= :now""")
        .param("now", now)
        .param("late", lateBefore)
        .query(
            (rs, n) -> {
              long oldest = rs.getLong(3);
              return new Backlog(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : oldest);
            })
        .single();
  }

  /**
   * Late schedules not announced yet (no schedule.late event for this version) after {@code after}
   * (keyset order: schedule_at, merchant, merchant_uid), their rows locked until the transaction
   * ends (PostgreSQL), so two nodes checking at once never both announce the same one; rows another
   * node holds (checking, or claiming this instant) are skipped. Leaving announced ones out is what
   * lets every check reach past them: they stay late in the queue, and a check that started from
   * the oldest would page through the same ones forever and re-lock rows the claimer needs. The
   * events index (merchant_id, object_id, created_at) finds a schedule's few events.
   */
  List<Late> lockLate(long lateBefore, Late after, int limit) {
    String from =
        after == null
            ? ""
            : """
               AND (q.schedule_at > :at OR (q.schedule_at = :at AND (q.merchant_id > :m
                    OR (q.merchant_id = :m AND q.merchant_uid > :uid))))""";
    var sql =
        jdbc.sql(
                """
                SELECT q.merchant_id, q.merchant_uid, s.customer_uid, q.schedule_at, s.version,
                       s.notice_url
                FROM schedule_queue q JOIN schedules s
                  ON s.merchant_id = q.merchant_id AND s.merchant_uid = q.merchant_uid
                WHERE q.schedule_at <= :late AND s.status = 'SCHEDULED'
                  AND NOT EXISTS (SELECT 1 FROM events e
                                  WHERE e.merchant_id = q.merchant_id
                                    AND e.object_id = q.merchant_uid
                                    AND e.type = :type AND e.object_version = s.version)"""
                    + from
                    + " ORDER BY q.schedule_at, q.merchant_id, q.merchant_uid LIMIT :limit"
                    + dialect.skipLocked())
            .param("late", lateBefore)
            .param("type", LateScheduleWatch.EVENT_TYPE)
            .param("limit", limit);
    if (after != null) {
      sql =
          sql.param("at", after.scheduleAt())
              .param("m", after.merchantId())
              .param("uid", after.merchantUid());
    }
    return sql.query(
            (rs, n) ->
                new Late(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getString(6)))
        .list();
  }
}
