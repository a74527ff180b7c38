package io.paycron.web;

import io.paycron.gateway.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameters of one request, from a JSON body, a form body or a query string, read with one set of
 * strict accessors. Shapes are lenient (a JSON null is absent, {@code a[]} equals {@code a},
 * numbers may arrive as text from forms); types are strict (a boolean is never an amount, an object
 * is never a string). Every error names its field.
 */
public final class ApiRequest {

  /** Integer digits a money amount may have; beyond this it is refused, never rounded. */
  private static final int MAX_AMOUNT_DIGITS = 15;

  /** Decimal places accepted before a currency refuses what it cannot hold. */
  private static final int MAX_DECIMALS = 12;

  /** Plain ASCII decimal syntax: no Unicode digits, no hex, no NaN, a bounded exponent. */
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,4})?");

  private final ObjectNode values;
  private final String prefix;

  ApiRequest(ObjectNode values) {
    this(values, "");
  }

  private ApiRequest(ObjectNode values, String prefix) {
    this.values = values;
    this.prefix = prefix;
  }

  private JsonNode raw(String field) {
    JsonNode node = values.get(field);
    if (node == null || node.isNull()) {
      node = values.get(field + "[]");
    }
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  public boolean has(String field) {
    return raw(field) != null;
  }

  private ApiException.InvalidRequest invalid(String field, String problem) {
    return new ApiException.InvalidRequest(prefix + field + ": " + problem);
  }

  /** A text value; a number is accepted as its text, anything else is refused. */
  public Optional<String> string(String field) {
    JsonNode node = raw(field);
    if (node == null) {
      return Optional.empty();
    }
    if (node.isArray() && node.size() == 1 && isScalarText(node.get(0))) {
      node = node.get(0); // a form field sent once arrives as a one-element list
    }
    if (!isScalarText(node)) {
      throw invalid(field, "must be a string");
    }
    return Optional.of(node.isString() ? text(field, node) : plain(field, node));
  }

  /**
   * A JSON string's text. NUL is refused: PostgreSQL cannot store it in text, and no identifier,
   * name or reason needs it.
   */
  private String text(String field, JsonNode node) {
    String value = node.stringValue();
    if (value.indexOf((char) 0) >= 0) {
      throw invalid(field, "must not contain the NUL character (\\u0000)");
    }
    if (hasLoneSurrogate(value)) {
      // half of a surrogate pair is no character: stored it becomes "?", so two different
      // merchant_uids would meet under one idempotency key (the fuzz suite found a charge left
      // unknown this way)
      throw invalid(field, "must be valid Unicode text (a lone surrogate escape was sent)");
    }
    return value;
  }

  private static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A JSON number as exact text. Its size is checked before it is written out in full, so a tiny
   * {@code 1e2147483647} can neither overflow nor cost minutes of CPU.
   */
  private String plain(String field, JsonNode number) {
    BigDecimal value = decimalOf(field, number);
    if (Math.abs((long) value.precision() - value.scale()) > 64 || Math.abs(value.scale()) > 64) {
      throw invalid(field, "is too long");
    }
    return value.toPlainString();
  }

  private BigDecimal decimalOf(String field, JsonNode number) {
    try {
      return number.decimalValue();
    } catch (RuntimeException e) {
      throw invalid(field, "is too large"); // not finite: 1e400 read as a double
    }
  }

  private BigDecimal bounded(String field, BigDecimal value) {
    if (value.signum() != 0 && value.precision() - value.scale() > MAX_AMOUNT_DIGITS) {
      throw invalid(field, "is too large");
    }
    if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw invalid(field, "has too many decimals");
    }
    return value;
  }

  private static boolean isScalarText(JsonNode node) {
    return node.isString() || node.isNumber();
  }

  /** A text value that must be present and not blank. */
  public String requiredString(String field) {
    String value = string(field).orElseThrow(() -> invalid(field, "is required"));
    if (value.isBlank()) {
      throw invalid(field, "is required");
    }
    return value;
  }

  /** Like {@link #string} but a JSON object or array is kept as its JSON text (custom_data). */
  public Optional<String> stringOrJson(String field) {
    JsonNode node = raw(field);
    if (node != null && node.isContainer() && !isSingleFormValue(node)) {
      return Optional.of(node.toString());
    }
    return string(field);
  }

  private static boolean isSingleFormValue(JsonNode node) {
    return node.isArray() && node.size() == 1 && node.get(0).isString();
  }

  /** One string or an array of strings (also {@code field[]}); never an object. */
  public List<String> strings(String field) {
    JsonNode node = raw(field);
    List<String> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (!isScalarText(item)) {
          throw invalid(field, "must be a string or an array of strings");
        }
        result.add(item.isString() ? text(field, item) : plain(field, item));
      }
      return result;
    }
    if (!isScalarText(node)) {
      throw invalid(field, "must be a string or an array of strings");
    }
    result.add(node.isString() ? text(field, node) : plain(field, node));
    return result;
  }

  /**
   * A decimal number: a JSON number, or ASCII numeric text (forms send text). A field that is
   * present but blank is refused, never read as absent: a blank cancel amount must not mean "refund
   * everything".
   */
  public Optional<BigDecimal> decimal(String field) {
    JsonNode node = raw(field);
    if (node == null) {
      return Optional.empty();
    }
    if (node.isArray() && node.size() == 1) {
      node = node.get(0);
    }
    if (node.isNumber()) {
      return Optional.of(bounded(field, decimalOf(field, node)));
    }
    if (!node.isString()) {
      throw invalid(field, "must be a number");
    }
    String text = node.stringValue().trim();
    if (text.length() > 64 || !NUMBER.matcher(text).matches()) {
      throw invalid(field, "must be a number");
    }
    try {
      return Optional.of(bounded(field, new BigDecimal(text)));
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a number");
    }
  }

  /** A whole number within int range. */
  public Optional<Integer> integer(String field) {
    Optional<BigDecimal> value = decimal(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.get().intValueExact());
    } catch (ArithmeticException e) {
      throw invalid(field, "must be a whole number");
    }
  }

  /** A whole number within long range (UNIX seconds and the like). */
  public Optional<Long> longValue(String field) {
    Optional<BigDecimal> value = decimal(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.get().longValueExact());
    } catch (ArithmeticException e) {
      throw invalid(field, "must be a whole number");
    }
  }

  /** true/false as JSON booleans or the text "true"/"false". */
  public Optional<Boolean> bool(String field) {
    JsonNode node = raw(field);
    if (node == null) {
      return Optional.empty();
    }
    if (node.isArray() && node.size() == 1) {
      node = node.get(0);
    }
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue());
    }
    if (node.isString()) {
      switch (node.stringValue().trim().toLowerCase()) {
        case "true", "1" -> {
          return Optional.of(true);
        }
        case "false", "0" -> {
          return Optional.of(false);
        }
        case "" -> {
          return Optional.empty();
        }
        default -> {
          // refused below
        }
      }
    }
    throw invalid(field, "must be true or false");
  }

  /** The currency of a request (default KRW), as an ISO 4217 code. */
  public Currency currency(String field) {
    String code = string(field).map(String::trim).filter(s -> !s.isEmpty()).orElse("KRW");
    try {
      Currency currency = Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
      // X-codes are funds, metals and "no currency" (XXX): nothing a card is charged in
      if (currency.getDefaultFractionDigits() < 0 || currency.getCurrencyCode().startsWith("X")) {
        throw new IllegalArgumentException(code);
      }
      return currency;
    } catch (IllegalArgumentException e) {
      throw invalid(field, "unknown currency '" + code + "'");
    }
  }

  /** A positive amount in major units of {@code currency}, converted exactly to minor units. */
  public Money requiredPositiveMoney(String field, Currency currency) {
    Money money = optionalMoney(field, currency).orElseThrow(() -> invalid(field, "is required"));
    if (!money.isPositive()) {
      throw invalid(field, "must be greater than 0");
    }
    return money;
  }

  /** An amount ≥ 0, or empty when absent. */
  public Optional<Money> optionalMoney(String field, Currency currency) {
    Optional<BigDecimal> value = decimal(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().signum() < 0) {
      throw invalid(field, "must not be negative");
    }
    try {
      return Optional.of(Money.ofMajor(value.get(), currency));
    } catch (IllegalArgumentException e) {
      throw invalid(field, e.getMessage());
    }
  }

  /** The names of the fields this object holds, in order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    values.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  /** A nested object ({@code extra}, one schedule); its errors name the path. */
  public Optional<ApiRequest> object(String field) {
    JsonNode node = raw(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof ObjectNode object)) {
      throw invalid(field, "must be an object");
    }
    return Optional.of(new ApiRequest(object, prefix + field + "."));
  }

  /** An array of objects; its errors name the index. */
  public List<ApiRequest> objects(String field) {
    JsonNode node = raw(field);
    List<ApiRequest> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    if (!node.isArray()) {
      throw invalid(field, "must be an array of objects");
    }
    for (int i = 0; i < node.size(); i++) {
      if (!(node.get(i) instanceof ObjectNode object)) {
        throw invalid(field + "[" + i + "]", "must be an object");
      }
      result.add(new ApiRequest(object, prefix + field + "[" + i + "]."));
    }
    return result;
  }
}
