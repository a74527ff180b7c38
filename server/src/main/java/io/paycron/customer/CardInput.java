package io.paycron.customer;

import io.paycron.gateway.CardData;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;

/**
 * Reads card data from a request. Only the shape is checked here (digits, YYYY-MM); whether the
 * card is good is the card company's answer, so it comes from the gateway.
 */
public final class CardInput {

  private CardInput() {}

  /** The customer fields sent with card data. */
  public static CustomerDetails customer(ApiRequest request) {
    return new CustomerDetails(
        request.string("customer_id").orElse(null),
        request.string("customer_name").orElse(null),
        request.string("customer_tel").orElse(null),
        request.string("customer_email").orElse(null),
        request.string("customer_addr").orElse(null),
        request.string("customer_postcode").orElse(null));
  }

  public static boolean present(ApiRequest request) {
    return request.has("card_number");
  }

  public static CardData read(ApiRequest request) {
    String number = request.requiredString("card_number").replaceAll("[\\s-]", "");
    if (!number.matches("\\d{12,19}")) {
      throw new ApiException.InvalidRequest("card_number: must be 12 to 19 digits");
    }
    String expiry = request.requiredString("expiry").trim();
    if (expiry.matches("\\d{6}")) {
      expiry = expiry.substring(0, 4) + "-" + expiry.substring(4);
    }
    if (!expiry.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw new ApiException.InvalidRequest("expiry: must be YYYY-MM");
    }
    return new CardData(
        number,
        expiry,
        request.string("birth").map(String::trim).orElse(null),
        request.string("pwd_2digit").map(String::trim).orElse(null),
        request.string("cvc").map(String::trim).orElse(null));
  }
}
