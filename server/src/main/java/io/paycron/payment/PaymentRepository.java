package io.paycron.payment;

import io.paycron.gateway.CardInfo;
import io.paycron.gateway.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

  private final JdbcClient jdbc;

  PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An attempt that reconciliation must settle. */
  record UnsettledAttempt(
      String merchantId,
      String idempotencyKey,
      String impUid,
      String pgProvider,
      AttemptState state,
      long createdAt) {}

  /** Inserts a new payment; a unique violation means the merchant_uid is live elsewhere. */
  void insert(Payment p) {
    CardInfo card = p.card();
    jdbc.sql(
            """
            INSERT INTO payments (merchant_id, imp_uid, merchant_uid, customer_uid,
                customer_uid_usage, pg_provider, pg_id, pg_tid, apply_num, card_number, card_code,
                card_name, card_type, card_issuer_code, card_issuer_name, card_publisher_code,
                card_publisher_name, card_quota, name, amount, cancel_amount, cancel_reserved,
                currency, buyer_name, buyer_email, buyer_tel, buyer_addr, buyer_postcode,
                custom_data, notice_url, status, fail_reason, cancel_reason, sandbox, started_at,
                paid_at, failed_at, cancelled_at, updated_at, version)
            VALUES (:merchant, :impUid, :merchantUid, :customerUid, :usage, :provider, :pgId,
                NULL, NULL, :cardNumber, :cardCode, :cardName, :cardType, :issuerCode, :issuerName,
                :publisherCode, :publisherName, :quota, :name, :amount, 0, 0, :currency,
                :buyerName, :buyerEmail, :buyerTel, :buyerAddr, :buyerPostcode, :customData,
                :noticeUrl, :status, :failReason, NULL, :sandbox, :startedAt, 0, :failedAt, 0,
                :startedAt, 1)""")
        .param("failReason", p.failReason())
        .param("failedAt", p.failedAt())
        .param("merchant", p.merchantId())
        .param("impUid", p.impUid())
        .param("merchantUid", p.merchantUid())
        .param("customerUid", p.customerUid())
        .param("usage", p.customerUidUsage())
        .param("provider", p.pgProvider())
        .param("pgId", p.pgId())
        .param("cardNumber", card.maskedNumber())
        .param("cardCode", card.cardCode())
        .param("cardName", card.cardName())
        .param("cardType", card.cardType())
        .param("issuerCode", card.issuerCode())
        .param("issuerName", card.issuerName())
        .param("publisherCode", card.publisherCode())
        .param("publisherName", card.publisherName())
        .param("quota", p.cardQuota())
        .param("name", p.name())
        .param("amount", p.amount().minorUnits())
        .param("currency", p.amount().currency().getCurrencyCode())
        .param("buyerName", p.buyer().name())
        .param("buyerEmail", p.buyer().email())
        .param("buyerTel", p.buyer().tel())
        .param("buyerAddr", p.buyer().addr())
        .param("buyerPostcode", p.buyer().postcode())
        .param("customData", p.customData())
        .param("noticeUrl", p.noticeUrl())
        .param("status", p.status().name())
        .param("sandbox", p.sandbox())
        .param("startedAt", p.startedAt())
        .update();
  }

  void insertAttempt(
      String merchantId, String idempotencyKey, String impUid, String provider, long now) {
    jdbc.sql(
            """
            INSERT INTO payment_attempts (merchant_id, idempotency_key, imp_uid, pg_provider,
                state, created_at, updated_at)
            VALUES (:merchant, :key, :impUid, :provider, 'SENDING', :now, :now)""")
        .param("merchant", merchantId)
        .param("key", idempotencyKey)
        .param("impUid", impUid)
        .param("provider", provider)
        .param("now", now)
        .update();
  }

  /**
   * Moves an attempt out of sending/unknown. Returns false when another path (the live call or the
   * reconciler) settled it first, so an outcome is applied once.
   */
  boolean settleAttempt(
      String merchantId,
      String idempotencyKey,
      AttemptState state,
      String declineCode,
      String declineMessage,
      String transactionId,
      long now) {
    String guard = state == AttemptState.UNKNOWN ? "('SENDING')" : "('SENDING', 'UNKNOWN')";
    return jdbc.sql(
                """
                UPDATE payment_attempts SET state = :state, decline_code = :code,
                    decline_message = :message, transaction_id = :tx, updated_at = :now
                WHERE merchant_id = :merchant AND idempotency_key = :key AND state IN """
                    + guard)
            .param("state", state.name())
            .param("code", declineCode)
            .param("message", declineMessage)
            .param("tx", transactionId)
            .param("now", now)
            .param("merchant", merchantId)
            .param("key", idempotencyKey)
            .update()
        == 1;
  }

  /** Applies a settled attempt to its payment, which must still be ready. */
  void settlePayment(
      String merchantId,
      String impUid,
      PaymentStatus status,
      String pgTid,
      String applyNum,
      String failReason,
      long now) {
    jdbc.sql(
            """
            UPDATE payments SET status = :status, pg_tid = :tid, apply_num = :applyNum,
                fail_reason = :failReason,
                paid_at = :paidAt, failed_at = :failedAt,
                updated_at = :now, version = version + 1
            WHERE merchant_id = :merchant AND imp_uid = :impUid AND status = 'READY'""")
        .param("status", status.name())
        .param("tid", pgTid)
        .param("applyNum", applyNum)
        .param("failReason", failReason)
        .param("paidAt", status == PaymentStatus.PAID ? now : 0L)
        .param("failedAt", status == PaymentStatus.FAILED ? now : 0L)
        .param("now", now)
        .param("merchant", merchantId)
        .param("impUid", impUid)
        .update();
  }

  /** Unknown attempts, and sending ones older than {@code staleBefore} (their node died). */
  List<UnsettledAttempt> findUnsettled(long staleBefore, int limit) {
    return jdbc.sql(
            """
            SELECT merchant_id, idempotency_key, imp_uid, pg_provider, state, created_at
            FROM payment_attempts
            WHERE state = 'UNKNOWN' OR (state = 'SENDING' AND updated_at < :staleBefore)
            ORDER BY updated_at LIMIT :limit""")
        .param("staleBefore", staleBefore)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new UnsettledAttempt(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    AttemptState.valueOf(rs.getString(5)),
                    rs.getLong(6)))
        .list();
  }

  Optional<Payment> find(String merchantId, String impUid) {
    return jdbc.sql("SELECT * FROM payments WHERE merchant_id = :merchant AND imp_uid = :impUid")
        .param("merchant", merchantId)
        .param("impUid", impUid)
        .query(PaymentRepository::map)
        .optional();
  }

  List<Payment> findAll(String merchantId, Collection<String> impUids) {
    return jdbc.sql(
            """
            SELECT * FROM payments WHERE merchant_id = :merchant AND imp_uid IN (:impUids)
            ORDER BY started_at DESC""")
        .param("merchant", merchantId)
        .param("impUids", impUids)
        .query(PaymentRepository::map)
        .list();
  }

  /** The payment that holds a merchant_uid (ready, paid or cancelled), if any. */
  Optional<Payment> findLive(String merchantId, String merchantUid) {
    return jdbc.sql(
            """
            SELECT * FROM payments
            WHERE merchant_id = :merchant AND merchant_uid = :merchantUid AND status <> 'FAILED'""")
        .param("merchant", merchantId)
        .param("merchantUid", merchantUid)
        .query(PaymentRepository::map)
        .optional();
  }

  /** Payments of one merchant_uid, filtered and sorted, one page. */
  List<Payment> findByMerchantUid(
      String merchantId,
      String merchantUid,
      PaymentStatus status,
      PaymentSort sort,
      int limit,
      long offset) {
    return jdbc.sql(
            "SELECT * FROM payments WHERE merchant_id = :merchant AND merchant_uid = :merchantUid"
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY "
                + sort.orderBy
                + " LIMIT :limit OFFSET :offset")
        .param("merchant", merchantId)
        .param("merchantUid", merchantUid)
        .param("status", status == null ? null : status.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(PaymentRepository::map)
        .list();
  }

  long countByMerchantUid(String merchantId, String merchantUid, PaymentStatus status) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM payments WHERE merchant_id = :merchant"
                + " AND merchant_uid = :merchantUid"
                + (status == null ? "" : " AND status = :status"))
        .param("merchant", merchantId)
        .param("merchantUid", merchantUid)
        .param("status", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  /** Payments started in [from, to), optionally of one status, one page. */
  List<Payment> findByStatus(
      String merchantId,
      PaymentStatus status,
      long from,
      long to,
      PaymentSort sort,
      int limit,
      long offset) {
    return jdbc.sql(
            "SELECT * FROM payments WHERE merchant_id = :merchant"
                + " AND started_at >= :from AND started_at < :to"
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY "
                + sort.orderBy
                + " LIMIT :limit OFFSET :offset")
        .param("merchant", merchantId)
        .param("from", from)
        .param("to", to)
        .param("status", status == null ? null : status.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(PaymentRepository::map)
        .list();
  }

  long countByStatus(String merchantId, PaymentStatus status, long from, long to) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM payments WHERE merchant_id = :merchant"
                + " AND started_at >= :from AND started_at < :to"
                + (status == null ? "" : " AND status = :status"))
        .param("merchant", merchantId)
        .param("from", from)
        .param("to", to)
        .param("status", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  List<Payment> findByCustomer(String merchantId, String customerUid, int limit, long offset) {
    return jdbc.sql(
            """
            SELECT * FROM payments WHERE merchant_id = :merchant AND customer_uid = :customerUid
            ORDER BY started_at DESC, imp_uid DESC LIMIT :limit OFFSET :offset""")
        .param("merchant", merchantId)
        .param("customerUid", customerUid)
        .param("limit", limit)
        .param("offset", offset)
        .query(PaymentRepository::map)
        .list();
  }

  long countByCustomer(String merchantId, String customerUid) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM payments WHERE merchant_id = :merchant AND customer_uid = :uid")
        .param("merchant", merchantId)
        .param("uid", customerUid)
        .query(Long.class)
        .single();
  }

  /**
   * Reserves a refund against the balance in one statement, so two concurrent cancels can never
   * refund more than was paid. Returns false when the balance does not cover it.
   */
  boolean reserveRefund(String merchantId, String impUid, long amount, long now) {
    return jdbc.sql(
                """
                UPDATE payments SET cancel_reserved = cancel_reserved + :amount,
                    updated_at = :now, version = version + 1
                WHERE merchant_id = :merchant AND imp_uid = :impUid AND status = 'PAID'
                  AND amount - cancel_reserved >= :amount""")
            .param("amount", amount)
            .param("now", now)
            .param("merchant", merchantId)
            .param("impUid", impUid)
            .update()
        == 1;
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
      boolean sendWebhook) {}

  List<UnknownRefund> findUnknownRefunds(int limit) {
    return jdbc.sql(
            """
            SELECT c.merchant_id, c.cancellation_id, c.imp_uid, c.amount, c.reason, p.pg_tid,
                p.pg_provider, p.currency, c.notify
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
                    rs.getBoolean(9)))
        .list();
  }

  private static Payment map(ResultSet rs, int row) throws SQLException {
    int rawCardType = rs.getInt("card_type");
    Integer cardType = rs.wasNull() ? null : rawCardType;
    Currency currency = Currency.getInstance(rs.getString("currency"));
    return new Payment(
        rs.getString("merchant_id"),
        rs.getString("imp_uid"),
        rs.getString("merchant_uid"),
        rs.getString("customer_uid"),
        rs.getString("customer_uid_usage"),
        rs.getString("pg_provider"),
        rs.getString("pg_id"),
        rs.getString("pg_tid"),
        rs.getString("apply_num"),
        new CardInfo(
            rs.getString("card_number"),
            rs.getString("card_code"),
            rs.getString("card_name"),
            cardType,
            rs.getString("card_issuer_code"),
            rs.getString("card_issuer_name"),
            rs.getString("card_publisher_code"),
            rs.getString("card_publisher_name")),
        rs.getInt("card_quota"),
        rs.getString("name"),
        Money.of(rs.getLong("amount"), currency),
        rs.getLong("cancel_amount"),
        new Buyer(
            rs.getString("buyer_name"),
            rs.getString("buyer_email"),
            rs.getString("buyer_tel"),
            rs.getString("buyer_addr"),
            rs.getString("buyer_postcode")),
        rs.getString("custom_data"),
        rs.getString("notice_url"),
        PaymentStatus.valueOf(rs.getString("status")),
        rs.getString("fail_reason"),
        rs.getString("cancel_reason"),
        rs.getBoolean("sandbox"),
        rs.getLong("started_at"),
        rs.getLong("paid_at"),
        rs.getLong("failed_at"),
        rs.getLong("cancelled_at"),
        rs.getLong("updated_at"),
        rs.getLong("version"));
  }
}
