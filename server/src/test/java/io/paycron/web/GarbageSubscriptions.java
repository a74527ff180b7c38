package io.paycron.web;

import static io.paycron.web.GarbageBodies.body;
import static io.paycron.web.GarbageRequests.get;
import static io.paycron.web.GarbageRequests.post;
import static io.paycron.web.GarbageText.CLOCK;
import static io.paycron.web.GarbageText.CUST;
import static io.paycron.web.GarbageText.NEW_UID;
import static io.paycron.web.GarbageText.PLAN;
import static io.paycron.web.GarbageText.SUB;
import static io.paycron.web.GarbageText.nonEmptySegment;

import io.paycron.web.GarbageRequests.Garbage;
import io.paycron.web.GarbageValues.Arr;
import io.paycron.web.GarbageValues.Bool;
import io.paycron.web.GarbageValues.Num;
import io.paycron.web.GarbageValues.Obj;
import io.paycron.web.GarbageValues.Str;
import io.paycron.web.GarbageValues.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Garbage for Paycron's plans, subscriptions and test clocks (API.md §10). */
final class GarbageSubscriptions {

  private GarbageSubscriptions() {}

  static final List<String> PLAN_FIELDS =
      List.of(
          "plan_id",
          "name",
          "amount",
          "currency",
          "interval",
          "interval_count",
          "trial_days",
          "name_template",
          "retry_policy");
  static final List<String> SUBSCRIPTION_FIELDS =
      List.of("subscription_id", "customer_uid", "plan_id", "anchor_at", "time_zone");
  static final List<String> CLOCK_FIELDS = List.of("frozen_time", "name");

  static Map<String, Value> plan() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("plan_id", new Str(NEW_UID));
    body.put("name", new Str("fuzz"));
    body.put("amount", new Num("1000"));
    body.put("currency", new Str("KRW"));
    body.put("interval", new Str("month"));
    body.put("interval_count", new Num("1"));
    body.put("trial_days", new Num("0"));
    body.put(
        "retry_policy",
        new Obj(
            List.of(
                Map.entry("soft_retry_days", new Arr(List.of(new Num("1"), new Num("3")))),
                Map.entry("after_retries", new Str("unpaid")),
                Map.entry("on_hard_decline", new Str("canceled")))));
    return body;
  }

  /** A subscription anchored years ahead, so a valid one charges nothing while fuzzing. */
  static Map<String, Value> subscription() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("subscription_id", new Str(NEW_UID));
    body.put("customer_uid", new Str(CUST));
    body.put("plan_id", new Str(PLAN));
    body.put("anchor_at", new Num("4102444800"));
    body.put("time_zone", new Str("Asia/Seoul"));
    return body;
  }

  static Map<String, Value> clock() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("frozen_time", new Num("1900000000"));
    body.put("name", new Str("fuzz"));
    return body;
  }

  static Map<String, Value> change() {
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("plan_id", new Str(PLAN));
    body.put("at_period_end", new Bool(true));
    return body;
  }

  static Arbitrary<Garbage> requests() {
    Arbitrary<String> subscription =
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(SUB)), Tuple.of(1, nonEmptySegment()))
            .map(s -> "/paycron/v1/subscriptions/" + s);
    Arbitrary<String> clock =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(CLOCK)), Tuple.of(1, nonEmptySegment()))
            .map(s -> "/paycron/v1/test_clocks/" + s);
    List<String> changeFields = List.of("plan_id", "customer_uid", "at_period_end");
    return Arbitraries.frequencyOf(
        Tuple.of(3, post(Arbitraries.just("/paycron/v1/plans"), body(plan(), PLAN_FIELDS))),
        Tuple.of(
            1,
            get(
                "GET",
                Arbitraries.oneOf(Arbitraries.just(PLAN), nonEmptySegment())
                    .map(p -> "/paycron/v1/plans/" + p))),
        Tuple.of(
            3,
            post(
                Arbitraries.just("/paycron/v1/subscriptions"),
                body(subscription(), SUBSCRIPTION_FIELDS))),
        Tuple.of(1, get("GET", subscription)),
        Tuple.of(1, get("GET", Arbitraries.just("/paycron/v1/subscriptions"))),
        Tuple.of(
            2,
            post(
                subscription.flatMap(
                    s -> Arbitraries.of("/cancel", "/pause", "/resume").map(a -> s + a)),
                body(change(), changeFields))),
        Tuple.of(2, GarbageRequests.put(subscription, body(change(), changeFields))),
        Tuple.of(2, post(Arbitraries.just("/paycron/v1/test_clocks"), body(clock(), CLOCK_FIELDS))),
        Tuple.of(1, get("GET", clock)),
        Tuple.of(2, post(clock.map(c -> c + "/advance"), body(clock(), CLOCK_FIELDS))));
  }
}
