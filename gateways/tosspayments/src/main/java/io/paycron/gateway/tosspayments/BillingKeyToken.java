package io.paycron.gateway.tosspayments;

import java.util.Optional;

/**
 * What Paycron stores as the gateway token of a Toss billing key: the customerKey and the
 * billingKey, because Toss charges a billing key only together with the customerKey it was issued
 * for ({@code NOT_MATCHES_CUSTOMER_KEY} otherwise) and Paycron's charge request carries only the
 * token.
 *
 * <p>Written {@code customerKey/billingKey}. A customerKey never holds {@code /} (see {@link
 * TossIdentifiers#customerKey}), so the first {@code /} separates the two even if a billing key
 * held one.
 */
record BillingKeyToken(String customerKey, String billingKey) {

  private static final char SEPARATOR = '/';

  String encode() {
    return customerKey + SEPARATOR + billingKey;
  }

  /** The token's two parts, or empty when it was not made by this connector. */
  static Optional<BillingKeyToken> decode(String token) {
    int separator = token.indexOf(SEPARATOR);
    if (separator < 2 || separator == token.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new BillingKeyToken(token.substring(0, separator), token.substring(separator + 1)));
  }

  /** Never the billing key: with the customer key it is enough to charge the card. */
  @Override
  public String toString() {
    return "BillingKeyToken[" + customerKey + "]";
  }
}
