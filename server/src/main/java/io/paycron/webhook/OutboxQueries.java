package io.paycron.webhook;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read-only questions other features ask about the outbox (metrics, once-only alerts). */
@Service
public class OutboxQueries {

  private final JdbcClient jdbc;

  OutboxQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Deliveries not finished yet: waiting for their (next) attempt or being sent now. Two counts
   * that each read only a partial index.
   */
  public long backlog() {
    return jdbc.sql(
            """
            SELECT (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'PENDING')
                 + (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERING')""")
        .query(Long.class)
        .single();
  }

  /**
   * Which of the merchant's objects already have an event of this type, as {@code
   * objectId@objectVersion}: lets a feature announce each version of an object once, across nodes
   * and restarts, without a column of its own.
   */
  public Set<String> announced(String merchantId, String type, Collection<String> objectIds) {
    if (objectIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "SELECT object_id, object_version FROM events WHERE merchant_id = :merchant"
                    + " AND object_id IN (:ids) AND type = :type")
            .param("merchant", merchantId)
            .param("ids", objectIds)
            .param("type", type)
            .query((rs, n) -> rs.getString(1) + "@" + rs.getLong(2))
            .list());
  }
}
