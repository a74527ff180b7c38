package io.paycron.schedule;

import io.paycron.storage.Aggregates;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Schedules of customers on a test clock: they have no queue row, and advancing the clock finds and
 * claims them here.
 */
@Repository
class TestClockScheduleRepository {

  private final JdbcClient jdbc;

  TestClockScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** When the earliest pending schedule on a test clock is due, if at or before {@code upTo}. */
  java.util.OptionalLong nextDueOnTestClock(String merchantId, String testClockId, long upTo) {
    return Aggregates.optionalLong(
        jdbc.sql(
                """
                SELECT MIN(schedule_at) FROM schedules
                WHERE merchant_id = :merchant AND test_clock_id = :clock AND schedule_at <= :upTo
                  AND status = 'SCHEDULED'""")
            .param("merchant", merchantId)
            .param("clock", testClockId)
            .param("upTo", upTo)
            .query(Long.class)
            .list());
  }

  /**
   * Claims a test clock's schedules due at {@code now} (clock time). Only one advance of a clock
   * runs at a time, and revoking takes a schedule out of SCHEDULED in one guarded update too.
   */
  List<Schedule> claimDueOnTestClock(
      String merchantId, String testClockId, long now, String node, long leaseUntil) {
    return jdbc
        .sql(
            """
            UPDATE schedules SET status = 'EXECUTING', claimed_by = :node, lease_until = :lease,
                updated_at = :now, version = version + 1
            WHERE merchant_id = :merchant AND test_clock_id = :clock AND schedule_at <= :now
              AND status = 'SCHEDULED'
            RETURNING *""")
        .param("node", node)
        .param("lease", leaseUntil)
        .param("now", now)
        .param("merchant", merchantId)
        .param("clock", testClockId)
        .query(ScheduleRepository::map)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparingLong(Schedule::scheduleAt))
        .toList();
  }
}
