package io.paycron.console;

import io.paycron.gateway.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Formatting for the console's templates ({@code ${@fmt.time(x)}}): times in UTC, money in its
 * currency's major unit with the currency code, and card numbers masked once more in case one ever
 * arrives unmasked.
 */
@Component("fmt")
class ConsoleFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * 13 to 19 digits, optionally grouped by dashes or spaces: what a whole card number looks like.
   */
  private static final Pattern CARD_NUMBER = Pattern.compile("\\d(?:[ -]?\\d){12,18}");

  public String time(long epochMillis) {
    return epochMillis <= 0 ? "—" : TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  public String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  /** "100.00 USD", "10,000 KRW": minor units shown in the currency's major unit, as on the API. */
  public String money(long minorUnits, String currency) {
    Currency known = currency(currency);
    if (known == null) {
      return NumberFormat.getIntegerInstance(Locale.ROOT).format(minorUnits)
          + " (minor units) "
          + (currency == null ? "" : currency);
    }
    BigDecimal major = Money.of(minorUnits, known).toMajor();
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
    format.setGroupingUsed(true);
    format.setMinimumFractionDigits(major.scale());
    format.setMaximumFractionDigits(major.scale());
    return format.format(major) + " " + known.getCurrencyCode();
  }

  /** The amount in major units for a form field ("100.00", "10000"). */
  public String major(long minorUnits, String currency) {
    Currency known = currency(currency);
    return known == null
        ? Long.toString(minorUnits)
        : Money.of(minorUnits, known).toMajor().toPlainString();
  }

  /** The step of an amount input in the currency's major unit ("0.01" for USD, "1" for KRW). */
  public String step(String currency) {
    return major(1, currency);
  }

  /** The currency of a stored code, or null for one the JDK does not know. */
  static Currency currency(String code) {
    try {
      return code == null ? null : Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String percent(double value) {
    return String.format(Locale.ROOT, "%.1f %%", value);
  }

  /** The masked number as stored; a whole number (which is never stored) keeps only its ends. */
  public String card(String number) {
    if (number == null || number.isBlank()) {
      return "—";
    }
    Matcher m = CARD_NUMBER.matcher(number);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String digits = m.group().replaceAll("[ -]", "");
      m.appendReplacement(
          out,
          digits.substring(0, 6)
              + "*".repeat(digits.length() - 10)
              + digits.substring(digits.length() - 4));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The current page's address with another page number (filters kept). */
  public String pageLink(int page) {
    UriComponents current =
        ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
    return current.getPath() + "?" + current.getQuery();
  }

  public String orDash(Object value) {
    return value == null || value.toString().isBlank() ? "—" : value.toString();
  }
}
