package io.paycron.webhook;

import io.paycron.common.SecretBox;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook signing secrets, stored encrypted for their merchant ({@link SecretBox}) and read back
 * decrypted.
 */
@Repository
class WebhookSecretRepository {

  private final JdbcClient jdbc;
  private final SecretBox box;

  WebhookSecretRepository(JdbcClient jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  /** Secrets that sign now, newest first, decrypted. */
  List<String> liveSecrets(String merchantId, long now) {
    return jdbc
        .sql(
            """
            SELECT secret FROM webhook_secrets
            WHERE merchant_id = :merchant AND (expires_at IS NULL OR expires_at > :now)
            ORDER BY CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END, created_at DESC""")
        .param("merchant", merchantId)
        .param("now", now)
        .query(String.class)
        .list()
        .stream()
        .map(stored -> SecretBox.isSealed(stored) ? box.open(stored, merchantId) : stored)
        .toList();
  }

  /** When the next of the live secrets stops signing (a rotation's overlap ends), if any does. */
  java.util.Optional<Long> nextExpiry(String merchantId, long now) {
    return jdbc.sql(
            """
            SELECT MIN(expires_at) FROM webhook_secrets
            WHERE merchant_id = :merchant AND expires_at > :now""")
        .param("merchant", merchantId)
        .param("now", now)
        .query(Long.class)
        .optional();
  }

  /**
   * Encrypts the secrets stored in clear before encryption existed (at start, once the key is known
   * to be the right one); how many there were.
   */
  int sealStoredInClear() {
    record Row(String merchantId, String secret) {}
    List<Row> clear =
        jdbc.sql("SELECT merchant_id, secret FROM webhook_secrets WHERE secret NOT LIKE 'v1:%'")
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
            .list();
    for (Row row : clear) {
      jdbc.sql(
              "UPDATE webhook_secrets SET secret = :sealed"
                  + " WHERE merchant_id = :merchant AND secret = :secret")
          .param("sealed", box.seal(row.secret(), row.merchantId()))
          .param("merchant", row.merchantId())
          .param("secret", row.secret())
          .update();
    }
    return clear.size();
  }

  /**
   * Stores a new secret encrypted; returns its stored form (what {@link #expireOlderSecrets}
   * keeps).
   */
  String insertSecret(String merchantId, String secret, long now) {
    String sealed = box.seal(secret, merchantId);
    jdbc.sql(
            """
            INSERT INTO webhook_secrets (merchant_id, secret, created_at, expires_at)
            VALUES (:merchant, :secret, :now, NULL)""")
        .param("merchant", merchantId)
        .param("secret", sealed)
        .param("now", now)
        .update();
    return sealed;
  }

  /**
   * Ends every secret but the newest at {@code expiresAt} (the rotation overlap); {@code keep} is
   * the newest one's stored form.
   */
  void expireOlderSecrets(String merchantId, String keep, long expiresAt) {
    jdbc.sql(
            """
            UPDATE webhook_secrets SET expires_at = :expires
            WHERE merchant_id = :merchant AND secret <> :keep
              AND (expires_at IS NULL OR expires_at > :expires)""")
        .param("expires", expiresAt)
        .param("merchant", merchantId)
        .param("keep", keep)
        .update();
  }
}
