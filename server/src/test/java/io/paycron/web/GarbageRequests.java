package io.paycron.web;

import static io.paycron.web.GarbageBodies.CANCEL_FIELDS;
import static io.paycron.web.GarbageBodies.CARD_FIELDS;
import static io.paycron.web.GarbageBodies.CHARGE_FIELDS;
import static io.paycron.web.GarbageBodies.again;
import static io.paycron.web.GarbageBodies.body;
import static io.paycron.web.GarbageBodies.cancel;
import static io.paycron.web.GarbageBodies.card;
import static io.paycron.web.GarbageBodies.onetime;
import static io.paycron.web.GarbageText.IMP;
import static io.paycron.web.GarbageText.MUID;
import static io.paycron.web.GarbageText.encode;
import static io.paycron.web.GarbageText.nonEmptySegment;
import static io.paycron.web.GarbageText.query;
import static io.paycron.web.GarbageText.status;

import io.paycron.web.GarbageBodies.Body;
import io.paycron.web.GarbageValues.Num;
import io.paycron.web.GarbageValues.Str;
import io.paycron.web.GarbageValues.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Whole garbage requests for every V1 endpoint: method, path, query, content type, body, token. */
final class GarbageRequests {

  private GarbageRequests() {}

  /** Which token a request carries. */
  enum Auth {
    VALID,
    BEARER,
    IMP_HEADER,
    NONE,
    GARBAGE,
    EXPIRED,
    TOO_LONG,
    BEARER_ONLY,
    ADMIN
  }

  record Garbage(String method, String path, String contentType, String body, Auth auth) {
    @Override
    public String toString() {
      return method + " " + cut(path) + " [" + contentType + "] " + cut(body) + " auth=" + auth;
    }

    private static String cut(String text) {
      return text == null || text.length() <= 400
          ? String.valueOf(text)
          : text.substring(0, 400) + "…(" + text.length() + " chars)";
    }
  }

  static Arbitrary<Auth> mostlyValidAuth() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just(Auth.VALID)),
        Tuple.of(2, Arbitraries.of(Auth.BEARER, Auth.IMP_HEADER)),
        Tuple.of(2, Arbitraries.of(Auth.values())));
  }

  static Arbitrary<Garbage> post(Arbitrary<String> path, Arbitrary<Body> body) {
    Arbitrary<String> slash = Arbitraries.of("", "", "", "/");
    return Combinators.combine(path, slash, query().injectNull(0.6), body, mostlyValidAuth())
        .as(
            (p, s, q, b, a) ->
                new Garbage("POST", p + s + (q == null ? "" : q), b.contentType(), b.text(), a));
  }

  static Arbitrary<Garbage> put(Arbitrary<String> path, Arbitrary<Body> body) {
    return post(path, body)
        .map(g -> new Garbage("PUT", g.path(), g.contentType(), g.body(), g.auth()));
  }

  static Arbitrary<Garbage> get(String method, Arbitrary<String> path) {
    Arbitrary<Body> sometimesBody =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.just(new Body(null, null))),
            Tuple.of(1, body(cancel(), CANCEL_FIELDS)));
    return Combinators.combine(path, query(), sometimesBody, mostlyValidAuth())
        .as((p, q, b, a) -> new Garbage(method, p + q, b.contentType(), b.text(), a));
  }

  static Arbitrary<Garbage> getToken() {
    Map<String, Value> base = new LinkedHashMap<>();
    base.put("imp_key", new Str("imp_apikey"));
    base.put("imp_secret", new Str("not-the-secret"));
    return post(Arbitraries.just("/users/getToken"), body(base, List.of("imp_key", "imp_secret")));
  }

  static Arbitrary<Garbage> billingKeys() {
    Arbitrary<String> customer = nonEmptySegment().map(s -> "/subscribe/customers/" + s);
    return Arbitraries.frequencyOf(
        Tuple.of(4, post(customer, body(card(), CARD_FIELDS))),
        Tuple.of(2, get("GET", customer)),
        Tuple.of(2, get("DELETE", customer)),
        Tuple.of(1, get("GET", Arbitraries.just("/subscribe/customers"))),
        Tuple.of(1, get("GET", customer.map(c -> c + "/payments"))));
  }

  static Arbitrary<Garbage> charges() {
    List<String> onetimeFields = new ArrayList<>(CHARGE_FIELDS);
    onetimeFields.addAll(CARD_FIELDS);
    return Arbitraries.oneOf(
        post(Arbitraries.just("/subscribe/payments/again"), body(again(), CHARGE_FIELDS)),
        post(Arbitraries.just("/subscribe/payments/onetime"), body(onetime(), onetimeFields)));
  }

  static Arbitrary<Garbage> lookups() {
    return Arbitraries.oneOf(
        get("GET", nonEmptySegment().map(s -> "/payments/" + s)),
        get("GET", Arbitraries.just("/payments")),
        get(
            "GET",
            Combinators.combine(
                    Arbitraries.of("find", "findAll"), nonEmptySegment(), status().injectNull(0.4))
                .as(
                    (kind, uid, st) ->
                        "/payments/" + kind + "/" + uid + (st == null ? "" : "/" + st))),
        get("GET", status().map(s -> "/payments/status/" + s)),
        get("GET", Arbitraries.of("paid", "all").map(s -> "/payments/status/" + s)));
  }

  static Arbitrary<Garbage> cancels() {
    return post(Arbitraries.just("/payments/cancel"), body(cancel(), CANCEL_FIELDS));
  }

  /** Cancels of the real paid payment whose amount is never valid, as JSON or as a form. */
  static Arbitrary<Garbage> invalidAmountCancels() {
    Arbitrary<String> target =
        Arbitraries.of("\"imp_uid\":\"" + IMP + "\"", "\"merchant_uid\":\"" + MUID + "\"");
    Arbitrary<Body> json =
        Combinators.combine(
                target,
                GarbageValues.invalidAmount(),
                Arbitraries.of("", ",\"reason\":\"fuzz\"", ",\"checksum\":1000"))
            .as(
                (t, amount, extra) ->
                    new Body(
                        "application/json",
                        "{" + t + ",\"amount\":" + GarbageValues.json(amount) + extra + "}"));
    Arbitrary<String> formAmount =
        Arbitraries.oneOf(
            GarbageValues.invalidAmountValue()
                .map(v -> "amount=" + encode(v instanceof Str s ? s.text() : ((Num) v).raw())),
            GarbageValues.invalidAmountValue()
                .map(
                    v -> "amount%5B%5D=" + encode(v instanceof Str s ? s.text() : ((Num) v).raw())),
            Arbitraries.of(
                "amount[0][b]=1",
                "amount[x]=1",
                "amount=1&amount=2",
                "amount[]=1&amount[]=2",
                "amount[99999999]=1",
                "amount[1]=5",
                "amount[0][]=1",
                "amount[a][b]=c",
                "amount=true",
                "amount[]=x&amount[x]=1"));
    Arbitrary<Body> form =
        Combinators.combine(Arbitraries.of("imp_uid=" + IMP, "merchant_uid=" + MUID), formAmount)
            .as((t, a) -> new Body("application/x-www-form-urlencoded", t + "&" + a));
    return Combinators.combine(
            Arbitraries.oneOf(json, form), Arbitraries.of(Auth.VALID, Auth.BEARER, Auth.IMP_HEADER))
        .as((b, a) -> new Garbage("POST", "/payments/cancel", b.contentType(), b.text(), a));
  }

  /** A request to a route that does not exist, or with a method the route does not take. */
  static Arbitrary<Garbage> strays() {
    Arbitrary<String> method =
        Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO", "PROPFIND");
    Arbitrary<String> unknown =
        Arbitraries.oneOf(
            Arbitraries.of(
                "/",
                "/users",
                "/users/getToken/x",
                "/payments/cancel/x",
                "/subscribe/payments",
                "/subscribe/payments/onetime/x",
                "/subscribe/x",
                "/paycron/v1/x",
                "/v1/payments",
                "/PAYMENTS/x",
                "/subscribe/customers/x/y/z"),
            Combinators.combine(
                    Arbitraries.of("payments", "subscribe", "users", "x"),
                    nonEmptySegment().list().ofMinSize(4).ofMaxSize(6))
                .as((first, rest) -> "/" + first + "/" + String.join("/", rest)),
            nonEmptySegment()
                .filter(s -> !s.equals("payments") && !s.equals("error") && !s.equals("actuator"))
                .map(s -> "/" + s));
    Arbitrary<Garbage> wrongMethod =
        Arbitraries.oneOf(
            route(
                Arbitraries.just("/users/getToken"),
                "GET",
                "PUT",
                "PATCH",
                "DELETE",
                "TRACE",
                "FOO"),
            route(nonEmptySegment().map(s -> "/subscribe/customers/" + s), "PUT", "PATCH", "FOO"),
            route(Arbitraries.just("/subscribe/customers"), "POST", "PUT", "PATCH", "DELETE"),
            route(
                nonEmptySegment().map(s -> "/subscribe/customers/" + s + "/payments"),
                "POST",
                "PUT"),
            route(
                Arbitraries.of("/subscribe/payments/again", "/subscribe/payments/onetime"),
                "GET",
                "PUT",
                "PATCH",
                "DELETE"),
            route(nonEmptySegment().map(s -> "/payments/" + s), "POST", "PUT", "PATCH", "DELETE"),
            route(Arbitraries.just("/payments"), "POST", "PUT", "DELETE"),
            route(nonEmptySegment().map(s -> "/payments/find/" + s), "POST", "PUT", "DELETE"),
            route(nonEmptySegment().map(s -> "/payments/findAll/" + s + "/paid"), "POST", "PATCH"),
            route(status().map(s -> "/payments/status/" + s), "POST", "PUT", "DELETE"),
            route(Arbitraries.just("/payments/cancel"), "PUT", "PATCH", "DELETE", "TRACE"));
    Arbitrary<Garbage> unknownRoute =
        Combinators.combine(
                method,
                unknown,
                query(),
                body(cancel(), CANCEL_FIELDS),
                Arbitraries.of(Auth.values()))
            .as((m, p, q, b, a) -> new Garbage(m, p + q, b.contentType(), b.text(), a));
    return Arbitraries.oneOf(unknownRoute, wrongMethod);
  }

  private static Arbitrary<Garbage> route(Arbitrary<String> path, String... methods) {
    return Combinators.combine(
            Arbitraries.of(methods),
            path,
            body(cancel(), CANCEL_FIELDS),
            Arbitraries.of(Auth.values()))
        .as((m, p, b, a) -> new Garbage(m, p, b.contentType(), b.text(), a));
  }

  /** Any known route with a missing, unknown, expired or malformed token. */
  static Arbitrary<Garbage> badTokens() {
    Arbitrary<Garbage> any = Arbitraries.oneOf(billingKeys(), charges(), lookups(), cancels());
    Arbitrary<Auth> bad =
        Arbitraries.of(Auth.NONE, Auth.GARBAGE, Auth.EXPIRED, Auth.TOO_LONG, Auth.BEARER_ONLY);
    return Combinators.combine(any, bad)
        .as((g, a) -> new Garbage(g.method(), g.path(), g.contentType(), g.body(), a))
        .filter(g -> g.contentType() == null || !g.contentType().startsWith("multipart/"));
  }
}
