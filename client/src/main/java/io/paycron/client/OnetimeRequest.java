package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The body of {@code POST /subscribe/payments/onetime}: charge card data directly.
 *
 * @param customerUid when set, the card is also stored as this billing key
 */
public record OnetimeRequest(
    String merchantUid,
    BigDecimal amount,
    @JsonUnwrapped Card card,
    String customerUid,
    @JsonUnwrapped ChargeOptions options) {

  public OnetimeRequest {
    Objects.requireNonNull(merchantUid, "merchantUid");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(card, "card");
    options = options == null ? ChargeOptions.NONE : options;
  }

  public static OnetimeRequest of(String merchantUid, BigDecimal amount, Card card) {
    return new OnetimeRequest(merchantUid, amount, card, null, ChargeOptions.NONE);
  }

  public OnetimeRequest withCustomerUid(String value) {
    return new OnetimeRequest(merchantUid, amount, card, value, options);
  }

  public OnetimeRequest withOptions(ChargeOptions value) {
    return new OnetimeRequest(merchantUid, amount, card, customerUid, value);
  }
}
