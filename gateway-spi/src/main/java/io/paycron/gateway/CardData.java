package io.paycron.gateway;

import java.util.Objects;

/**
 * Card data as the merchant sent it. It is passed to the gateway and dropped: it must never be
 * stored or logged, so {@link #toString()} shows only the masked number.
 *
 * @param number digits only
 * @param expiry {@code YYYY-MM}
 * @param birth 6 digits (YYMMDD) or a 10-digit business number, or null
 * @param passwordTwoDigits the first two digits of the card password, or null
 * @param cvc or null
 */
public record CardData(
    String number, String expiry, String birth, String passwordTwoDigits, String cvc) {

  public CardData {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(expiry, "expiry");
  }

  /** The number as i'mport shows it: first eight digits, four stars, last four. */
  public String maskedNumber() {
    return mask(number);
  }

  public static String mask(String digits) {
    if (digits.length() <= 12) {
      return "*".repeat(digits.length());
    }
    return digits.substring(0, 8) + "****" + digits.substring(digits.length() - 4);
  }

  @Override
  public String toString() {
    return "CardData[" + maskedNumber() + "]";
  }
}
