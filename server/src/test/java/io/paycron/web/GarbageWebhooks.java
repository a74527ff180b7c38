package io.paycron.web;

import static io.paycron.web.GarbageBodies.body;
import static io.paycron.web.GarbageRequests.get;
import static io.paycron.web.GarbageRequests.post;
import static io.paycron.web.GarbageText.nonEmptySegment;

import io.paycron.web.GarbageRequests.Garbage;
import io.paycron.web.GarbageValues.Arr;
import io.paycron.web.GarbageValues.Bool;
import io.paycron.web.GarbageValues.Num;
import io.paycron.web.GarbageValues.Str;
import io.paycron.web.GarbageValues.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Garbage for webhook endpoints, bulk replay and secret rotation (docs/webhooks.md). */
final class GarbageWebhooks {

  private GarbageWebhooks() {}

  static final List<String> ENDPOINT_FIELDS =
      List.of("url", "event_types", "enabled", "description");
  static final List<String> RANGE_FIELDS = List.of("from", "to", "status");

  /** A valid endpoint at a closed local port: one that is created receives nothing. */
  static Map<String, Value> endpoint() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("url", new Str("http://127.0.0.1:9/fuzz"));
    body.put("event_types", new Arr(List.of(new Str("payment.paid"), new Str("schedule.*"))));
    body.put("enabled", new Bool(true));
    body.put("description", new Str("fuzz"));
    return body;
  }

  static Map<String, Value> range() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("from", new Num("1700000000"));
    body.put("to", new Num("1700000600"));
    body.put("status", new Str("failed"));
    return body;
  }

  static Arbitrary<Garbage> requests() {
    Arbitrary<String> endpoint =
        Arbitraries.oneOf(Arbitraries.just("we_000000000000000000000000"), nonEmptySegment())
            .map(s -> "/paycron/v1/webhook_endpoints/" + s);
    Map<String, Value> rotation = new LinkedHashMap<>();
    rotation.put("overlap_seconds", new Num("3600"));
    return Arbitraries.frequencyOf(
        Tuple.of(
            4,
            post(
                Arbitraries.just("/paycron/v1/webhook_endpoints"),
                body(endpoint(), ENDPOINT_FIELDS))),
        Tuple.of(1, get("GET", Arbitraries.just("/paycron/v1/webhook_endpoints"))),
        Tuple.of(1, get("GET", endpoint)),
        Tuple.of(1, get("DELETE", endpoint)),
        Tuple.of(2, GarbageRequests.put(endpoint, body(endpoint(), ENDPOINT_FIELDS))),
        Tuple.of(2, post(endpoint.map(e -> e + "/replay"), body(range(), RANGE_FIELDS))),
        Tuple.of(
            3, post(Arbitraries.just("/paycron/v1/events/replay"), body(range(), RANGE_FIELDS))),
        Tuple.of(
            1,
            post(
                Arbitraries.just("/paycron/v1/webhook/rotate_secret"),
                body(rotation, List.of("overlap_seconds")))));
  }
}
