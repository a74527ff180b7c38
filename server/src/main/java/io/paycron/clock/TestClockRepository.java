package io.paycron.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TestClockRepository {

  private final JdbcClient jdbc;

  TestClockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(TestClock clock) {
    jdbc.sql(
            """
            INSERT INTO test_clocks (merchant_id, test_clock_id, name, frozen_time, status,
                advancing_until, created_at, updated_at, version)
            VALUES (:merchant, :id, :name, :time, 'READY', 0, :created, :created, 1)""")
        .param("merchant", clock.merchantId())
        .param("id", clock.testClockId())
        .param("name", clock.name())
        .param("time", clock.frozenTime())
        .param("created", clock.createdAt())
        .update();
  }

  Optional<TestClock> find(String merchantId, String testClockId) {
    return jdbc.sql(
            "SELECT * FROM test_clocks WHERE merchant_id = :merchant AND test_clock_id = :id")
        .param("merchant", merchantId)
        .param("id", testClockId)
        .query(TestClockRepository::map)
        .optional();
  }

  /**
   * Takes the clock for one advance: only one runs at a time, and one whose node died (its lease,
   * in wall time, ran out) may be taken over.
   */
  boolean beginAdvance(String merchantId, String testClockId, long wallNow, long leaseUntil) {
    return jdbc.sql(
                """
                UPDATE test_clocks SET status = 'ADVANCING', advancing_until = :lease,
                    version = version + 1
                WHERE merchant_id = :merchant AND test_clock_id = :id
                  AND (status = 'READY' OR advancing_until < :now)""")
            .param("lease", leaseUntil)
            .param("now", wallNow)
            .param("merchant", merchantId)
            .param("id", testClockId)
            .update()
        == 1;
  }

  /** Moves the clock's time during an advance (never backwards) and extends the lease. */
  void moveTo(String merchantId, String testClockId, long time, long leaseUntil, long wallNow) {
    jdbc.sql(
            """
            UPDATE test_clocks SET frozen_time = CASE WHEN frozen_time < :time THEN :time
                ELSE frozen_time END, advancing_until = :lease, updated_at = :now,
                version = version + 1
            WHERE merchant_id = :merchant AND test_clock_id = :id""")
        .param("time", time)
        .param("lease", leaseUntil)
        .param("now", wallNow)
        .param("merchant", merchantId)
        .param("id", testClockId)
        .update();
  }

  void endAdvance(String merchantId, String testClockId) {
    jdbc.sql(
            """
            UPDATE test_clocks SET status = 'READY', advancing_until = 0, version = version + 1
            WHERE merchant_id = :merchant AND test_clock_id = :id""")
        .param("merchant", merchantId)
        .param("id", testClockId)
        .update();
  }

  Optional<String> clockOf(String merchantId, String customerUid) {
    return jdbc.sql(
            """
            SELECT test_clock_id FROM test_clock_customers
            WHERE merchant_id = :merchant AND customer_uid = :uid""")
        .param("merchant", merchantId)
        .param("uid", customerUid)
        .query(String.class)
        .optional();
  }

  void attach(String merchantId, String customerUid, String testClockId) {
    jdbc.sql(
            """
            INSERT INTO test_clock_customers (merchant_id, customer_uid, test_clock_id)
            VALUES (:merchant, :uid, :clock) ON CONFLICT (merchant_id, customer_uid) DO NOTHING""")
        .param("merchant", merchantId)
        .param("uid", customerUid)
        .param("clock", testClockId)
        .update();
  }

  private static TestClock map(ResultSet rs, int row) throws SQLException {
    return new TestClock(
        rs.getString("merchant_id"),
        rs.getString("test_clock_id"),
        rs.getString("name"),
        rs.getLong("frozen_time"),
        "ADVANCING".equals(rs.getString("status")),
        rs.getLong("created_at"),
        rs.getLong("version"));
  }
}
