package io.paycron.connector;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MerchantGatewayRepository {

  private final JdbcClient jdbc;

  MerchantGatewayRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<MerchantGatewayConfig> findAll(String merchantId) {
    return jdbc.sql(
            """
            SELECT merchant_id, pg, provider, base_url, credentials, is_default, created_at,
                   updated_at
            FROM merchant_gateways WHERE merchant_id = :merchant ORDER BY pg""")
        .param("merchant", merchantId)
        .query(
            (rs, n) ->
                new MerchantGatewayConfig(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getLong(7),
                    rs.getLong(8)))
        .list();
  }

  /** Inserts or replaces the configuration of one pg (keeping its created_at). */
  void upsert(MerchantGatewayConfig c) {
    jdbc.sql(
            """
            INSERT INTO merchant_gateways (merchant_id, pg, provider, base_url, credentials,
                is_default, created_at, updated_at)
            VALUES (:merchant, :pg, :provider, :baseUrl, :credentials, :isDefault, :now, :now)
            ON CONFLICT (merchant_id, pg) DO UPDATE SET provider = excluded.provider,
                base_url = excluded.base_url, credentials = excluded.credentials,
                is_default = excluded.is_default, updated_at = excluded.updated_at""")
        .param("merchant", c.merchantId())
        .param("pg", c.pg())
        .param("provider", c.provider())
        .param("baseUrl", c.baseUrl())
        .param("credentials", c.sealedCredentials())
        .param("isDefault", c.isDefault())
        .param("now", c.updatedAt())
        .update();
  }

  /** Makes {@code pg} the merchant's only default. */
  void clearOtherDefaults(String merchantId, String pg) {
    jdbc.sql(
            "UPDATE merchant_gateways SET is_default = FALSE"
                + " WHERE merchant_id = :merchant AND pg <> :pg AND is_default")
        .param("merchant", merchantId)
        .param("pg", pg)
        .update();
  }

  boolean delete(String merchantId, String pg) {
    return jdbc.sql("DELETE FROM merchant_gateways WHERE merchant_id = :merchant AND pg = :pg")
            .param("merchant", merchantId)
            .param("pg", pg)
            .update()
        > 0;
  }
}
