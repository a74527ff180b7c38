package io.paycron.customer;

import io.paycron.storage.ListFilters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operator console reads about customers: their billing keys with the masked card the
 * gateway returned (there is no full card number to show: none is stored).
 */
@Service
public class CustomerConsoleQueries {

  public record BillingKeyRow(
      String merchantId,
      String customerUid,
      String pgProvider,
      String cardName,
      String cardNumber,
      String customerName,
      String customerEmail,
      long insertedAt,
      long updatedAt) {}

  private final JdbcClient jdbc;

  CustomerConsoleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first; merchantId and customerUid may be null (no filter). */
  public List<BillingKeyRow> billingKeys(
      String merchantId, String customerUid, int limit, int offset) {
    ListFilters filters =
        new ListFilters()
            .whenGiven("merchant_id = :merchant", "merchant", merchantId)
            .whenGiven("customer_uid = :customer", "customer", customerUid);
    return jdbc.sql(
            """
            SELECT merchant_id, customer_uid, pg_provider, card_name, card_number, customer_name,
                customer_email, inserted_at, updated_at
            FROM billing_keys"""
                + filters.where()
                + " ORDER BY inserted_at DESC, merchant_id, customer_uid LIMIT :limit OFFSET :offset")
        .params(filters.params(limit, offset))
        .query(
            (rs, n) ->
                new BillingKeyRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getLong(8),
                    rs.getLong(9)))
        .list();
  }
}
