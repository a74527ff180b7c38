package io.paycron.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Garbage text: strings, number-like text, path segments and query strings, always well-formed
 * percent-encoding. Real objects of the test server are named by placeholders that {@link
 * BadInputServer} replaces when it sends a request.
 *
 * <p>Number exponents beyond ±9999, malformed or non-UTF-8 percent-encoding and %00, %2F or %5C in
 * a path are not generated here: {@link BadInputFaultsProperties} sends each of them directly.
 */
final class GarbageText {

  static final String IMP = "~~IMP~~";
  static final String MUID = "~~MUID~~";
  static final String CUST = "~~CUST~~";
  static final String GONE = "~~GONE~~";
  static final String NEW_UID = "~~NEW~~";
  static final String PLAN = "~~PLAN~~";
  static final String SUB = "~~SUB~~";
  static final String CLOCK = "~~CLOCK~~";
  static final String MER = "~~MER~~";

  /** Text that would make the "no stack trace in the body" check meaningless when echoed back. */
  private static final List<String> ECHO_TRAPS =
      List.of("Exception", "at io.paycron", "at org.springframework");

  static final List<String> QUERY_KEYS =
      List.of(
          "imp_uid",
          "imp_uid[]",
          "merchant_uid[]",
          "customer_uid[]",
          "page",
          "limit",
          "from",
          "to",
          "sorting",
          "reason",
          "extra[requester]");

  private GarbageText() {}

  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of("", " ", "\t", "\n", "  \u3000 ")),
            Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("_-").ofMaxLength(24)),
            Tuple.of(4, Arbitraries.strings().all().ofMaxLength(20)),
            Tuple.of(2, codePoints(0x1F300, 0x1FAFF, 6)), // emoji, surrogate pairs
            Tuple.of(2, codePoints(0xAC00, 0xD7A3, 12)), // Hangul
            Tuple.of(
                2,
                Arbitraries.strings()
                    .withCharRange('\u0000', '\u001f')
                    .withChars('\u007f', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff')
                    .ofMaxLength(8)),
            Tuple.of(4, numberLikeText()),
            Tuple.of(
                2,
                Arbitraries.of(
                    "' OR 1=1 --",
                    "../../etc/passwd",
                    "%00",
                    "%FF",
                    "%zz",
                    "<script>x</script>",
                    "${jndi:ldap://x/a}",
                    "imps_000000000000",
                    "null",
                    "undefined",
                    "true",
                    "[]",
                    "{}",
                    "a[0][b]",
                    "\\u0000",
                    "\"",
                    "\\")),
            Tuple.of(2, Arbitraries.of(IMP, MUID, CUST, GONE)),
            Tuple.of(1, Arbitraries.of(201, 1000, 5000, 100_000).map("x"::repeat)),
            Tuple.of(1, Arbitraries.strings().all().ofMinLength(200).ofMaxLength(600)))
        .filter(GarbageText::echoSafe);
  }

  private static Arbitrary<String> codePoints(int from, int to, int max) {
    return Arbitraries.integers()
        .between(from, to)
        .list()
        .ofMinSize(1)
        .ofMaxSize(max)
        .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()));
  }

  static boolean echoSafe(String text) {
    return ECHO_TRAPS.stream().noneMatch(text::contains);
  }

  /** Text that looks numeric to someone: NaN, hex, grouping, other scripts' digits, exponents. */
  static Arbitrary<String> numberLikeText() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "inf",
            "0x10",
            "0b1",
            "1,000",
            "1_000",
            "1 000",
            "+1",
            "--1",
            "1e",
            "e5",
            ".",
            "-",
            "1.2.3",
            "12abc",
            "0012",
            " 12 ",
            "1e400",
            "-1e400",
            "1e-400",
            "99999999999999999999999",
            "-0",
            "0.0",
            "1.5",
            "0.0000001",
            "\u0661\u0662",
            "\uff11\uff12",
            "\u2167"),
        numberText());
  }

  /** Raw JSON number text: huge, tiny, negative, zero, fractional, exponents up to ±9999. */
  static Arbitrary<String> numberText() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "0",
            "-0",
            "0.0",
            "-0.0",
            "1",
            "-1",
            "1.5",
            "0.5",
            "-0.5",
            "8900.0",
            "8900.00",
            "1e400",
            "-1e400",
            "1e-400",
            "1E+15",
            "1e16",
            "1e9999",
            "-1e-9999",
            "99999999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "123456789012345.5",
            "0.1e1",
            "5e-1"),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.integers().between(-1000, 100_000).map(String::valueOf),
        Arbitraries.bigDecimals()
            .ofScale(4)
            .between(new java.math.BigDecimal("-100000"), new java.math.BigDecimal("100000"))
            .map(java.math.BigDecimal::toPlainString),
        Arbitraries.integers()
            .between(1, 999)
            .flatMap(
                mantissa ->
                    Arbitraries.integers().between(-9999, 9999).map(exp -> mantissa + "e" + exp)));
  }

  /**
   * Percent-encodes every byte of the UTF-8 form except unreserved characters, so the result is
   * always well-formed (a lone surrogate becomes {@code ?} first, as Java encodes it).
   */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- paths and queries

  /** A path segment: a real object, or well-formed percent-encoded garbage. */
  static Arbitrary<String> segment() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(IMP, MUID, CUST, GONE)),
            // %00, %2F and %5C are refused by Tomcat with an HTML page (see
            // BadInputFaultsProperties)
            Tuple.of(7, text().map(t -> encode(t.replaceAll("[\\u0000/\\\\]", "")))))
        .filter(s -> s.length() <= 2400);
  }

  static Arbitrary<String> nonEmptySegment() {
    return segment().filter(s -> !s.isEmpty() && !s.equals("cancel"));
  }

  static Arbitrary<String> status() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "paid",
            "ready",
            "failed",
            "cancelled",
            "all",
            "undefined",
            "PAID",
            "weird",
            "%20paid",
            "paid%01x"),
        nonEmptySegment());
  }

  /** A query string (with its "?") of garbage pairs, brackets raw or encoded. */
  static Arbitrary<String> query() {
    Arbitrary<String> key =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(QUERY_KEYS)),
            Tuple.of(
                2,
                Arbitraries.of(QUERY_KEYS)
                    .flatMap(
                        k ->
                            Arbitraries.of(
                                k + "[]",
                                k + "[0]",
                                k + "[x]",
                                k + "[0][b]",
                                k + "[99999999]",
                                k + "[9999]"))),
            Tuple.of(1, text().filter(k -> !k.isEmpty()))); // "=x" answers 500 today
    Arbitrary<String> value =
        Arbitraries.frequencyOf(
            Tuple.of(5, text()),
            Tuple.of(3, numberLikeText()),
            Tuple.of(2, Arbitraries.of(IMP, MUID, CUST, GONE, "paid", "-started", "updated")));
    Arbitrary<String> pair =
        Combinators.combine(key, value, Arbitraries.of(true, false))
            .as(
                (k, v, raw) -> {
                  String encodedKey = encode(k);
                  return (raw ? encodedKey.replace("%5B", "[").replace("%5D", "]") : encodedKey)
                      + "="
                      + encode(v);
                });
    return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just("")),
            Tuple.of(8, pair.list().ofMinSize(1).ofMaxSize(6).map(p -> "?" + String.join("&", p))),
            Tuple.of(
                1,
                Arbitraries.of("imp_uid[]", "customer_uid[]", "merchant_uid%5B%5D")
                    .map(
                        k ->
                            "?"
                                + Stream.generate(() -> k + "=x")
                                    .limit(101)
                                    .collect(Collectors.joining("&")))))
        .filter(q -> q.length() <= 3000);
  }
}
