package io.paycron.schedule;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pages of the V1 schedule list endpoints. */
@Repository
class ScheduleListRepository {

  private final JdbcClient jdbc;

  ScheduleListRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of the list endpoints; nulls mean "any". {@code to} is exclusive. */
  record Filter(
      String customerUid, Long from, Long to, ScheduleStatus status, boolean oldestFirst) {}

  List<Schedule> list(String merchantId, Filter filter, int limit, long offset) {
    return jdbc.sql(
            "SELECT * FROM schedules WHERE merchant_id = :merchant"
                + where(filter)
                + " ORDER BY schedule_at "
                + (filter.oldestFirst() ? "ASC, merchant_uid ASC" : "DESC, merchant_uid DESC")
                + " LIMIT :limit OFFSET :offset")
        .params(params(merchantId, filter))
        .param("limit", limit)
        .param("offset", offset)
        .query(ScheduleRepository::map)
        .list();
  }

  long count(String merchantId, Filter filter) {
    return jdbc.sql("SELECT COUNT(*) FROM schedules WHERE merchant_id = :merchant" + where(filter))
        .params(params(merchantId, filter))
        .query(Long.class)
        .single();
  }

  private static String where(Filter filter) {
    StringBuilder sql = new StringBuilder();
    if (filter.customerUid() != null) {
      sql.append(" AND customer_uid = :customer");
    }
    if (filter.from() != null) {
      sql.append(" AND schedule_at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" AND schedule_at < :to");
    }
    if (filter.status() != null) {
      sql.append(
          filter.status() == ScheduleStatus.EXECUTED
              ? " AND status IN ('EXECUTED', 'EXECUTING')"
              : " AND status = :status");
    }
    return sql.toString();
  }

  private static java.util.Map<String, Object> params(String merchantId, Filter filter) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("merchant", merchantId);
    params.put("customer", filter.customerUid());
    params.put("from", filter.from());
    params.put("to", filter.to());
    params.put("status", filter.status() == null ? null : filter.status().name());
    return params;
  }
}
