package io.paycron.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units of its currency (KRW has none, USD has cents). Never floating
 * point: the wire's decimal amounts are converted exactly or refused.
 */
public record Money(long minorUnits, Currency currency) {

  public static final Currency KRW = Currency.getInstance("KRW");

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money of(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  public static Money krw(long won) {
    return new Money(won, KRW);
  }

  /**
   * Converts a decimal amount in major units (as the i'mport wire sends it) to minor units.
   *
   * @throws IllegalArgumentException when the value has more decimals than the currency has, or
   *     does not fit in a long
   */
  public static Money ofMajor(BigDecimal major, Currency currency) {
    int digits = fractionDigits(currency);
    BigDecimal scaled = major.movePointRight(digits);
    if (scaled.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")");
    }
    try {
      return new Money(scaled.setScale(0, RoundingMode.UNNECESSARY).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too large");
    }
  }

  /** The amount in major units, as the i'mport wire shows it (8900 for KRW, 10.50 for USD). */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  public boolean isPositive() {
    return minorUnits > 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot mix " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
    }
  }

  private static int fractionDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  @Override
  public String toString() {
    return toMajor().toPlainString() + " " + currency.getCurrencyCode();
  }
}
