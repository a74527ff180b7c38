package io.paycron.sandbox;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sandbox card network remembers, in its own tables: billing keys (with the scenario,
 * never the card number), charges by idempotency key, refunds by idempotency key.
 */
@Repository
class SandboxLedger {

  private final JdbcClient jdbc;
  private final io.paycron.storage.SqlDialect dialect;

  SandboxLedger(JdbcClient jdbc, io.paycron.storage.SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * Inside a transaction: commit it without waiting for the disk. The sandbox plays the card
   * network, whose records are not Paycron's to make durable; and PostgreSQL writes its log in
   * order, so any later (durable) Paycron commit makes this row durable too. Only a database crash
   * right after could lose it, which to Paycron looks like a network that never charged:
   * reconciliation re-sends with the same idempotency key.
   */
  void commitWithoutWaitingForDisk() {
    if (dialect == io.paycron.storage.SqlDialect.POSTGRESQL) {
      jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }
  }

  record Charge(
      String idempotencyKey,
      String token,
      long amount,
      String currency,
      String outcome,
      String declineCode,
      String transactionId,
      long cancelledAmount) {}

  void insertBillingKey(String token, SandboxCard card, String maskedNumber, long now) {
    jdbc.sql(
            """
            INSERT INTO sandbox_billing_keys (token, scenario, card_number, created_at)
            VALUES (:token, :scenario, :masked, :now)""")
        .param("token", token)
        .param("scenario", card.name())
        .param("masked", maskedNumber)
        .param("now", now)
        .update();
  }

  Optional<SandboxCard> findLiveBillingKey(String token) {
    return jdbc.sql(
            "SELECT scenario FROM sandbox_billing_keys WHERE token = :token AND deleted_at IS NULL")
        .param("token", token)
        .query(String.class)
        .optional()
        .map(SandboxCard::valueOf);
  }

  void deleteBillingKey(String token, long now) {
    jdbc.sql("UPDATE sandbox_billing_keys SET deleted_at = :now WHERE token = :token")
        .param("token", token)
        .param("now", now)
        .update();
  }

  /**
   * Records many charges in one statement; returns the keys that were new (a key recorded before,
   * or twice in the list, keeps its first charge).
   */
  java.util.Set<String> insertChargesOnce(java.util.List<Charge> charges, long now) {
    io.paycron.storage.Rows rows =
        io.paycron.storage.Rows.named("v")
            .text("ikey")
            .text("tok")
            .bigint("amt")
            .text("cur")
            .text("res")
            .text("code")
            .text("tx");
    charges.forEach(
        c ->
            rows.add(
                c.idempotencyKey(),
                c.token(),
                c.amount(),
                c.currency(),
                c.outcome(),
                c.declineCode(),
                c.transactionId()));
    // WHERE 1 = 1: SQLite reads "INSERT … SELECT … ON CONFLICT" only with a WHERE in the SELECT
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                INSERT INTO sandbox_charges (idempotency_key, token, amount, currency, outcome,
                    decline_code, transaction_id, cancelled_amount, created_at)
                SELECT ikey, tok, amt, cur, res, code, tx, 0, :now FROM """
                    + rows.sql(dialect)
                    + """
                     WHERE 1 = 1
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING idempotency_key""")
            .param("now", now)
            .params(rows.params(dialect))
            .query(String.class)
            .list());
  }

  Optional<Charge> findCharge(String idempotencyKey) {
    return jdbc.sql("SELECT * FROM sandbox_charges WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(SandboxLedger::charge)
        .optional();
  }

  Optional<Charge> findChargeByTransaction(String transactionId) {
    return jdbc.sql("SELECT * FROM sandbox_charges WHERE transaction_id = :tx")
        .param("tx", transactionId)
        .query(SandboxLedger::charge)
        .optional();
  }

  private static Charge charge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Charge(
        rs.getString("idempotency_key"),
        rs.getString("token"),
        rs.getLong("amount"),
        rs.getString("currency"),
        rs.getString("outcome"),
        rs.getString("decline_code"),
        rs.getString("transaction_id"),
        rs.getLong("cancelled_amount"));
  }

  /** Records a refund once and only while it fits the charge's remaining balance. */
  boolean refundOnce(String idempotencyKey, String transactionId, long amount, long now) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO sandbox_cancellations (idempotency_key, transaction_id, amount, created_at)
                VALUES (:key, :tx, :amount, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
            .param("key", idempotencyKey)
            .param("tx", transactionId)
            .param("amount", amount)
            .param("now", now)
            .update();
    if (inserted == 0) {
      return true; // the same refund again: already done
    }
    int updated =
        jdbc.sql(
                """
                UPDATE sandbox_charges SET cancelled_amount = cancelled_amount + :amount
                WHERE transaction_id = :tx AND amount - cancelled_amount >= :amount""")
            .param("tx", transactionId)
            .param("amount", amount)
            .update();
    if (updated == 0) {
      jdbc.sql("DELETE FROM sandbox_cancellations WHERE idempotency_key = :key")
          .param("key", idempotencyKey)
          .update();
      return false;
    }
    return true;
  }

  /** How many charges the network has for a key prefix: what the tests count. */
  long countCharges(String idempotencyKeyPrefix) {
    return jdbc.sql("SELECT COUNT(*) FROM sandbox_charges WHERE idempotency_key LIKE :prefix")
        .param("prefix", idempotencyKeyPrefix + "%")
        .query(Long.class)
        .single();
  }
}
