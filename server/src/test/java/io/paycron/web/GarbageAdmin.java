package io.paycron.web;

import static io.paycron.web.GarbageBodies.body;
import static io.paycron.web.GarbageRequests.get;
import static io.paycron.web.GarbageRequests.post;
import static io.paycron.web.GarbageText.MER;
import static io.paycron.web.GarbageText.nonEmptySegment;

import io.paycron.web.GarbageRequests.Auth;
import io.paycron.web.GarbageRequests.Garbage;
import io.paycron.web.GarbageValues.Str;
import io.paycron.web.GarbageValues.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Garbage for the admin API: mostly with the admin token (so validation is reached), sometimes with
 * a merchant's or a garbage token (which must get 401). Keys are added to and revoked from a
 * merchant of its own, never from the sandbox merchant the other garbage logs in as.
 */
final class GarbageAdmin {

  private GarbageAdmin() {}

  static Arbitrary<Garbage> requests() {
    Map<String, Value> merchant = new LinkedHashMap<>();
    merchant.put("name", new Str("fuzzed merchant"));
    Arbitrary<String> merchantPath =
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(MER)), Tuple.of(1, nonEmptySegment()))
            .map(m -> "/paycron/admin/v1/merchants/" + m);
    Arbitrary<Garbage> any =
        Arbitraries.frequencyOf(
            Tuple.of(
                4,
                post(
                    Arbitraries.just("/paycron/admin/v1/merchants"),
                    body(merchant, List.of("name")))),
            Tuple.of(2, get("GET", merchantPath)),
            Tuple.of(1, post(merchantPath.map(m -> m + "/keys"), body(merchant, List.of("name")))),
            Tuple.of(
                2,
                get(
                    "DELETE",
                    Combinators.combine(merchantPath, nonEmptySegment())
                        .as((m, k) -> m + "/keys/" + k))),
            Tuple.of(1, get("DELETE", merchantPath.map(m -> m + "/tokens"))),
            Tuple.of(
                3,
                GarbageRequests.put(
                    Combinators.combine(
                            merchantPath,
                            Arbitraries.oneOf(
                                Arbitraries.of("sandbox", "tosspayments", "portone_v2.mid_1"),
                                nonEmptySegment()))
                        .as((m, pg) -> m + "/gateways/" + pg),
                    body(gateway(), GATEWAY_FIELDS))),
            Tuple.of(1, get("GET", merchantPath.map(m -> m + "/gateways"))),
            Tuple.of(
                1,
                get(
                    "DELETE",
                    Combinators.combine(merchantPath, nonEmptySegment())
                        .as((m, pg) -> m + "/gateways/" + pg))));
    return any.map(GarbageAdmin::asAdmin);
  }

  static final List<String> GATEWAY_FIELDS =
      List.of("provider", "base_url", "credentials", "default");

  /** A valid Toss configuration, for the mutations to spoil. */
  static Map<String, Value> gateway() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("provider", new Str("tosspayments"));
    body.put("base_url", new Str("https://api.tosspayments.com"));
    body.put(
        "credentials",
        new GarbageValues.Obj(List.of(Map.entry("secret_key", new Str("test_sk_fuzz")))));
    body.put("default", new GarbageValues.Bool(true));
    return body;
  }

  /** The merchant's valid token becomes the admin token; every other kind stays as it is. */
  private static Garbage asAdmin(Garbage g) {
    Auth auth = g.auth() == Auth.VALID || g.auth() == Auth.BEARER ? Auth.ADMIN : g.auth();
    return new Garbage(g.method(), g.path(), g.contentType(), g.body(), auth);
  }
}
