package io.paycron.payment;

import io.paycron.storage.ListFilters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operator console reads about payments, across merchants: lists, one payment with its
 * attempts and cancellations, and the outcome statistics of the overview. Card numbers here are the
 * masked ones the gateway returned; a full number is never stored.
 */
@Service
public class PaymentConsoleQueries {

  /** Times in epoch milliseconds (0 when not happened); status is the V1 wire status. */
  public record PaymentRow(
      String merchantId,
      String impUid,
      String merchantUid,
      String customerUid,
      String name,
      long amount,
      long cancelAmount,
      String currency,
      String status,
      String failReason,
      String cancelReason,
      String pgProvider,
      String pgTid,
      String cardName,
      String cardNumber,
      long startedAt,
      long paidAt,
      long failedAt,
      long cancelledAt) {

    public boolean cancellable() {
      return "paid".equals(status) && amount > cancelAmount;
    }

    public long refundable() {
      return amount - cancelAmount;
    }
  }

  /** One try at the gateway: its state (approved, declined, unknown…) and decline code. */
  public record AttemptRow(
      String idempotencyKey,
      String state,
      String declineCode,
      String declineMessage,
      String transactionId,
      int sends,
      long createdAt,
      long updatedAt) {}

  public record CancellationRow(
      String cancellationId,
      long amount,
      String reason,
      String state,
      String pgTid,
      long createdAt,
      long cancelledAt) {}

  public record PaymentDetail(
      PaymentRow payment, List<AttemptRow> attempts, List<CancellationRow> cancellations) {}

  /** Gateway outcomes of the attempts made in a period, and the declines by code. */
  public record Outcomes(long approved, long declined, long other, Map<String, Long> declines) {

    public long total() {
      return approved + declined + other;
    }

    /** Approved share of the settled attempts, in percent (100 when there were none). */
    public double successRate() {
      long settled = approved + declined;
      return settled == 0 ? 100.0 : 100.0 * approved / settled;
    }
  }

  private final JdbcClient jdbc;

  PaymentConsoleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first; merchantId and status (a wire status) may be null. */
  public List<PaymentRow> list(String merchantId, String status, int limit, int offset) {
    ListFilters filters =
        new ListFilters().whenGiven("merchant_id = :merchant", "merchant", merchantId);
    if (status != null) {
      // an unknown status matches nothing (status = NULL)
      filters.add(
          "status = :status", "status", PaymentStatus.filter(status).map(Enum::name).orElse(null));
    }
    String sql =
        SELECT + filters.where() + " ORDER BY started_at DESC, imp_uid LIMIT :limit OFFSET :offset";
    return jdbc.sql(sql)
        .params(filters.params(limit, offset))
        .query(PaymentConsoleQueries::row)
        .list();
  }

  public Optional<PaymentDetail> detail(String merchantId, String impUid) {
    return jdbc.sql(SELECT + " WHERE merchant_id = :merchant AND imp_uid = :imp")
        .param("merchant", merchantId)
        .param("imp", impUid)
        .query(PaymentConsoleQueries::row)
        .optional()
        .map(
            p ->
                new PaymentDetail(
                    p, attempts(merchantId, impUid), cancellations(merchantId, impUid)));
  }

  private List<AttemptRow> attempts(String merchantId, String impUid) {
    return jdbc.sql(
            """
            SELECT idempotency_key, state, decline_code, decline_message, transaction_id, sends,
                created_at, updated_at
            FROM payment_attempts WHERE merchant_id = :merchant AND imp_uid = :imp
            ORDER BY created_at, idempotency_key""")
        .param("merchant", merchantId)
        .param("imp", impUid)
        .query(
            (rs, n) ->
                new AttemptRow(
                    rs.getString(1),
                    rs.getString(2).toLowerCase(Locale.ROOT),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getLong(7),
                    rs.getLong(8)))
        .list();
  }

  private List<CancellationRow> cancellations(String merchantId, String impUid) {
    return jdbc.sql(
            """
            SELECT cancellation_id, amount, reason, state, pg_tid, created_at, cancelled_at
            FROM cancellations WHERE merchant_id = :merchant AND imp_uid = :imp
            ORDER BY created_at, cancellation_id""")
        .param("merchant", merchantId)
        .param("imp", impUid)
        .query(
            (rs, n) ->
                new CancellationRow(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4).toLowerCase(Locale.ROOT),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getLong(7)))
        .list();
  }

  /** The outcomes of the gateway attempts started since {@code sinceMillis}, all merchants. */
  public Outcomes outcomesSince(long sinceMillis) {
    return outcomesBetween(sinceMillis, Long.MAX_VALUE);
  }

  /** The outcomes of the gateway attempts started in [from, to), all merchants. */
  public Outcomes outcomesBetween(long fromMillis, long toMillis) {
    long[] counts = new long[3];
    Map<String, Long> declines = new java.util.TreeMap<>();
    jdbc.sql(
            """
            SELECT state, decline_code, COUNT(*) FROM payment_attempts
            WHERE created_at >= :from AND created_at < :to
            GROUP BY state, decline_code""")
        .param("from", fromMillis)
        .param("to", toMillis)
        .query(
            rs -> {
              String state = rs.getString(1);
              long count = rs.getLong(3);
              if (AttemptState.APPROVED.name().equals(state)) {
                counts[0] += count;
              } else if (AttemptState.DECLINED.name().equals(state)) {
                counts[1] += count;
                String code = rs.getString(2) == null ? "unspecified" : rs.getString(2);
                declines.merge(code, count, Long::sum);
              } else {
                counts[2] += count;
              }
            });
    return new Outcomes(counts[0], counts[1], counts[2], declines);
  }

  private static final String SELECT =
      """
      SELECT merchant_id, imp_uid, merchant_uid, customer_uid, name, amount, cancel_amount,
          currency, status, fail_reason, cancel_reason, pg_provider, pg_tid, card_name, card_number,
          started_at, paid_at, failed_at, cancelled_at
      FROM payments""";

  private static PaymentRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new PaymentRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getString(8),
        PaymentStatus.valueOf(rs.getString(9)).wire(),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getLong(16),
        rs.getLong(17),
        rs.getLong(18),
        rs.getLong(19));
  }
}
