package io.paycron.schedule;

import io.paycron.gateway.Money;
import io.paycron.payment.Buyer;
import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ScheduleRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  ScheduleRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  private static final String INSERT =
      """
            INSERT INTO schedules (merchant_id, merchant_uid, customer_uid, customer_id, schedule_at,
                amount, currency, name, buyer_name, buyer_email, buyer_tel, buyer_addr,
                buyer_postcode, custom_data, notice_url, card_quota, promotion_id, pg_provider,
                pg_id, status, payment_status, imp_uid, fail_reason, executed_at, revoked_at,
                claimed_by, lease_until, created_at, updated_at, version, test_clock_id)
            VALUES (:merchant, :merchantUid, :customerUid, :customerId, :at, :amount, :currency,
                :name, :buyerName, :buyerEmail, :buyerTel, :buyerAddr, :buyerPostcode, :customData,
                :noticeUrl, :quota, :promotion, :provider, :pgId, 'SCHEDULED', NULL, NULL, NULL, 0,
                0, NULL, NULL, :now, :now, 1, :testClock)""";

  /**
   * Inserts a whole schedule call and queues it, in two round trips (multi-row inserts on
   * PostgreSQL). Schedules on a test clock are not queued: advancing their clock runs them.
   */
  void insertAll(List<Schedule> list, long now) {
    named.batchUpdate(
        INSERT,
        list.stream().map(s -> params(s).addValue("now", now)).toArray(SqlParameterSource[]::new));
    enqueue(
        list.stream()
            .filter(s -> s.testClockId() == null)
            .map(s -> new Queued(s.merchantId(), s.merchantUid(), s.scheduleAt()))
            .toList());
  }

  /**
   * Books one schedule that Paycron itself creates (a subscription's charge): inserted, or a
   * revoked one with the same merchant_uid brought back with these values. False when the
   * merchant_uid names a schedule that is pending, executing or executed.
   */
  @Transactional
  boolean book(Schedule s, long now) {
    MapSqlParameterSource params = params(s).addValue("now", now);
    // two guarded statements, not an upsert: ON CONFLICT DO UPDATE would lock (and wait for) a
    // row another transaction is executing, even when its WHERE then leaves it alone
    boolean booked =
        named.update(INSERT + " ON CONFLICT (merchant_id, merchant_uid) DO NOTHING", params) == 1
            || named.update(
                    """
                    UPDATE schedules SET status = 'SCHEDULED', schedule_at = :at, amount = :amount,
                        currency = :currency, name = :name, customer_uid = :customerUid,
                        custom_data = :customData, pg_provider = :provider, pg_id = :pgId,
                        test_clock_id = :testClock, payment_status = NULL, imp_uid = NULL,
                        fail_reason = NULL, executed_at = 0, revoked_at = 0, claimed_by = NULL,
                        lease_until = NULL, updated_at = :now, version = version + 1
                    WHERE merchant_id = :merchant AND merchant_uid = :merchantUid
                      AND status = 'REVOKED'""",
                    params)
                == 1;
    if (booked && s.testClockId() == null) {
      enqueue(List.of(new Queued(s.merchantId(), s.merchantUid(), s.scheduleAt())));
    }
    return booked;
  }

  /**
   * Changes what a pending schedule will charge (a plan or card change of its subscription); false
   * when it is no longer pending. A claim takes the row lock too, so the charge uses either the old
   * values or these, and true means these.
   */
  boolean amend(
      String merchantId,
      String merchantUid,
      String customerUid,
      Money amount,
      String name,
      long now) {
    return jdbc.sql(
                """
                UPDATE schedules SET customer_uid = :customer, amount = :amount,
                    currency = :currency, name = :name, updated_at = :now, version = version + 1
                WHERE merchant_id = :merchant AND merchant_uid = :uid AND status = 'SCHEDULED'""")
            .param("customer", customerUid)
            .param("amount", amount.minorUnits())
            .param("currency", amount.currency().getCurrencyCode())
            .param("name", name)
            .param("now", now)
            .param("merchant", merchantId)
            .param("uid", merchantUid)
            .update()
        == 1;
  }

  /** A schedule waiting in the due queue. */
  private record Queued(String merchantId, String merchantUid, long scheduleAt) {}

  private void enqueue(List<Queued> queued) {
    named.batchUpdate(
        "INSERT INTO schedule_queue (merchant_id, merchant_uid, schedule_at)"
            + " VALUES (:merchant, :uid, :at)",
        queued.stream()
            .map(
                q ->
                    new MapSqlParameterSource()
                        .addValue("merchant", q.merchantId())
                        .addValue("uid", q.merchantUid())
                        .addValue("at", q.scheduleAt()))
            .toArray(SqlParameterSource[]::new));
  }

  private static MapSqlParameterSource params(Schedule s) {
    return new MapSqlParameterSource()
        .addValue("merchant", s.merchantId())
        .addValue("merchantUid", s.merchantUid())
        .addValue("customerUid", s.customerUid())
        .addValue("customerId", s.customerId())
        .addValue("at", s.scheduleAt())
        .addValue("amount", s.amount().minorUnits())
        .addValue("currency", s.amount().currency().getCurrencyCode())
        .addValue("name", s.name())
        .addValue("buyerName", s.buyer().name())
        .addValue("buyerEmail", s.buyer().email())
        .addValue("buyerTel", s.buyer().tel())
        .addValue("buyerAddr", s.buyer().addr())
        .addValue("buyerPostcode", s.buyer().postcode())
        .addValue("customData", s.customData())
        .addValue("noticeUrl", s.noticeUrl())
        .addValue("quota", s.cardQuota())
        .addValue("promotion", s.promotionId())
        .addValue("provider", s.pgProvider())
        .addValue("pgId", s.pgId())
        .addValue("testClock", s.testClockId());
  }

  Optional<Schedule> find(String merchantId, String merchantUid) {
    return jdbc.sql("SELECT * FROM schedules WHERE merchant_id = :merchant AND merchant_uid = :uid")
        .param("merchant", merchantId)
        .param("uid", merchantUid)
        .query(ScheduleRepository::map)
        .optional();
  }

  /** Which of these merchant_uids already name a schedule. */
  List<String> existing(String merchantId, Collection<String> merchantUids) {
    return jdbc.sql(
            """
            SELECT merchant_uid FROM schedules
            WHERE merchant_id = :merchant AND merchant_uid IN (:uids)""")
        .param("merchant", merchantId)
        .param("uids", merchantUids)
        .query(String.class)
        .list();
  }

  /**
   * Claims due schedules: takes the oldest due rows out of the queue (one statement; on PostgreSQL
   * rows another node has locked are skipped, so nodes never claim the same schedule; SQLite has a
   * single writer), then marks those schedules executing with this node and a lease (another).
   */
  @Transactional
  List<Schedule> claimDue(long now, int limit, String node, long leaseUntil) {
    List<String[]> taken =
        jdbc.sql(
                """
                DELETE FROM schedule_queue WHERE (merchant_id, merchant_uid) IN (
                    SELECT merchant_id, merchant_uid FROM schedule_queue
                    WHERE schedule_at <= :now ORDER BY schedule_at LIMIT :limit"""
                    + dialect.skipLocked()
                    + """
                    )
                    RETURNING merchant_id, merchant_uid""")
            .param("now", now)
            .param("limit", limit)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    if (taken.isEmpty()) {
      return List.of();
    }
    Rows keys = Rows.named("v").text("m").text("uid");
    taken.forEach(key -> keys.add(key[0], key[1]));
    return jdbc
        .sql(
            "UPDATE schedules SET status = 'EXECUTING', claimed_by = :node, lease_until = :lease,"
                + " updated_at = :now, version = version + 1 FROM "
                + keys.sql(dialect)
                + " WHERE schedules.merchant_id = v.m AND schedules.merchant_uid = v.uid"
                + " AND schedules.status = 'SCHEDULED'"
                + " RETURNING *")
        .param("node", node)
        .param("lease", leaseUntil)
        .param("now", now)
        .params(keys.params(dialect))
        .query(ScheduleRepository::map)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparingLong(Schedule::scheduleAt))
        .toList();
  }

  /** Claims one failed schedule for an immediate retry; false when it is not failed. */
  boolean claimForRetry(
      String merchantId, String merchantUid, String node, long leaseUntil, long now) {
    return jdbc.sql(
                """
                UPDATE schedules SET status = 'EXECUTING', claimed_by = :node, lease_until = :lease,
                    payment_status = NULL, fail_reason = NULL, imp_uid = NULL, updated_at = :now,
                    version = version + 1
                WHERE merchant_id = :merchant AND merchant_uid = :uid AND status = 'EXECUTED'
                  AND payment_status = 'failed'""")
            .param("node", node)
            .param("lease", leaseUntil)
            .param("now", now)
            .param("merchant", merchantId)
            .param("uid", merchantUid)
            .update()
        == 1;
  }

  /**
   * Revokes pending schedules of a customer, optionally only these merchant_uids. Their queue rows
   * go first: one that a node is claiming right now waits for that claim and is then gone, so it is
   * executed, not revoked.
   */
  @Transactional
  List<Schedule> revoke(
      String merchantId, String customerUid, Collection<String> merchantUids, long now) {
    String where =
        (customerUid == null ? "" : " AND customer_uid = :customer")
            + (merchantUids.isEmpty() ? "" : " AND merchant_uid IN (:uids)");
    List<String> dequeued =
        jdbc.sql(
                """
                DELETE FROM schedule_queue WHERE merchant_id = :merchant AND merchant_uid IN (
                    SELECT merchant_uid FROM schedules
                    WHERE merchant_id = :merchant AND status = 'SCHEDULED'"""
                    + where
                    + ") RETURNING merchant_uid")
            .param("merchant", merchantId)
            .param("customer", customerUid)
            .param("uids", merchantUids.isEmpty() ? List.of("") : merchantUids)
            .query(String.class)
            .list();
    List<Schedule> revoked =
        new java.util.ArrayList<>(
            revokeOnTestClocks(merchantId, customerUid, merchantUids, where, now));
    if (dequeued.isEmpty()) {
      return revoked;
    }
    Rows keys = Rows.named("v").text("uid");
    dequeued.forEach(keys::add);
    revoked.addAll(
        jdbc.sql(
                "UPDATE schedules SET status = 'REVOKED', revoked_at = :now, updated_at = :now,"
                    + " version = version + 1 FROM "
                    + keys.sql(dialect)
                    + " WHERE schedules.merchant_id = :merchant AND schedules.merchant_uid = v.uid"
                    + " AND schedules.status = 'SCHEDULED' RETURNING *")
            .param("now", now)
            .param("merchant", merchantId)
            .params(keys.params(dialect))
            .query(ScheduleRepository::map)
            .list());
    return revoked;
  }

  /** Schedules on test clocks have no queue row: their guarded update alone orders them. */
  private List<Schedule> revokeOnTestClocks(
      String merchantId,
      String customerUid,
      Collection<String> merchantUids,
      String where,
      long now) {
    return jdbc.sql(
            """
            UPDATE schedules SET status = 'REVOKED', revoked_at = :now, updated_at = :now,
                version = version + 1
            WHERE merchant_id = :merchant AND test_clock_id IS NOT NULL
              AND status = 'SCHEDULED'"""
                + where
                + " RETURNING *")
        .param("now", now)
        .param("merchant", merchantId)
        .param("customer", customerUid)
        .param("uids", merchantUids.isEmpty() ? List.of("") : merchantUids)
        .query(ScheduleRepository::map)
        .list();
  }

  /** Moves a pending schedule; false when it is no longer pending (claimed, revoked, run). */
  @Transactional
  boolean move(String merchantId, String merchantUid, long scheduleAt, long now) {
    boolean queued =
        jdbc.sql(
                    """
                    UPDATE schedule_queue SET schedule_at = :at
                    WHERE merchant_id = :merchant AND merchant_uid = :uid""")
                .param("at", scheduleAt)
                .param("merchant", merchantId)
                .param("uid", merchantUid)
                .update()
            == 1;
    return jdbc.sql(
                """
                UPDATE schedules SET schedule_at = :at, updated_at = :now, version = version + 1
                WHERE merchant_id = :merchant AND merchant_uid = :uid AND status = 'SCHEDULED'"""
                    + (queued ? "" : " AND test_clock_id IS NOT NULL"))
            .param("at", scheduleAt)
            .param("now", now)
            .param("merchant", merchantId)
            .param("uid", merchantUid)
            .update()
        == 1;
  }

  /** Schedules a failed or revoked schedule again, at a new time. */
  @Transactional
  boolean reschedule(String merchantId, String merchantUid, long scheduleAt, long now) {
    boolean rescheduled =
        jdbc.sql(
                    """
                UPDATE schedules SET status = 'SCHEDULED', schedule_at = :at, payment_status = NULL,
                    imp_uid = NULL, fail_reason = NULL, executed_at = 0, revoked_at = 0,
                    claimed_by = NULL, lease_until = NULL, updated_at = :now, version = version + 1
                WHERE merchant_id = :merchant AND merchant_uid = :uid
                  AND (status = 'REVOKED' OR (status = 'EXECUTED' AND payment_status = 'failed'))""")
                .param("at", scheduleAt)
                .param("now", now)
                .param("merchant", merchantId)
                .param("uid", merchantUid)
                .update()
            == 1;
    if (rescheduled && find(merchantId, merchantUid).map(Schedule::testClockId).isEmpty()) {
      enqueue(List.of(new Queued(merchantId, merchantUid, scheduleAt)));
    }
    return rescheduled;
  }

  static Schedule map(ResultSet rs, int row) throws SQLException {
    return new Schedule(
        rs.getString("merchant_id"),
        rs.getString("merchant_uid"),
        rs.getString("customer_uid"),
        rs.getString("customer_id"),
        rs.getLong("schedule_at"),
        Money.of(rs.getLong("amount"), Currency.getInstance(rs.getString("currency"))),
        rs.getString("name"),
        new Buyer(
            rs.getString("buyer_name"),
            rs.getString("buyer_email"),
            rs.getString("buyer_tel"),
            rs.getString("buyer_addr"),
            rs.getString("buyer_postcode")),
        rs.getString("custom_data"),
        rs.getString("notice_url"),
        rs.getInt("card_quota"),
        rs.getString("promotion_id"),
        rs.getString("pg_provider"),
        rs.getString("pg_id"),
        ScheduleStatus.valueOf(rs.getString("status")),
        rs.getString("payment_status"),
        rs.getString("imp_uid"),
        rs.getString("fail_reason"),
        rs.getLong("executed_at"),
        rs.getLong("revoked_at"),
        rs.getLong("created_at"),
        rs.getLong("version"),
        rs.getString("test_clock_id"));
  }
}
