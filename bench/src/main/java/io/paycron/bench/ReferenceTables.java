package io.paycron.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The references' own business tables and the per-item work they do, which is what Paycron does for
 * a schedule stripped to its core: insert a payment row, update the schedule row, insert an outbox
 * row. The schedule table has the same partial "due" index as Paycron's.
 */
final class ReferenceTables {

  static final String[] DDL = {
    """
    CREATE TABLE bench_schedules (
        id          BIGINT PRIMARY KEY,
        schedule_at BIGINT NOT NULL,
        amount      BIGINT NOT NULL,
        status      TEXT   NOT NULL,
        payment_id  BIGINT,
        updated_at  BIGINT NOT NULL)""",
    "CREATE INDEX bench_schedules_due ON bench_schedules (schedule_at) WHERE status = 'SCHEDULED'",
    """
    CREATE TABLE bench_payments (
        id          BIGINT PRIMARY KEY,
        schedule_id BIGINT NOT NULL,
        amount      BIGINT NOT NULL,
        status      TEXT   NOT NULL,
        started_at  BIGINT NOT NULL,
        paid_at     BIGINT NOT NULL)""",
    """
    CREATE TABLE bench_outbox (
        id          BIGSERIAL PRIMARY KEY,
        payment_id  BIGINT NOT NULL,
        type        TEXT   NOT NULL,
        payload     TEXT   NOT NULL,
        created_at  BIGINT NOT NULL)"""
  };

  static final String LAGS_SQL =
      """
      SELECT p.started_at - s.schedule_at AS lag_ms
      FROM bench_schedules s JOIN bench_payments p ON p.schedule_id = s.id""";

  static final String SERIES_SQL =
      "SELECT (paid_at - ?) / ?, count(*) FROM bench_payments GROUP BY 1 ORDER BY 1";

  private ReferenceTables() {}

  static void create(BenchDatabase db, String schema) {
    db.execute(schema, DDL);
  }

  /** N schedule rows [0, n), all due at {@code dueMillis}, in one statement. */
  static void insertSchedules(BenchDatabase db, String schema, int n, long dueMillis) {
    db.execute(
        schema,
        "INSERT INTO bench_schedules (id, schedule_at, amount, status, updated_at)"
            + " SELECT g, "
            + dueMillis
            + ", 1000, 'SCHEDULED', "
            + System.currentTimeMillis()
            + " FROM generate_series(0, "
            + (n - 1)
            + ") g",
        "ANALYZE bench_schedules");
  }

  /** One schedule's work in the caller's transaction (db-scheduler: one execution). */
  static void executeOne(Connection connection, long scheduleId) throws SQLException {
    long startedAt = System.currentTimeMillis();
    try (PreparedStatement payment =
            connection.prepareStatement(
                "INSERT INTO bench_payments (id, schedule_id, amount, status, started_at, paid_at)"
                    + " SELECT id, id, amount, 'PAID', ?, ? FROM bench_schedules WHERE id = ?");
        PreparedStatement schedule =
            connection.prepareStatement(
                "UPDATE bench_schedules SET status = 'EXECUTED', payment_id = ?, updated_at = ?"
                    + " WHERE id = ?");
        PreparedStatement outbox =
            connection.prepareStatement(
                "INSERT INTO bench_outbox (payment_id, type, payload, created_at)"
                    + " VALUES (?, 'schedule.executed', ?, ?)")) {
      payment.setLong(1, startedAt);
      payment.setLong(2, System.currentTimeMillis());
      payment.setLong(3, scheduleId);
      payment.executeUpdate();
      long now = System.currentTimeMillis();
      schedule.setLong(1, scheduleId);
      schedule.setLong(2, now);
      schedule.setLong(3, scheduleId);
      schedule.executeUpdate();
      outbox.setLong(1, scheduleId);
      outbox.setString(2, payload(scheduleId));
      outbox.setLong(3, now);
      outbox.executeUpdate();
    }
  }

  /** The outbox body: the same V1 shape Paycron sends. */
  static String payload(long scheduleId) {
    return "{\"imp_uid\":\"imps_"
        + scheduleId
        + "\",\"merchant_uid\":\"bench_"
        + scheduleId
        + "\",\"status\":\"paid\"}";
  }

  static Measurement measure(
      BenchDatabase db,
      String schema,
      String system,
      int n,
      long due,
      double loadPerSecond,
      long peakHeap) {
    long lastExecuted = db.queryLong(schema, "SELECT max(paid_at) FROM bench_payments");
    long executed = db.queryLong(schema, "SELECT count(*) FROM bench_payments");
    long outboxRows = db.queryLong(schema, "SELECT count(*) FROM bench_outbox");
    if (executed != n || outboxRows != n) {
      System.out.printf(
          "bench: WARNING %s left %d payments and %d outbox rows for %d schedules%n",
          system, executed, outboxRows, n);
    }
    List<long[]> series = DrainStats.executedOverTime(db.at(schema), SERIES_SQL, due);
    long drain = lastExecuted - due;
    return new Measurement(
        system,
        1,
        n,
        DrainStats.perSecond(n, drain),
        loadPerSecond,
        Double.NaN,
        drain,
        DrainStats.lag(db.at(schema), LAGS_SQL),
        peakHeap,
        series);
  }
}
