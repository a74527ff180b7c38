package io.paycron.subscription;

import io.paycron.storage.ListFilters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the operator console reads about subscriptions and the charges of their periods. */
@Service
public class SubscriptionConsoleQueries {

  /** Times in epoch milliseconds (0 when not set); status as in the API (active, past_due…). */
  public record SubscriptionRow(
      String merchantId,
      String subscriptionId,
      String customerUid,
      String planId,
      String status,
      int period,
      long currentPeriodStart,
      long currentPeriodEnd,
      long nextBillingAt,
      long cancelAt,
      long canceledAt,
      int attempts,
      String timeZone) {}

  /** One charge a subscription made for a period (retries are charges of their own). */
  public record ChargeRow(
      String merchantUid,
      int period,
      int attempt,
      String planId,
      long periodStart,
      long periodEnd) {}

  public record SubscriptionDetail(SubscriptionRow subscription, List<ChargeRow> charges) {}

  private final JdbcClient jdbc;

  SubscriptionConsoleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first; merchantId and status may be null (no filter). */
  public List<SubscriptionRow> list(String merchantId, String status, int limit, int offset) {
    ListFilters filters =
        new ListFilters()
            .whenGiven("merchant_id = :merchant", "merchant", merchantId)
            .whenGiven(
                "status = :status",
                "status",
                status == null ? null : status.toUpperCase(Locale.ROOT));
    return jdbc.sql(
            SELECT
                + filters.where()
                + " ORDER BY created_at DESC, merchant_id, subscription_id"
                + " LIMIT :limit OFFSET :offset")
        .params(filters.params(limit, offset))
        .query(SubscriptionConsoleQueries::row)
        .list();
  }

  public Optional<SubscriptionDetail> detail(String merchantId, String subscriptionId) {
    return jdbc.sql(SELECT + " WHERE merchant_id = :merchant AND subscription_id = :id")
        .param("merchant", merchantId)
        .param("id", subscriptionId)
        .query(SubscriptionConsoleQueries::row)
        .optional()
        .map(s -> new SubscriptionDetail(s, charges(merchantId, subscriptionId)));
  }

  private List<ChargeRow> charges(String merchantId, String subscriptionId) {
    return jdbc.sql(
            """
            SELECT merchant_uid, period, attempt, plan_id, period_start, period_end
            FROM subscription_charges WHERE merchant_id = :merchant AND subscription_id = :id
            ORDER BY period DESC, attempt DESC""")
        .param("merchant", merchantId)
        .param("id", subscriptionId)
        .query(
            (rs, n) ->
                new ChargeRow(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getLong(6)))
        .list();
  }

  private static final String SELECT =
      """
      SELECT merchant_id, subscription_id, customer_uid, plan_id, status, period,
          current_period_start, current_period_end, next_billing_at, cancel_at, canceled_at,
          attempts, time_zone
      FROM subscriptions""";

  private static SubscriptionRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new SubscriptionRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5).toLowerCase(Locale.ROOT),
        rs.getInt(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11),
        rs.getInt(12),
        rs.getString(13));
  }
}
