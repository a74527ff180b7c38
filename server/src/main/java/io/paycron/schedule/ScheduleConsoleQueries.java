package io.paycron.schedule;

import io.paycron.storage.ListFilters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operator console reads about schedules, across merchants (an operator sees them all; a
 * merchant filter narrows). Read-only; the console revokes through {@link ScheduleConsoleActions}.
 */
@Service
public class ScheduleConsoleQueries {

  /** A schedule as the console lists it; times in epoch milliseconds (0 when not happened). */
  public record ScheduleRow(
      String merchantId,
      String merchantUid,
      String customerUid,
      long scheduleAt,
      long amount,
      String currency,
      String status,
      String paymentStatus,
      String impUid,
      String failReason,
      long executedAt,
      long revokedAt) {

    public boolean revocable() {
      return "scheduled".equals(status);
    }
  }

  /**
   * Any field may be null (no filter). {@code status} is a wire status: scheduled, executed (which
   * includes executing) or revoked; times are epoch milliseconds, {@code to} exclusive.
   */
  public record Filter(
      String merchantId, String customerUid, String status, Long fromMillis, Long toMillis) {}

  private final JdbcClient jdbc;

  ScheduleConsoleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest due time first. */
  public List<ScheduleRow> list(Filter filter, int limit, int offset) {
    ListFilters filters =
        new ListFilters()
            .whenGiven("merchant_id = :merchant", "merchant", filter.merchantId())
            .whenGiven("customer_uid = :customer", "customer", filter.customerUid());
    if (filter.status() != null) {
      ScheduleStatus status = ScheduleStatus.filter(filter.status()).orElseThrow();
      filters.add(
          status == ScheduleStatus.EXECUTED
              ? "status IN ('EXECUTED', 'EXECUTING')"
              : "status = '" + status.name() + "'");
    }
    filters
        .whenGiven("schedule_at >= :from", "from", filter.fromMillis())
        .whenGiven("schedule_at < :to", "to", filter.toMillis());
    String sql =
        SELECT
            + filters.where()
            + " ORDER BY schedule_at DESC, merchant_id, merchant_uid LIMIT :limit OFFSET :offset";
    return jdbc.sql(sql)
        .params(filters.params(limit, offset))
        .query(ScheduleConsoleQueries::row)
        .list();
  }

  /*
   * Due and late schedules are read from schedule_queue: it holds exactly the pending schedules
   * (V5), indexed by due time, so these counts stay cheap on a large book. Schedules on a test
   * clock are not in it: they fall due on their clock, never late in real time.
   */

  /** Pending schedules due in [from, to). */
  public long countDueBetween(long fromMillis, long toMillis) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM schedule_queue WHERE schedule_at >= :from AND schedule_at < :to")
        .param("from", fromMillis)
        .param("to", toMillis)
        .query(Long.class)
        .single();
  }

  /** Schedules still waiting although due before {@code dueBefore}: late ones, oldest first. */
  public List<ScheduleRow> late(long dueBeforeMillis, int limit) {
    return jdbc.sql(
            SELECT
                + " WHERE (merchant_id, merchant_uid) IN (SELECT merchant_id, merchant_uid"
                + " FROM schedule_queue WHERE schedule_at < :before"
                + " ORDER BY schedule_at LIMIT :limit) AND status = 'SCHEDULED'"
                + " ORDER BY schedule_at, merchant_id, merchant_uid")
        .param("before", dueBeforeMillis)
        .param("limit", limit)
        .query(ScheduleConsoleQueries::row)
        .list();
  }

  public long countLate(long dueBeforeMillis) {
    return jdbc.sql("SELECT COUNT(*) FROM schedule_queue WHERE schedule_at < :before")
        .param("before", dueBeforeMillis)
        .query(Long.class)
        .single();
  }

  private static final String SELECT =
      """
      SELECT merchant_id, merchant_uid, customer_uid, schedule_at, amount, currency, status,
          payment_status, imp_uid, fail_reason, executed_at, revoked_at
      FROM schedules""";

  private static ScheduleRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new ScheduleRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getString(6),
        ScheduleStatus.valueOf(rs.getString(7)).wire(),
        rs.getString(8) == null ? null : rs.getString(8).toLowerCase(java.util.Locale.ROOT),
        rs.getString(9),
        rs.getString(10),
        rs.getLong(11),
        rs.getLong(12));
  }
}
