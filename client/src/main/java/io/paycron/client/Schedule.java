package io.paycron.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A scheduled payment (API.md §7.3). Until it runs, {@link #impUid()} and {@link #paymentStatus()}
 * are {@code null}. After it ran, {@code scheduleStatus} is {@link ScheduleStatus#EXECUTED} and
 * {@code paymentStatus} says how the charge went ({@code null} while its outcome is unknown).
 */
public record Schedule(
    String customerUid,
    String merchantUid,
    String impUid,
    String customerId,
    String pgProvider,
    String pgId,
    Instant scheduleAt,
    Instant executedAt,
    Instant revokedAt,
    BigDecimal amount,
    String currency,
    String name,
    String buyerName,
    String buyerEmail,
    String buyerTel,
    String buyerAddr,
    String buyerPostcode,
    String customData,
    ScheduleStatus scheduleStatus,
    PaymentStatus paymentStatus,
    String failReason,
    Long promotionId) {}
