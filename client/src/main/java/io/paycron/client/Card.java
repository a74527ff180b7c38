package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Card data for issuing a billing key or charging directly. {@link #toString()} never shows it.
 *
 * @param cardNumber {@code dddd-dddd-dddd-dddd}, dashes optional
 * @param expiry {@code YYYY-MM}
 * @param birth {@code YYMMDD}, or a 10-digit business registration number; usually required
 * @param pwd2digit the first two digits of the card password; usually required
 * @param cvc optional
 * @param pg optional gateway choice, {@code name} or {@code name.mid}
 */
public record Card(
    String cardNumber,
    String expiry,
    String birth,
    @JsonProperty("pwd_2digit") String pwd2digit,
    String cvc,
    String pg) {

  public Card {
    Objects.requireNonNull(cardNumber, "cardNumber");
    Objects.requireNonNull(expiry, "expiry");
  }

  public static Card of(String cardNumber, String expiry, String birth, String pwd2digit) {
    return new Card(cardNumber, expiry, birth, pwd2digit, null, null);
  }

  public Card withCvc(String cvc) {
    return new Card(cardNumber, expiry, birth, pwd2digit, cvc, pg);
  }

  public Card withPg(String pg) {
    return new Card(cardNumber, expiry, birth, pwd2digit, cvc, pg);
  }

  @Override
  public String toString() {
    String digits = cardNumber.replaceAll("[^0-9]", "");
    String last4 = digits.length() >= 4 ? digits.substring(digits.length() - 4) : "";
    return "Card[****" + last4 + (pg == null ? "" : ", pg=" + pg) + "]";
  }
}
