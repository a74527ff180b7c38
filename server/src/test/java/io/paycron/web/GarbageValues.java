package io.paycron.web;

import static io.paycron.web.GarbageText.encode;
import static io.paycron.web.GarbageText.numberText;
import static io.paycron.web.GarbageText.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Garbage values for request fields, as a small JSON model that renders both as JSON text (with raw
 * number text such as {@code 1e400}, and duplicated object keys) and as PHP-style form pairs
 * ({@code a[0][b]=x}).
 */
final class GarbageValues {

  private GarbageValues() {}

  /** A JSON value; {@link Num} keeps its raw text so 1e400 stays 1e400. */
  sealed interface Value permits Str, Num, Bool, Null, Arr, Obj {}

  record Str(String text) implements Value {}

  record Num(String raw) implements Value {}

  record Bool(boolean value) implements Value {}

  record Null() implements Value {}

  record Arr(List<Value> items) implements Value {}

  /** Entries, not a map: the same key may appear twice. */
  record Obj(List<Map.Entry<String, Value>> entries) implements Value {}

  static Arbitrary<Value> scalar() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, text().map(Str::new)),
        Tuple.of(4, numberText().map(Num::new)),
        Tuple.of(1, Arbitraries.of(true, false).map(Bool::new)),
        Tuple.of(1, Arbitraries.just(new Null())));
  }

  /** Any garbage value, nested up to {@code depth} containers deep. */
  static Arbitrary<Value> value(int depth) {
    if (depth <= 0) {
      return scalar();
    }
    Arbitrary<Value> inner = Arbitraries.lazy(() -> value(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalar()),
        Tuple.of(2, inner.list().ofMaxSize(3).map(Arr::new)),
        Tuple.of(2, object(inner)),
        Tuple.of(
            1,
            Arbitraries.of(
                new Arr(List.of()),
                new Obj(List.of()),
                new Arr(List.of(new Obj(List.of()))),
                new Arr(List.of(new Arr(List.of(new Num("1"))))),
                new Arr(List.of(new Null())))));
  }

  private static Arbitrary<Value> object(Arbitrary<Value> inner) {
    Arbitrary<String> key =
        Arbitraries.oneOf(
            Arbitraries.of("a", "b", "0", "", "amount", "imp_uid", "requester"), text());
    return Combinators.combine(key, inner)
        .as(Map::entry)
        .list()
        .ofMaxSize(3)
        .map(entries -> new Obj(new ArrayList<>(entries)));
  }

  /** Amounts that are never a valid cancel amount for a paid KRW payment. */
  static Arbitrary<Value> invalidAmount() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(true, false).map(Bool::new)),
        Tuple.of(3, value(2).filter(v -> v instanceof Obj)),
        Tuple.of(3, value(2).filter(v -> v instanceof Arr a && a.items().size() != 1)),
        Tuple.of(2, invalidAmountValue().map(v -> (Value) new Arr(List.of(v)))),
        Tuple.of(
            2,
            Arbitraries.of(
                new Arr(List.of(new Obj(List.of()))),
                new Arr(List.of(new Arr(List.of(new Num("1"))))),
                new Arr(List.of(new Null())))),
        Tuple.of(6, invalidAmountValue()));
  }

  /** A scalar that is not an amount: negative, fractional KRW, too large, or not a number. */
  static Arbitrary<Value> invalidAmountValue() {
    Arbitrary<String> negative =
        Arbitraries.oneOf(
            Arbitraries.longs().between(Long.MIN_VALUE, -1).map(String::valueOf),
            Arbitraries.of("-1", "-0.5", "-1e400", "-1e-400", "-99999999999999999999999"));
    Arbitrary<String> fractional =
        Arbitraries.integers()
            .between(0, 100_000)
            .flatMap(
                whole -> Arbitraries.integers().between(1, 9999).map(frac -> whole + "." + frac));
    Arbitrary<String> tooLarge =
        Arbitraries.of(
            "1e400",
            "1e16",
            "1e9999",
            "9999999999999999",
            "99999999999999999999999",
            "9223372036854775808");
    Arbitrary<String> notNumeric =
        Arbitraries.oneOf(
            Arbitraries.of(
                "abc",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                "1,000",
                "1_000",
                "12abc",
                "1e",
                "--1",
                "true",
                "null",
                "[]",
                "{}",
                "\u00bd"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
    return Arbitraries.oneOf(
        negative.map(Num::new),
        negative.map(Str::new),
        fractional.map(Num::new),
        fractional.map(Str::new),
        tooLarge.map(Num::new),
        tooLarge.map(Str::new),
        notNumeric.map(Str::new));
  }

  // ---------------------------------------------------------------- rendering

  static String json(Value value) {
    if (value instanceof Str s) {
      return jsonString(s.text());
    } else if (value instanceof Num n) {
      return n.raw();
    } else if (value instanceof Bool b) {
      return String.valueOf(b.value());
    } else if (value instanceof Arr a) {
      return a.items().stream().map(GarbageValues::json).collect(Collectors.joining(",", "[", "]"));
    } else if (value instanceof Obj o) {
      return o.entries().stream()
          .map(e -> jsonString(e.getKey()) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    return "null";
  }

  /** A JSON string literal; control characters and lone surrogates are escaped so they arrive. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (Character.isSurrogate(c) && !pair)) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (pair) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Form pairs for {@code key = value}: arrays as {@code key[]}/{@code key[i]}, objects as {@code
   * key[k]}.
   */
  static void form(String key, Value value, List<String> pairs, boolean rawBrackets) {
    String head = formKey(key, rawBrackets) + "=";
    if (value instanceof Str s) {
      pairs.add(head + encode(s.text()));
    } else if (value instanceof Num n) {
      pairs.add(head + encode(n.raw()));
    } else if (value instanceof Bool b) {
      pairs.add(head + b.value());
    } else if (value instanceof Null) {
      pairs.add(head);
    } else if (value instanceof Arr a) {
      for (int i = 0; i < a.items().size(); i++) {
        Value item = a.items().get(i);
        boolean container = item instanceof Arr || item instanceof Obj;
        form(key + (container ? "[" + i + "]" : "[]"), item, pairs, rawBrackets);
      }
    } else if (value instanceof Obj o) {
      o.entries()
          .forEach(e -> form(key + "[" + e.getKey() + "]", e.getValue(), pairs, rawBrackets));
    }
  }

  private static String formKey(String key, boolean rawBrackets) {
    String encoded = encode(key);
    return rawBrackets ? encoded.replace("%5B", "[").replace("%5D", "]") : encoded;
  }
}
