package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.Objects;

/** The body of {@code POST /subscribe/payments/again}: charge a stored billing key now. */
public record AgainRequest(
    String customerUid,
    String merchantUid,
    BigDecimal amount,
    @JsonUnwrapped ChargeOptions options) {

  public AgainRequest {
    Objects.requireNonNull(customerUid, "customerUid");
    Objects.requireNonNull(merchantUid, "merchantUid");
    Objects.requireNonNull(amount, "amount");
    options = options == null ? ChargeOptions.NONE : options;
  }

  public static AgainRequest of(String customerUid, String merchantUid, BigDecimal amount) {
    return new AgainRequest(customerUid, merchantUid, amount, ChargeOptions.NONE);
  }

  public AgainRequest withOptions(ChargeOptions value) {
    return new AgainRequest(customerUid, merchantUid, amount, value);
  }
}
