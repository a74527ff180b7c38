package io.paycron.payment;

import io.paycron.gateway.CardInfo;
import io.paycron.gateway.DeclineClass;
import io.paycron.gateway.Money;
import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  PaymentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  /**
   * An attempt that reconciliation must settle (sending or unknown); {@code sends} counts the times
   * it went to the gateway, {@code lastSentAt} is the latest of them (server time).
   */
  record UnsettledAttempt(
      String merchantId,
      String idempotencyKey,
      String impUid,
      String pgProvider,
      AttemptState state,
      int sends,
      long lastSentAt,
      String pgId) {}

  private static final String INSERT_PAYMENT =
      """
            INSERT INTO payments (merchant_id, imp_uid, merchant_uid, customer_uid,
                customer_uid_usage, pg_provider, pg_id, pg_tid, apply_num, card_number, card_code,
                card_name, card_type, card_issuer_code, card_issuer_name, card_publisher_code,
                card_publisher_name, card_quota, name, amount, cancel_amount, cancel_reserved,
                currency, buyer_name, buyer_email, buyer_tel, buyer_addr, buyer_postcode,
                custom_data, notice_url, status, fail_reason, cancel_reason, sandbox, started_at,
                paid_at, failed_at, cancelled_at, updated_at, version, live_uid)
            VALUES (:merchant, :impUid, :merchantUid, :customerUid, :usage, :provider, :pgId,
                NULL, NULL, :cardNumber, :cardCode, :cardName, :cardType, :issuerCode, :issuerName,
                :publisherCode, :publisherName, :quota, :name, :amount, 0, 0, :currency,
                :buyerName, :buyerEmail, :buyerTel, :buyerAddr, :buyerPostcode, :customData,
                :noticeUrl, :status, :failReason, NULL, :sandbox, :startedAt, 0, :failedAt, 0,
                :startedAt, 1, :liveUid)""";

  /** Inserts a new payment; a unique violation means the merchant_uid is live elsewhere. */
  void insert(Payment p) {
    jdbc.sql(INSERT_PAYMENT).paramSource(paymentParams(p)).update();
  }

  /** Inserts many payments in one round trip (a multi-row insert on PostgreSQL). */
  void insertAll(List<Payment> list) {
    if (!list.isEmpty()) {
      named.batchUpdate(
          INSERT_PAYMENT,
          list.stream().map(PaymentRepository::paymentParams).toArray(SqlParameterSource[]::new));
    }
  }

  private static MapSqlParameterSource paymentParams(Payment p) {
    CardInfo card = p.card();
    return new MapSqlParameterSource()
        .addValue("failReason", p.failReason())
        .addValue("failedAt", p.failedAt())
        .addValue("merchant", p.merchantId())
        .addValue("impUid", p.impUid())
        .addValue("merchantUid", p.merchantUid())
        .addValue("liveUid", p.status() == PaymentStatus.FAILED ? null : p.merchantUid())
        .addValue("customerUid", p.customerUid())
        .addValue("usage", p.customerUidUsage())
        .addValue("provider", p.pgProvider())
        .addValue("pgId", p.pgId())
        .addValue("cardNumber", card.maskedNumber())
        .addValue("cardCode", card.cardCode())
        .addValue("cardName", card.cardName())
        .addValue("cardType", card.cardType())
        .addValue("issuerCode", card.issuerCode())
        .addValue("issuerName", card.issuerName())
        .addValue("publisherCode", card.publisherCode())
        .addValue("publisherName", card.publisherName())
        .addValue("quota", p.cardQuota())
        .addValue("name", p.name())
        .addValue("amount", p.amount().minorUnits())
        .addValue("currency", p.amount().currency().getCurrencyCode())
        .addValue("buyerName", p.buyer().name())
        .addValue("buyerEmail", p.buyer().email())
        .addValue("buyerTel", p.buyer().tel())
        .addValue("buyerAddr", p.buyer().addr())
        .addValue("buyerPostcode", p.buyer().postcode())
        .addValue("customData", p.customData())
        .addValue("noticeUrl", p.noticeUrl())
        .addValue("status", p.status().name())
        .addValue("sandbox", p.sandbox())
        .addValue("startedAt", p.startedAt());
  }

  /** Inserts the sending attempts of many charges in one round trip. */
  void insertAttempts(List<ChargeService.PreparedCharge> list, long now) {
    if (list.isEmpty()) {
      return;
    }
    named.batchUpdate(
        """
        INSERT INTO payment_attempts (merchant_id, idempotency_key, imp_uid, pg_provider,
            state, created_at, updated_at)
        VALUES (:merchant, :key, :impUid, :provider, 'SENDING', :now, :now)""",
        list.stream()
            .map(
                c ->
                    new MapSqlParameterSource()
                        .addValue("merchant", c.merchantId())
                        .addValue("key", c.request().idempotencyKey())
                        .addValue("impUid", c.impUid())
                        .addValue("provider", c.gateway().provider())
                        .addValue("now", now))
            .toArray(SqlParameterSource[]::new));
  }

  /** One attempt's outcome, as {@link #settleAttempts} and {@link #settlePayments} take it. */
  record Settlement(
      String merchantId,
      String impUid,
      String idempotencyKey,
      AttemptState state,
      String declineCode,
      String declineMessage,
      String transactionId,
      String approvalNumber,
      String failReason,
      DeclineClass declineClass) {}

  /**
   * Moves many attempts out of sending/unknown in one statement; returns, per settlement, whether
   * it applied (false: the live call or the reconciler settled it first).
   */
  boolean[] settleAttempts(List<Settlement> list, long now) {
    Rows rows =
        Rows.named("v")
            .text("m")
            .text("ikey")
            .text("new_state")
            .text("code")
            .text("message")
            .text("tx")
            .integer("from_unknown");
    for (Settlement x : list) {
      rows.add(
          x.merchantId(),
          x.idempotencyKey(),
          x.state().name(),
          x.declineCode(),
          x.declineMessage(),
          x.transactionId(),
          x.state() == AttemptState.UNKNOWN ? 0 : 1);
    }
    Set<String> applied =
        new HashSet<>(
            jdbc.sql(
                    "UPDATE payment_attempts SET state = v.new_state, decline_code = v.code,"
                        + " decline_message = v.message, transaction_id = v.tx,"
                        + " updated_at = :now FROM "
                        + rows.sql(dialect)
                        + """
                         WHERE payment_attempts.merchant_id = v.m
                          AND payment_attempts.idempotency_key = v.ikey
                          AND (payment_attempts.state = 'SENDING'
                               OR (payment_attempts.state = 'UNKNOWN' AND v.from_unknown = 1))
                        RETURNING payment_attempts.idempotency_key""")
                .param("now", now)
                .params(rows.params(dialect))
                .query(String.class)
                .list());
    boolean[] result = new boolean[list.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = applied.contains(list.get(i).idempotencyKey());
    }
    return result;
  }

  /**
   * Applies settled attempts to their payments (which must still be ready) in one statement;
   * returns the payments as they are now.
   */
  List<Payment> settlePayments(List<Settlement> list, long now) {
    if (list.isEmpty()) {
      return List.of();
    }
    Rows rows =
        Rows.named("v")
            .text("m")
            .text("imp")
            .text("new_status")
            .text("tid")
            .text("approval")
            .text("reason")
            .bigint("paid")
            .bigint("failed");
    for (Settlement x : list) {
      PaymentStatus status = x.state().paymentStatus();
      rows.add(
          x.merchantId(),
          x.impUid(),
          status.name(),
          x.transactionId(),
          x.approvalNumber(),
          x.failReason(),
          status == PaymentStatus.PAID ? now : 0L,
          status == PaymentStatus.FAILED ? now : 0L);
    }
    return jdbc.sql(
            "UPDATE payments SET status = v.new_status, pg_tid = v.tid, apply_num = v.approval,"
                + " fail_reason = v.reason, paid_at = v.paid, failed_at = v.failed,"
                + " live_uid = CASE WHEN v.new_status = 'FAILED' THEN NULL ELSE live_uid END,"
                + " updated_at = :now, version = version + 1 FROM "
                + rows.sql(dialect)
                + """
                 WHERE payments.merchant_id = v.m AND payments.imp_uid = v.imp
                  AND payments.status = 'READY'
                RETURNING *""")
        .param("now", now)
        .params(rows.params(dialect))
        .query(PaymentRepository::map)
        .list();
  }

  /** Unknown attempts, and sending ones older than {@code staleBefore} (their node died). */
  List<UnsettledAttempt> findUnsettled(long staleBefore, int limit) {
    return jdbc.sql(
            """
            SELECT a.merchant_id, a.idempotency_key, a.imp_uid, a.pg_provider, a.state, a.sends,
                COALESCE(a.last_sent_at, a.created_at), p.pg_id
            FROM payment_attempts a
            LEFT JOIN payments p ON p.merchant_id = a.merchant_id AND p.imp_uid = a.imp_uid
            WHERE a.state = 'UNKNOWN' OR (a.state = 'SENDING' AND a.updated_at < :staleBefore)
            ORDER BY a.updated_at LIMIT :limit""")
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
                    rs.getInt(6),
                    rs.getLong(7),
                    rs.getString(8)))
        .list();
  }

  /**
   * Counts one more send of each attempt, committed before the gateway is called again; returns the
   * keys whose count was still the one read (another node's reconciler may have resent the same
   * attempt meanwhile: then only one of them sends it).
   */
  Set<String> markResent(List<UnsettledAttempt> attempts, long now) {
    if (attempts.isEmpty()) {
      return Set.of();
    }
    Rows rows = Rows.named("v").text("m").text("ikey").integer("sends");
    attempts.forEach(a -> rows.add(a.merchantId(), a.idempotencyKey(), a.sends()));
    return new HashSet<>(
        jdbc.sql(
                "UPDATE payment_attempts SET sends = payment_attempts.sends + 1,"
                    + " last_sent_at = :now, updated_at = :now FROM "
                    + rows.sql(dialect)
                    + """
                     WHERE payment_attempts.merchant_id = v.m
                      AND payment_attempts.idempotency_key = v.ikey
                      AND payment_attempts.sends = v.sends
                      AND payment_attempts.state IN ('SENDING', 'UNKNOWN')
                    RETURNING payment_attempts.idempotency_key""")
            .param("now", now)
            .params(rows.params(dialect))
            .query(String.class)
            .list());
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
            WHERE merchant_id = :merchant AND live_uid = :merchantUid""")
        .param("merchant", merchantId)
        .param("merchantUid", merchantUid)
        .query(PaymentRepository::map)
        .optional();
  }

  static Payment map(ResultSet rs, int row) throws SQLException {
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
