package io.paycron.payment;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refunds: the balance a payment has left to refund (reserved before the gateway is asked, so two
 * concurrent cancels never refund more than was paid) and the cancellations themselves.
 */
@Repository
class RefundRepository {

  private final JdbcClient jdbc;

  RefundRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Reserves a refund against the balance in one statement, so two concurrent cancels can never
   * refund more than was paid. Returns false when the balance does not cover it.
   */
  /**
   * Reserves {@code amount} of the balance for a refund. With {@code expectedBalance} (a caller's
   * checksum) it reserves only while the balance left, counting refunds still in flight, is that
   * one: two requests carrying the same balance, sent at once, refund once.
   */
  boolean reserveRefund(
      String merchantId, String impUid, long amount, OptionalLong expectedBalance, long now) {
    var statement =
        jdbc.sql(
                """
                UPDATE payments SET cancel_reserved = cancel_reserved + :amount,
                    updated_at = :now, version = version + 1
                WHERE merchant_id = :merchant AND imp_uid = :impUid AND status = 'PAID'
                  AND amount - cancel_reserved >= :amount"""
                    + (expectedBalance.isPresent()
                        ? " AND amount - cancel_reserved = :expected"
                        : ""))
            .param("amount", amount)
            .param("now", now)
            .param("merchant", merchantId)
            .param("impUid", impUid);
    if (expectedBalance.isPresent()) {
      statement = statement.param("expected", expectedBalance.getAsLong());
    }
    return statement.update() == 1;
  }

  void releaseRefund(String merchantId, String impUid, long amount, long now) {
    jdbc.sql(
            """
            UPDATE payments SET cancel_reserved = cancel_reserved - :amount, updated_at = :now,
                version = version + 1
            WHERE merchant_id = :merchant AND imp_uid = :impUid""")
        .param("amount", amount)
        .param("now", now)
        .param("merchant", merchantId)
        .param("impUid", impUid)
        .update();
  }

  /** Books a refund the gateway confirmed; the payment is cancelled once nothing is left. */
  void applyRefund(String merchantId, String impUid, long amount, String reason, long now) {
    jdbc.sql(
            """
            UPDATE payments SET cancel_amount = cancel_amount + :amount, cancel_reason = :reason,
                status = CASE WHEN cancel_amount + :amount >= amount THEN 'CANCELLED' ELSE status END,
                cancelled_at = CASE WHEN cancel_amount + :amount >= amount THEN :now
                    ELSE cancelled_at END,
                updated_at = :now, version = version + 1
            WHERE merchant_id = :merchant AND imp_uid = :impUid""")
        .param("amount", amount)
        .param("reason", reason)
        .param("now", now)
        .param("merchant", merchantId)
        .param("impUid", impUid)
        .update();
  }

  void insertCancellation(String merchantId, Cancellation c, boolean notify, long now) {
    jdbc.sql(
            """
            INSERT INTO cancellations (merchant_id, cancellation_id, imp_uid, amount, reason, state,
                pg_tid, created_at, cancelled_at, notify)
            VALUES (:merchant, :id, :impUid, :amount, :reason, :state, NULL, :now, 0, :notify)""")
        .param("notify", notify)
        .param("merchant", merchantId)
        .param("id", c.cancellationId())
        .param("impUid", c.impUid())
        .param("amount", c.amount())
        .param("reason", c.reason())
        .param("state", c.state().name())
        .param("now", now)
        .update();
  }

  /** Moves a cancellation on from requested/unknown; false when it was settled already. */
  boolean settleCancellation(
      String merchantId, String cancellationId, CancellationState state, String pgTid, long now) {
    return jdbc.sql(
                """
                UPDATE cancellations SET state = :state, pg_tid = :tid, cancelled_at = :cancelledAt
                WHERE merchant_id = :merchant AND cancellation_id = :id
                  AND state IN ('REQUESTED', 'UNKNOWN')""")
            .param("state", state.name())
            .param("tid", pgTid)
            .param("cancelledAt", state == CancellationState.DONE ? now : 0L)
            .param("merchant", merchantId)
            .param("id", cancellationId)
            .update()
        == 1;
  }

  List<Cancellation> findCancellations(String merchantId, Collection<String> impUids) {
    return jdbc.sql(
            """
            SELECT * FROM cancellations WHERE merchant_id = :merchant AND imp_uid IN (:impUids)
            ORDER BY created_at, cancellation_id""")
        .param("merchant", merchantId)
        .param("impUids", impUids)
        .query(
            (rs, n) ->
                new Cancellation(
                    rs.getString("cancellation_id"),
                    rs.getString("imp_uid"),
                    rs.getLong("amount"),
                    rs.getString("reason"),
                    CancellationState.valueOf(rs.getString("state")),
                    rs.getString("pg_tid"),
                    rs.getLong("cancelled_at")))
        .list();
  }

  /** A refund whose outcome was never heard, with what is needed to ask again. */
  record UnknownRefund(
      String merchantId,
      String cancellationId,
      String impUid,
      long amount,
      String reason,
      String transactionId,
      String pgProvider,
      String currency,
      boolean sendWebhook,
      String pgId) {}

  List<UnknownRefund> findUnknownRefunds(int limit) {
    return jdbc.sql(
            """
            SELECT c.merchant_id, c.cancellation_id, c.imp_uid, c.amount, c.reason, p.pg_tid,
                p.pg_provider, p.currency, c.notify, p.pg_id
            FROM cancellations c
            JOIN payments p ON p.merchant_id = c.merchant_id AND p.imp_uid = c.imp_uid
            WHERE c.state = 'UNKNOWN' ORDER BY c.created_at LIMIT :limit""")
        .param("limit", limit)
        .query(
            (rs, n) ->
                new UnknownRefund(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getBoolean(9),
                    rs.getString(10)))
        .list();
  }
}
