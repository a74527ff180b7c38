package io.paycron.client;

import java.time.Instant;

/**
 * A webhook that passed {@link WebhookVerifier#verify}. The body is i'mport's V1 body; treat it as
 * a hint and look the payment up ({@link PaycronClient#getPayment(String)}) before acting on it.
 *
 * @param webhookId the {@code webhook-id} header: the same on every retry, so use it to drop
 *     duplicates (delivery is at-least-once)
 * @param eventType the {@code Paycron-Event-Type} header ({@code schedule.executed}, …), {@code
 *     null} when absent
 * @param timestamp the {@code webhook-timestamp} header
 * @param status {@code null} when the body has none
 * @param cancellationId set on a cancellation
 */
public record WebhookEvent(
    String webhookId,
    String eventType,
    Instant timestamp,
    String impUid,
    String merchantUid,
    PaymentStatus status,
    String cancellationId) {}
