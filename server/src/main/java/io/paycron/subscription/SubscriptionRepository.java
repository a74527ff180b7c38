package io.paycron.subscription;

import io.paycron.storage.Aggregates;
import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

  private static final String COLUMNS =
      """
      merchant_id, subscription_id, customer_uid, plan_id, next_plan_id, time_zone, anchor_at,
      grid_start, grid_period, status, period, collecting_period, current_period_start, current_period_end,
      trial_end, first_failed_at, attempts, pending_merchant_uid, next_billing_at, cancel_at,
      canceled_at, test_clock_id, created_at, updated_at, version""";

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  SubscriptionRepository(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** False when the merchant has a subscription with this id already. */
  boolean insert(Subscription s) {
    return bind(
                jdbc.sql(
                    "INSERT INTO subscriptions ("
                        + COLUMNS
                        + """
                        ) VALUES (:merchant, :id, :customer, :plan, :nextPlan, :zone, :anchor,
                            :gridStart, :gridPeriod, :status, :period, :collecting, :periodStart, :periodEnd,
                            :trialEnd, :firstFailed, :attempts, :pending, :nextBilling, :cancelAt,
                            :canceledAt, :clock, :created, :updated, :version)
                        ON CONFLICT (merchant_id, subscription_id) DO NOTHING"""),
                s)
            .update()
        == 1;
  }

  /** Stores a changed subscription; false when it changed since {@code version - 1} was read. */
  boolean update(Subscription s) {
    return bind(
                jdbc.sql(
                    """
                    UPDATE subscriptions SET customer_uid = :customer, plan_id = :plan,
                        next_plan_id = :nextPlan, grid_start = :gridStart,
                        grid_period = :gridPeriod, status = :status, period = :period,
                        collecting_period = :collecting,
                        current_period_start = :periodStart, current_period_end = :periodEnd,
                        first_failed_at = :firstFailed, attempts = :attempts,
                        pending_merchant_uid = :pending, next_billing_at = :nextBilling,
                        cancel_at = :cancelAt, canceled_at = :canceledAt, updated_at = :updated,
                        version = :version
                    WHERE merchant_id = :merchant AND subscription_id = :id
                      AND version = :version - 1"""),
                s)
            .update()
        == 1;
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Subscription s) {
    return sql.param("merchant", s.merchantId())
        .param("id", s.subscriptionId())
        .param("customer", s.customerUid())
        .param("plan", s.planId())
        .param("nextPlan", s.nextPlanId())
        .param("zone", s.zone().getId())
        .param("anchor", s.anchorAt())
        .param("gridStart", s.gridStart())
        .param("gridPeriod", s.gridPeriod())
        .param("status", s.status().name())
        .param("period", s.period())
        .param("collecting", s.collectingPeriod())
        .param("periodStart", s.currentPeriodStart())
        .param("periodEnd", s.currentPeriodEnd())
        .param("trialEnd", s.trialEnd())
        .param("firstFailed", s.firstFailedAt())
        .param("attempts", s.attempts())
        .param("pending", s.pendingMerchantUid())
        .param("nextBilling", s.nextBillingAt())
        .param("cancelAt", s.cancelAt())
        .param("canceledAt", s.canceledAt())
        .param("clock", s.testClockId())
        .param("created", s.createdAt())
        .param("updated", s.updatedAt())
        .param("version", s.version());
  }

  Optional<Subscription> find(String merchantId, String subscriptionId) {
    return jdbc.sql(
            "SELECT * FROM subscriptions WHERE merchant_id = :merchant AND subscription_id = :id")
        .param("merchant", merchantId)
        .param("id", subscriptionId)
        .query(SubscriptionRepository::map)
        .optional();
  }

  /** Reads a subscription and locks it until the transaction ends: changes of one never race. */
  Optional<Subscription> lock(String merchantId, String subscriptionId) {
    return jdbc.sql(
            "SELECT * FROM subscriptions WHERE merchant_id = :merchant AND subscription_id = :id"
                + dialect.forUpdate())
        .param("merchant", merchantId)
        .param("id", subscriptionId)
        .query(SubscriptionRepository::map)
        .optional();
  }

  /** Locks a customer's subscriptions, in one order everywhere (by id). */
  void lockCustomer(String merchantId, String customerUid) {
    jdbc.sql(
            "SELECT subscription_id FROM subscriptions WHERE merchant_id = :merchant"
                + " AND customer_uid = :customer ORDER BY subscription_id"
                + dialect.forUpdate())
        .param("merchant", merchantId)
        .param("customer", customerUid)
        .query(String.class)
        .list();
  }

  /** The merchant_uids of every charge booked for one period of a subscription. */
  List<String> chargesOfPeriod(String merchantId, String subscriptionId, int period) {
    return jdbc.sql(
            """
            SELECT merchant_uid FROM subscription_charges
            WHERE merchant_id = :merchant AND subscription_id = :id AND period = :period""")
        .param("merchant", merchantId)
        .param("id", subscriptionId)
        .param("period", period)
        .query(String.class)
        .list();
  }

  List<Subscription> findByCustomer(String merchantId, String customerUid) {
    return jdbc.sql(
            """
            SELECT * FROM subscriptions WHERE merchant_id = :merchant AND customer_uid = :customer
            ORDER BY subscription_id""")
        .param("merchant", merchantId)
        .param("customer", customerUid)
        .query(SubscriptionRepository::map)
        .list();
  }

  void insertCharge(SubscriptionCharge c, long now) {
    jdbc.sql(
            """
            INSERT INTO subscription_charges (merchant_id, merchant_uid, subscription_id, period,
                attempt, plan_id, period_start, period_end, created_at)
            VALUES (:merchant, :uid, :id, :period, :attempt, :plan, :start, :end, :now)
            ON CONFLICT (merchant_id, merchant_uid) DO UPDATE SET plan_id = excluded.plan_id,
                period_start = excluded.period_start, period_end = excluded.period_end""")
        .param("merchant", c.merchantId())
        .param("uid", c.merchantUid())
        .param("id", c.subscriptionId())
        .param("period", c.period())
        .param("attempt", c.attempt())
        .param("plan", c.planId())
        .param("start", c.periodStart())
        .param("end", c.periodEnd())
        .param("now", now)
        .update();
  }

  Optional<SubscriptionCharge> findCharge(String merchantId, String merchantUid) {
    List<String[]> key = new java.util.ArrayList<>();
    key.add(new String[] {merchantId, merchantUid});
    return findCharges(key).stream().findFirst();
  }

  /** The subscription charges among these (merchant_id, merchant_uid) pairs: one statement. */
  List<SubscriptionCharge> findCharges(Collection<String[]> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Rows rows = Rows.named("v").text("m").text("uid");
    keys.forEach(k -> rows.add(k[0], k[1]));
    return jdbc.sql(
            "SELECT c.* FROM subscription_charges c JOIN "
                + rows.sql(dialect)
                + " ON c.merchant_id = v.m AND c.merchant_uid = v.uid"
                + " ORDER BY c.merchant_id, c.subscription_id") // one locking order
        .params(rows.params(dialect))
        .query(
            (rs, n) ->
                new SubscriptionCharge(
                    rs.getString("merchant_id"),
                    rs.getString("merchant_uid"),
                    rs.getString("subscription_id"),
                    rs.getInt("period"),
                    rs.getInt("attempt"),
                    rs.getString("plan_id"),
                    rs.getLong("period_start"),
                    rs.getLong("period_end")))
        .list();
  }

  /** A subscription waiting for a booked charge that ran, and whether that charge was paid. */
  record Stuck(Subscription subscription, boolean paid) {}

  /**
   * Subscriptions on the wall clock whose booked charge was executed and settled more than {@code
   * before} ago without the subscription moving on (reads the schedules table: the schedule is what
   * the subscription waits on).
   */
  List<Stuck> stuck(long before, int limit) {
    return jdbc.sql(
            """
            SELECT s.*, sc.payment_status AS charge_status FROM subscriptions s
            JOIN schedules sc ON sc.merchant_id = s.merchant_id
                AND sc.merchant_uid = s.pending_merchant_uid
            WHERE s.test_clock_id IS NULL AND s.status IN ('ACTIVE', 'TRIALING', 'PAST_DUE')
              AND sc.status = 'EXECUTED' AND sc.payment_status IN ('paid', 'failed')
              AND sc.updated_at < :before
            LIMIT :limit""")
        .param("before", before)
        .param("limit", limit)
        .query((rs, n) -> new Stuck(map(rs, n), "paid".equals(rs.getString("charge_status"))))
        .list();
  }

  /** Subscriptions on the wall clock whose cancellation at period end has come. */
  List<Subscription> dueToCancel(long now, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM subscriptions
            WHERE cancel_at > 0 AND cancel_at <= :now AND test_clock_id IS NULL
            ORDER BY cancel_at LIMIT :limit""")
        .param("now", now)
        .param("limit", limit)
        .query(SubscriptionRepository::map)
        .list();
  }

  List<Subscription> dueToCancelOnTestClock(String merchantId, String testClockId, long now) {
    return jdbc.sql(
            """
            SELECT * FROM subscriptions
            WHERE cancel_at > 0 AND cancel_at <= :now AND merchant_id = :merchant
              AND test_clock_id = :clock
            ORDER BY cancel_at""")
        .param("now", now)
        .param("merchant", merchantId)
        .param("clock", testClockId)
        .query(SubscriptionRepository::map)
        .list();
  }

  OptionalLong nextCancelOnTestClock(String merchantId, String testClockId, long upTo) {
    return Aggregates.optionalLong(
        jdbc.sql(
                """
                SELECT MIN(cancel_at) FROM subscriptions
                WHERE cancel_at > 0 AND cancel_at <= :upTo AND merchant_id = :merchant
                  AND test_clock_id = :clock""")
            .param("upTo", upTo)
            .param("merchant", merchantId)
            .param("clock", testClockId)
            .query(Long.class)
            .list());
  }

  private static Subscription map(ResultSet rs, int row) throws SQLException {
    return new Subscription(
        rs.getString("merchant_id"),
        rs.getString("subscription_id"),
        rs.getString("customer_uid"),
        rs.getString("plan_id"),
        rs.getString("next_plan_id"),
        ZoneId.of(rs.getString("time_zone")),
        rs.getLong("anchor_at"),
        rs.getLong("grid_start"),
        rs.getInt("grid_period"),
        SubscriptionStatus.valueOf(rs.getString("status")),
        rs.getInt("period"),
        rs.getInt("collecting_period"),
        rs.getLong("current_period_start"),
        rs.getLong("current_period_end"),
        rs.getLong("trial_end"),
        rs.getLong("first_failed_at"),
        rs.getInt("attempts"),
        rs.getString("pending_merchant_uid"),
        rs.getLong("next_billing_at"),
        rs.getLong("cancel_at"),
        rs.getLong("canceled_at"),
        rs.getString("test_clock_id"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"),
        rs.getLong("version"));
  }
}
