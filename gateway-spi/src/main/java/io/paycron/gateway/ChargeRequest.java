package io.paycron.gateway;

import java.util.Objects;

/**
 * One charge of a billing key. The idempotency key is persisted by Paycron before this request is
 * sent; a gateway must charge at most once per key and must be able to look a charge up by it.
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
