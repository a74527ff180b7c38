package io.paycron.web;

import static io.paycron.web.GarbageText.CUST;
import static io.paycron.web.GarbageText.IMP;
import static io.paycron.web.GarbageText.NEW_UID;

import io.paycron.web.GarbageValues.Num;
import io.paycron.web.GarbageValues.Obj;
import io.paycron.web.GarbageValues.Str;
import io.paycron.web.GarbageValues.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Garbage request bodies: a valid body of an endpoint with fields replaced, nulled, removed,
 * duplicated or added, as JSON or as a form; bodies that are not JSON objects at all; PHP bracket
 * keys that contradict each other; oversized bodies; wrong content types.
 */
final class GarbageBodies {

  private GarbageBodies() {}

  record Body(String contentType, String text) {}

  static final List<String> CARD_FIELDS =
      List.of(
          "card_number",
          "expiry",
          "birth",
          "pwd_2digit",
          "cvc",
          "pg",
          "customer_id",
          "customer_name",
          "customer_tel",
          "customer_email",
          "customer_addr",
          "customer_postcode");
  static final List<String> CHARGE_FIELDS =
      List.of(
          "customer_uid",
          "merchant_uid",
          "amount",
          "currency",
          "tax_free",
          "vat_amount",
          "card_quota",
          "interest_free_by_merchant",
          "use_card_point",
          "escrow_confirmed",
          "product_count",
          "browser_ip",
          "product_type",
          "cash_receipt_type",
          "promotion_id",
          "extra",
          "name",
          "buyer_name",
          "buyer_email",
          "buyer_tel",
          "buyer_addr",
          "buyer_postcode",
          "custom_data",
          "notice_url");
  static final List<String> CANCEL_FIELDS =
      List.of(
          "imp_uid",
          "merchant_uid",
          "amount",
          "checksum",
          "reason",
          "tax_free",
          "vat_amount",
          "enable_webhook",
          "extra");

  static Map<String, Value> card() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("card_number", new Str("4242-4242-4242-4242"));
    body.put("expiry", new Str("2031-12"));
    body.put("birth", new Str("880412"));
    body.put("pwd_2digit", new Str("12"));
    return body;
  }

  static Map<String, Value> again() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("customer_uid", new Str(CUST));
    body.put("merchant_uid", new Str(NEW_UID));
    body.put("amount", new Num("1000"));
    body.put("name", new Str("fuzz"));
    return body;
  }

  static Map<String, Value> onetime() {
    Map<String, Value> body = card();
    body.put("merchant_uid", new Str(NEW_UID));
    body.put("amount", new Num("1000"));
    return body;
  }

  static Map<String, Value> cancel() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("imp_uid", new Str(IMP));
    body.put("amount", new Num("100"));
    body.put("reason", new Str("fuzz"));
    return body;
  }

  /**
   * A body built from a valid one: fields replaced with garbage, nulled, removed, duplicated or
   * added, as JSON or form; or not JSON at all, or oversized, or under the wrong content type.
   */
  static Arbitrary<Body> body(Map<String, Value> base, List<String> fields) {
    Arbitrary<List<Map.Entry<String, Value>>> mutated = mutations(base, fields);
    return Arbitraries.frequencyOf(
        Tuple.of(12, mutated.flatMap(GarbageBodies::jsonOrForm)),
        Tuple.of(
            3, rawJsonish().flatMap(text -> contentType(jsonTypes()).map(t -> new Body(t, text)))),
        Tuple.of(2, bracketForm(base, fields)),
        Tuple.of(
            2,
            mutated
                .flatMap(GarbageBodies::jsonOrForm)
                .flatMap(
                    b -> contentType(oddTypes()).map(t -> new Body(t, formSafe(t, b.text()))))),
        Tuple.of(
            1,
            Arbitraries.of(
                new Body("application/json", "{\"reason\":\"" + "x".repeat(1_100_000) + "\"}"),
                new Body("application/x-www-form-urlencoded", "reason=" + "x".repeat(1_100_000)),
                new Body("text/plain", "x".repeat(1_100_000)))),
        Tuple.of(1, Arbitraries.just(new Body(null, null))));
  }

  /** What a mutation does to one field of a valid body. */
  enum Change {
    REPLACE,
    NULL,
    DUPLICATE,
    REMOVE
  }

  private static Arbitrary<List<Map.Entry<String, Value>>> mutations(
      Map<String, Value> base, List<String> fields) {
    Arbitrary<String> field =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.of(fields)), Tuple.of(1, GarbageText.text()));
    Arbitrary<Change> change =
        Arbitraries.frequency(
            Tuple.of(6, Change.REPLACE),
            Tuple.of(1, Change.NULL),
            Tuple.of(1, Change.DUPLICATE),
            Tuple.of(1, Change.REMOVE));
    return Combinators.combine(field, change, GarbageValues.value(3))
        .as(Tuple::of)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            changes -> {
              Map<String, Value> copy = new LinkedHashMap<>(base);
              List<Map.Entry<String, Value>> duplicates = new ArrayList<>();
              for (var c : changes) {
                switch (c.get2()) {
                  case REMOVE -> copy.remove(c.get1());
                  case NULL -> copy.put(c.get1(), new GarbageValues.Null());
                  case DUPLICATE -> {
                    copy.putIfAbsent(c.get1(), new Str("first"));
                    duplicates.add(Map.entry(c.get1(), c.get3()));
                  }
                  case REPLACE -> copy.put(c.get1(), c.get3());
                }
              }
              List<Map.Entry<String, Value>> all = new ArrayList<>(copy.entrySet());
              all.addAll(duplicates);
              return all;
            });
  }

  private static Arbitrary<Body> jsonOrForm(List<Map.Entry<String, Value>> entries) {
    Arbitrary<Body> json =
        contentType(jsonTypes()).map(type -> new Body(type, GarbageValues.json(new Obj(entries))));
    Arbitrary<Body> form =
        Arbitraries.of(true, false)
            .flatMap(
                raw ->
                    contentType(formTypes())
                        .map(
                            type -> {
                              List<String> pairs = new ArrayList<>();
                              entries.forEach(
                                  e -> GarbageValues.form(e.getKey(), e.getValue(), pairs, raw));
                              return new Body(type, String.join("&", pairs));
                            }));
    return Arbitraries.oneOf(json, form);
  }

  /** Not JSON, or JSON that is not an object: the body is refused before any field is read. */
  static Arbitrary<String> rawJsonish() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "{",
            "}",
            "{\"a\":}",
            "{\"a\" 1}",
            "{'a':1}",
            "{a:1}",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\":1}}",
            "{\"a\":1} {\"b\":2}",
            "/* c */ {}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":01}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":0x10}",
            "\ufeff{}",
            "null",
            "true",
            "42",
            "1e400",
            "\"text\"",
            "[]",
            "[{}]",
            "[[[]]]",
            "<xml/>",
            "a=1&b=2",
            "\u0000",
            "{\"a\":\"\u0000\"}",
            "{\"a\":\"\\ud800\"}",
            "{\"amount\":1000,\"amount\":1}",
            "[".repeat(600),
            "{\"a\":".repeat(600),
            "[".repeat(400) + "]".repeat(400),
            "{\"a\":".repeat(400) + "1" + "}".repeat(400)),
        GarbageValues.value(3).map(GarbageValues::json),
        GarbageText.text());
  }

  /** Form bodies with PHP bracket keys that disagree with each other or are absurd. */
  private static Arbitrary<Body> bracketForm(Map<String, Value> base, List<String> fields) {
    Arbitrary<String> odd =
        Arbitraries.of(fields)
            .flatMap(
                f ->
                    Arbitraries.of(
                        f + "[0][b]=x",
                        f + "[]=1&" + f + "[x]=2",
                        f + "[99999999]=1",
                        f + "[9999]=1",
                        f + "[][]=1",
                        f + "[=1",
                        f + "]=1",
                        "&&&",
                        f,
                        f + "=1=2",
                        "[]=1",
                        f + "[a][b][c]=1",
                        f + "[0]=1&" + f + "[2]=2",
                        f + "=1&" + f + "=2",
                        f + "[]=1&" + f + "=2",
                        f + "=&" + f + "[]=",
                        f + "[x]=1&" + f + "[]=2"));
    return Combinators.combine(odd.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
        .as(
            (parts, first) -> {
              List<String> pairs = new ArrayList<>();
              base.forEach((k, v) -> GarbageValues.form(k, v, pairs, true));
              String rest = String.join("&", pairs);
              String garbage = String.join("&", parts);
              return new Body(
                  "application/x-www-form-urlencoded",
                  first ? garbage + "&" + rest : rest + "&" + garbage);
            });
  }

  private static List<String> jsonTypes() {
    return Arrays.asList(
        "application/json",
        "application/json; charset=UTF-8",
        "APPLICATION/JSON",
        "text/plain",
        null,
        "application/vnd.api+json",
        "application/json; charset=ebcdic");
  }

  private static List<String> formTypes() {
    return List.of(
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8");
  }

  private static List<String> oddTypes() {
    return List.of(
        "text/xml",
        "application/xml",
        "application/octet-stream",
        "multipart/form-data",
        "multipart/form-data; boundary=zzz",
        "garbage",
        ";;;",
        "image/png",
        "text/html; charset=UTF-8",
        "application/x-www-form-urlencoded",
        "application/json",
        "*/*",
        "");
  }

  private static Arbitrary<String> contentType(List<String> types) {
    return Arbitraries.of(types);
  }

  /**
   * A non-form body sent as a form goes as it is: its stray '%' and '=' make malformed escapes and
   * empty parameter names, which must be refused with 400 like any other garbage.
   */
  static String formSafe(String type, String body) {
    return body;
  }
}
