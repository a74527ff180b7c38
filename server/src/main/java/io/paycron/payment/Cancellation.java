package io.paycron.payment;

/** One refund of a payment; only {@code done} ones appear in cancel_history. */
public record Cancellation(
    String cancellationId,
    String impUid,
    long amount,
    String reason,
    CancellationState state,
    String pgTid,
    long cancelledAt) {}
