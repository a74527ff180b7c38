package io.paycron.console;

/** One console action: who did what, when, to which merchant's object. */
public record AuditEntry(
    String id,
    String operator,
    String action,
    String merchantId,
    String objectId,
    String detail,
    long at) {}
