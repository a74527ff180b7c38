package io.paycron.console;

import io.paycron.common.Secrets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Writes every console action to audit_log (and one log line), and reads it for the Audit page. */
@Service
class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_DETAIL = 500;

  private final AuditRepository audit;
  private final Clock clock;

  AuditLog(AuditRepository audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  void record(String operator, String action, String merchantId, String objectId, String detail) {
    String shortDetail =
        detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    audit.insert(
        new AuditEntry(
            "aud_" + Secrets.randomHex(10),
            operator,
            action,
            merchantId,
            objectId,
            shortDetail,
            clock.millis()));
    log.info(
        "console action: operator={} action={} merchant={} object={}",
        operator,
        action,
        merchantId,
        objectId);
  }

  List<AuditEntry> newest(int limit, int offset) {
    return audit.newest(limit, offset);
  }
}
