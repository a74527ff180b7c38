package io.paycron.gateway;

/**
 * Refunds all or part of an approved charge. Sending the same idempotency key again must not refund
 * twice, so an unknown outcome can be retried safely.
 */
public record CancelRequest(
    String idempotencyKey, String transactionId, Money amount, String reason) {}
