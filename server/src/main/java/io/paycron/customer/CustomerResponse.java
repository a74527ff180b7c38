package io.paycron.customer;

/** The V1 Customer object (API.md §7.2). */
record CustomerResponse(
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
    long inserted,
    long updated,
    boolean sandbox) {

  static CustomerResponse of(BillingKey key, boolean sandbox) {
    return new CustomerResponse(
        key.customerUid(),
        key.customer().customerId(),
        key.pgProvider(),
        key.pgId(),
        key.card().cardName(),
        key.card().cardCode(),
        key.card().issuerCode(),
        key.card().issuerName(),
        key.card().publisherCode(),
        key.card().publisherName(),
        key.card().maskedNumber(),
        key.card().cardType(),
        key.customer().name(),
        key.customer().tel(),
        key.customer().email(),
        key.customer().addr(),
        key.customer().postcode(),
        key.insertedAt() / 1000,
        key.updatedAt() / 1000,
        sandbox);
  }
}
