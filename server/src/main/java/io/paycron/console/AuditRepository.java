package io.paycron.console;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The console's audit log: append and read, newest first. */
@Repository
class AuditRepository {

  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(AuditEntry entry) {
    jdbc.sql(
            """
            INSERT INTO audit_log (id, operator, action, merchant_id, object_id, detail, at)
            VALUES (:id, :operator, :action, :merchantId, :objectId, :detail, :at)
            """)
        .param("id", entry.id())
        .param("operator", entry.operator())
        .param("action", entry.action())
        .param("merchantId", entry.merchantId())
        .param("objectId", entry.objectId())
        .param("detail", entry.detail())
        .param("at", entry.at())
        .update();
  }

  List<AuditEntry> newest(int limit, int offset) {
    return jdbc.sql(
            """
            SELECT id, operator, action, merchant_id, object_id, detail, at FROM audit_log
            ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset
            """)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getLong(7)))
        .list();
  }
}
