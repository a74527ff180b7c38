package io.paycron.merchant;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MerchantRepository {

  private final JdbcClient jdbc;

  MerchantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record ApiKeyRow(String merchantId, String impKey, String secretHash) {}

  record MerchantRow(String id, String name, boolean sandbox, long createdAt) {}

  record KeyRow(String impKey, long createdAt, long revokedAt) {}

  record TokenRow(String merchantId, String merchantName, boolean sandbox, long expiresAt) {}

  boolean merchantExists(String merchantId) {
    return jdbc.sql("SELECT COUNT(*) FROM merchants WHERE id = :id")
            .param("id", merchantId)
            .query(Long.class)
            .single()
        > 0;
  }

  void insertMerchant(String id, String name, boolean sandbox, long now) {
    jdbc.sql(
            """
            INSERT INTO merchants (id, name, sandbox, created_at)
            VALUES (:id, :name, :sandbox, :now)""")
        .param("id", id)
        .param("name", name)
        .param("sandbox", sandbox)
        .param("now", now)
        .update();
  }

  /**
   * Adds a key pair; one that exists already is left as it is — in particular a revoked one stays
   * revoked (the sandbox seed runs at every start).
   */
  void insertApiKey(String merchantId, String impKey, String secretHash, long now) {
    jdbc.sql(
            """
            INSERT INTO api_keys (merchant_id, imp_key, secret_hash, created_at)
            VALUES (:merchant, :key, :hash, :now)
            ON CONFLICT DO NOTHING""")
        .param("merchant", merchantId)
        .param("key", impKey)
        .param("hash", secretHash)
        .param("now", now)
        .update();
  }

  Optional<ApiKeyRow> findActiveApiKey(String impKey) {
    return jdbc.sql(
            """
            SELECT merchant_id, imp_key, secret_hash FROM api_keys
            WHERE imp_key = :key AND revoked_at IS NULL""")
        .param("key", impKey)
        .query(
            (rs, n) ->
                new ApiKeyRow(
                    rs.getString("merchant_id"),
                    rs.getString("imp_key"),
                    rs.getString("secret_hash")))
        .optional();
  }

  void insertToken(
      String merchantId, String tokenHash, String impKey, long issuedAt, long expiresAt) {
    jdbc.sql(
            """
            INSERT INTO access_tokens (merchant_id, token_hash, imp_key, issued_at, expires_at)
            VALUES (:merchant, :hash, :key, :issued, :expires)""")
        .param("merchant", merchantId)
        .param("hash", tokenHash)
        .param("key", impKey)
        .param("issued", issuedAt)
        .param("expires", expiresAt)
        .update();
  }

  void extendToken(String merchantId, String tokenHash, long expiresAt) {
    jdbc.sql(
            """
            UPDATE access_tokens SET expires_at = :expires
            WHERE merchant_id = :merchant AND token_hash = :hash AND expires_at < :expires""")
        .param("merchant", merchantId)
        .param("hash", tokenHash)
        .param("expires", expiresAt)
        .update();
  }

  Optional<TokenRow> findToken(String tokenHash) {
    return jdbc.sql(
            """
            SELECT t.merchant_id, m.name, m.sandbox, t.expires_at
            FROM access_tokens t
            JOIN merchants m ON m.id = t.merchant_id
            JOIN api_keys k ON k.merchant_id = t.merchant_id AND k.imp_key = t.imp_key
            WHERE t.token_hash = :hash AND k.revoked_at IS NULL""")
        .param("hash", tokenHash)
        .query(
            (rs, n) ->
                new TokenRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)))
        .optional();
  }

  Optional<MerchantRow> findMerchant(String merchantId) {
    return jdbc.sql("SELECT id, name, sandbox, created_at FROM merchants WHERE id = :id")
        .param("id", merchantId)
        .query(
            (rs, n) ->
                new MerchantRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)))
        .optional();
  }

  java.util.List<KeyRow> keysOf(String merchantId) {
    return jdbc.sql(
            """
            SELECT imp_key, created_at, revoked_at FROM api_keys WHERE merchant_id = :merchant
            ORDER BY created_at, imp_key""")
        .param("merchant", merchantId)
        .query((rs, n) -> new KeyRow(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** Marks an active key revoked; false when the merchant has no such active key. */
  boolean revokeKey(String merchantId, String impKey, long now) {
    return jdbc.sql(
                """
                UPDATE api_keys SET revoked_at = :now
                WHERE merchant_id = :merchant AND imp_key = :key AND revoked_at IS NULL""")
            .param("now", now)
            .param("merchant", merchantId)
            .param("key", impKey)
            .update()
        > 0;
  }

  /** Deletes every access token of the merchant. */
  int deleteTokens(String merchantId) {
    return jdbc.sql("DELETE FROM access_tokens WHERE merchant_id = :merchant")
        .param("merchant", merchantId)
        .update();
  }

  /** Deletes the access tokens issued for one of the merchant's keys. */
  int deleteTokensOfKey(String merchantId, String impKey) {
    return jdbc.sql("DELETE FROM access_tokens WHERE merchant_id = :merchant AND imp_key = :key")
        .param("merchant", merchantId)
        .param("key", impKey)
        .update();
  }

  boolean tokenExists(String tokenHash) {
    return jdbc.sql("SELECT COUNT(*) FROM access_tokens WHERE token_hash = :hash")
            .param("hash", tokenHash)
            .query(Long.class)
            .single()
        > 0;
  }
}
