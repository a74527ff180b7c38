package io.paycron.gateway;

/**
 * The contract between Paycron and a card network connector.
 *
 * <p>Rules every connector keeps:
 *
 * <ul>
 *   <li>Never throw for a business outcome; return it. A thrown exception from {@link #charge} is
 *       treated as {@link ChargeOutcome.Unknown}.
 *   <li>Charge at most once per idempotency key, and answer {@link #lookupCharge} for it.
 *   <li>Never log or keep card numbers, birth dates or passwords.
 * </ul>
 */
public interface CardGateway {

  /** The provider name as it appears in {@code pg_provider} (for example {@code sandbox}). */
  String provider();

  BillingKeyResult issueBillingKey(BillingKeyRequest request);

  /** Deletes the billing key at the provider; a key the provider does not know is not an error. */
  void deleteBillingKey(String billingKeyToken);

  ChargeOutcome charge(ChargeRequest request);

  ChargeLookup lookupCharge(String idempotencyKey);

  CancelOutcome cancel(CancelRequest request);
}
