package io.paycron.payment;

import io.paycron.storage.Rows;
import io.paycron.storage.SqlDialect;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What numbers a merchant_uid's next charge at the gateway ({@link Payment#idempotencyKey}): its
 * payments so far, and the keys of attempts the gateway never charged, which are given back.
 */
@Repository
class AttemptKeyRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  AttemptKeyRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  /** The history of one merchant_uid (see {@link #merchantUidHistories}). */
  MerchantUidHistory merchantUidHistory(String merchantId, String merchantUid) {
    return merchantUidHistories(merchantId, List.of(merchantUid))
        .getOrDefault(merchantUid, MerchantUidHistory.NONE);
  }

  /**
   * The history of each of these merchant_uids that has any payment, in one statement (read through
   * payments_by_merchant_uid; a merchant_uid never charged costs one index probe): whether one is
   * live (live_uid is NULL exactly for failed payments), and how many attempts the gateway
   * declined. Failures the gateway never saw — before sending, or found not charged — use up no
   * number, so a charge after them takes the same key and a late arrival of the lost request cannot
   * be a second charge.
   */
  Map<String, MerchantUidHistory> merchantUidHistories(
      String merchantId, Collection<String> merchantUids) {
    if (merchantUids.isEmpty()) {
      return Map.of();
    }
    Rows uids = Rows.named("v").text("uid");
    merchantUids.forEach(uids::add);
    Map<String, MerchantUidHistory> histories = new HashMap<>();
    jdbc.sql(
            "SELECT p.merchant_uid, COUNT(p.live_uid), COUNT(a.idempotency_key) FROM payments p"
                + " LEFT JOIN payment_attempts a ON a.merchant_id = p.merchant_id"
                + " AND a.imp_uid = p.imp_uid AND a.state = 'DECLINED'"
                + " WHERE p.merchant_id = :merchant AND p.merchant_uid IN (SELECT uid FROM "
                + uids.sql(dialect)
                + ") GROUP BY p.merchant_uid")
        .param("merchant", merchantId)
        .params(uids.params(dialect))
        .query(
            rs -> {
              histories.put(
                  rs.getString(1), new MerchantUidHistory(rs.getLong(2) > 0, rs.getInt(3)));
            });
    return histories;
  }

  /**
   * Gives back the keys of attempts the gateway never charged: each is renamed aside (with its
   * imp_uid appended, so it stays unique and readable), and the merchant_uid's next charge takes
   * the key again.
   */
  void releaseNotCharged(List<PaymentRepository.Settlement> settlements) {
    List<PaymentRepository.Settlement> notCharged =
        settlements.stream().filter(s -> s.state() == AttemptState.NOT_CHARGED).toList();
    if (notCharged.isEmpty()) {
      return;
    }
    named.batchUpdate(
        """
        UPDATE payment_attempts SET idempotency_key = idempotency_key || '~' || imp_uid
        WHERE merchant_id = :merchant AND idempotency_key = :key AND state = 'NOT_CHARGED'""",
        notCharged.stream()
            .map(
                s ->
                    new MapSqlParameterSource()
                        .addValue("merchant", s.merchantId())
                        .addValue("key", s.idempotencyKey()))
            .toArray(SqlParameterSource[]::new));
  }
}
