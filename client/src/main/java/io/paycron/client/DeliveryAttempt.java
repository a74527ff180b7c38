package io.paycron.client;

import java.time.Instant;

/**
 * One try to deliver an {@link Event}.
 *
 * @param attempt 1 for the first try
 * @param statusCode the receiver's HTTP status, {@code null} when none came (timeout, refused)
 * @param error why the attempt failed, {@code null} when the receiver answered
 */
public record DeliveryAttempt(
    int attempt, Instant startedAt, long durationMs, Integer statusCode, String error) {}
