package io.paycron.payment;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list endpoints' reads of payments: pages by merchant_uid, by status and time, by customer.
 */
@Repository
class PaymentListRepository {

  private final JdbcClient jdbc;

  PaymentListRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
}
