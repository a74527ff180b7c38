package io.paycron.gateway;

import java.util.Objects;

/**
 * One charge of a billing key. The idempotency key is persisted by Paycron before this request is
 * sent; a gateway must charge at most once per key and must be able to look a charge up by it.
 *
 * <p>The key is {@code merchant_id:n:merchant_uid}: up to about 230 characters, any printable ones
 * (a merchant_uid may hold up to 200). Paycron sends the same key again for the same charge, also
 * after its database was restored from a backup, and relies on the gateway's answer for it then. A
 * connector whose gateway takes shorter keys or fewer characters derives its key from this one
 * deterministically (a hash, say), never from anything random.
 *
 * @param quota installment months; 0 or 1 for a lump sum
 */
public record ChargeRequest(
    String idempotencyKey, String billingKeyToken, Money amount, String orderName, int quota) {

  public ChargeRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(billingKeyToken, "billingKeyToken");
    Objects.requireNonNull(amount, "amount");
  }
}
