package io.paycron.gateway;

/** The answer to a billing key request. */
public sealed interface BillingKeyResult {

  /** The card company accepted the card; {@code token} is what later charges use. */
  record Issued(String token, CardInfo card) implements BillingKeyResult {}

  /** The card company refused the card, with its stable reason code. */
  record Refused(String code, String message) implements BillingKeyResult {}
}
