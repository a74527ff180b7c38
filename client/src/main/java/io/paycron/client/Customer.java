package io.paycron.client;

import java.time.Instant;

/**
 * The V1 Customer object (API.md §7.2): one stored card (billing key) under the merchant's {@code
 * customer_uid}. The card number is masked.
 *
 * @param cardType {@code 0} credit, {@code 1} check (debit), or {@code null} when unknown
 */
public record Customer(
    String customerUid,
    String customerId,
    String pgProvider,
    String pgId,
    String cardName,
    String cardCode,
    String cardIssuerCode,
    String cardIssuerName,
    String cardPublisherCode,
    String cardPublisherName,
    String cardNumber,
    Integer cardType,
    String customerName,
    String customerTel,
    String customerEmail,
    String customerAddr,
    String customerPostcode,
    Instant inserted,
    Instant updated,
    boolean sandbox) {}
