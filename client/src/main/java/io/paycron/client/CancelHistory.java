package io.paycron.client;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of {@link Payment#cancelHistory()}: a full or partial refund. */
public record CancelHistory(
    String pgTid,
    BigDecimal amount,
    Instant cancelledAt,
    String reason,
    String receiptUrl,
    String cancellationId) {}
