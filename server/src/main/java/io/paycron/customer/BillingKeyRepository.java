package io.paycron.customer;

import io.paycron.gateway.CardInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BillingKeyRepository {

  private final JdbcClient jdbc;

  BillingKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<BillingKey> find(String merchantId, String customerUid) {
    return jdbc.sql(
            "SELECT * FROM billing_keys WHERE merchant_id = :merchant AND customer_uid = :uid")
        .param("merchant", merchantId)
        .param("uid", customerUid)
        .query(BillingKeyRepository::map)
        .optional();
  }

  List<BillingKey> findAll(String merchantId, Collection<String> customerUids) {
    return jdbc.sql(
            """
            SELECT * FROM billing_keys WHERE merchant_id = :merchant AND customer_uid IN (:uids)
            ORDER BY customer_uid""")
        .param("merchant", merchantId)
        .param("uids", customerUids)
        .query(BillingKeyRepository::map)
        .list();
  }

  /** Inserts or replaces the card behind a customer_uid, keeping its first insertion time. */
  void upsert(BillingKey key) {
    CardInfo card = key.card();
    CustomerDetails customer = key.customer();
    jdbc.sql(
            """
            INSERT INTO billing_keys (merchant_id, customer_uid, pg_provider, pg_id, gateway_token,
                card_number, card_code, card_name, card_type, card_issuer_code, card_issuer_name,
                card_publisher_code, card_publisher_name, customer_id, customer_name, customer_tel,
                customer_email, customer_addr, customer_postcode, inserted_at, updated_at)
            VALUES (:merchant, :uid, :provider, :pgId, :token, :number, :code, :name, :type,
                :issuerCode, :issuerName, :publisherCode, :publisherName, :customerId,
                :customerName, :tel, :email, :addr, :postcode, :inserted, :updated)
            ON CONFLICT (merchant_id, customer_uid) DO UPDATE SET
                pg_provider = excluded.pg_provider, pg_id = excluded.pg_id,
                gateway_token = excluded.gateway_token, card_number = excluded.card_number,
                card_code = excluded.card_code, card_name = excluded.card_name,
                card_type = excluded.card_type, card_issuer_code = excluded.card_issuer_code,
                card_issuer_name = excluded.card_issuer_name,
                card_publisher_code = excluded.card_publisher_code,
                card_publisher_name = excluded.card_publisher_name,
                customer_id = excluded.customer_id, customer_name = excluded.customer_name,
                customer_tel = excluded.customer_tel, customer_email = excluded.customer_email,
                customer_addr = excluded.customer_addr,
                customer_postcode = excluded.customer_postcode,
                updated_at = excluded.updated_at""")
        .param("merchant", key.merchantId())
        .param("uid", key.customerUid())
        .param("provider", key.pgProvider())
        .param("pgId", key.pgId())
        .param("token", key.gatewayToken())
        .param("number", card.maskedNumber())
        .param("code", card.cardCode())
        .param("name", card.cardName())
        .param("type", card.cardType())
        .param("issuerCode", card.issuerCode())
        .param("issuerName", card.issuerName())
        .param("publisherCode", card.publisherCode())
        .param("publisherName", card.publisherName())
        .param("customerId", customer.customerId())
        .param("customerName", customer.name())
        .param("tel", customer.tel())
        .param("email", customer.email())
        .param("addr", customer.addr())
        .param("postcode", customer.postcode())
        .param("inserted", key.insertedAt())
        .param("updated", key.updatedAt())
        .update();
  }

  boolean delete(String merchantId, String customerUid) {
    return jdbc.sql(
                "DELETE FROM billing_keys WHERE merchant_id = :merchant AND customer_uid = :uid")
            .param("merchant", merchantId)
            .param("uid", customerUid)
            .update()
        == 1;
  }

  private static BillingKey map(ResultSet rs, int row) throws SQLException {
    int rawCardType = rs.getInt("card_type");
    Integer cardType = rs.wasNull() ? null : rawCardType;
    return new BillingKey(
        rs.getString("merchant_id"),
        rs.getString("customer_uid"),
        rs.getString("pg_provider"),
        rs.getString("pg_id"),
        rs.getString("gateway_token"),
        new CardInfo(
            rs.getString("card_number"),
            rs.getString("card_code"),
            rs.getString("card_name"),
            cardType,
            rs.getString("card_issuer_code"),
            rs.getString("card_issuer_name"),
            rs.getString("card_publisher_code"),
            rs.getString("card_publisher_name")),
        new CustomerDetails(
            rs.getString("customer_id"),
            rs.getString("customer_name"),
            rs.getString("customer_tel"),
            rs.getString("customer_email"),
            rs.getString("customer_addr"),
            rs.getString("customer_postcode")),
        rs.getLong("inserted_at"),
        rs.getLong("updated_at"));
  }
}
