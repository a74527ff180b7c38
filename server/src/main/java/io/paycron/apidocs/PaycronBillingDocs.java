package io.paycron.apidocs;

import static io.paycron.apidocs.Field.key;
import static io.paycron.apidocs.Field.optional;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.arrayOf;
import static io.paycron.apidocs.Types.bool;
import static io.paycron.apidocs.Types.int32;
import static io.paycron.apidocs.Types.integer;
import static io.paycron.apidocs.Types.nullable;
import static io.paycron.apidocs.Types.oneOf;
import static io.paycron.apidocs.Types.ref;
import static io.paycron.apidocs.Types.seconds;
import static io.paycron.apidocs.Types.string;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Plans, subscriptions and test clocks (API.md §10, §12; docs/subscriptions.md). */
@Component
@Order(12)
class PaycronBillingDocs implements EndpointDocs {

  private static final String SUBSCRIPTION_ID = "The subscription's id (`subscription_id`).";
  private static final String STATE_CONFLICT =
      "Not possible in the subscription's state (e.g. it is canceled, or not paused).";

  @Override
  public void describe(ApiDocs docs) {
    plans(docs);
    subscriptions(docs);
    testClocks(docs);
  }

  private static void plans(ApiDocs docs) {
    String tag =
        docs.tag(
            "Plans", "Paycron: what a subscription charges and how often. Plans never change.");
    String retry =
        docs.schema(
            "RetryPolicy",
            Types.object(
                "What happens after a declined charge.",
                List.of(
                    key(
                        "soft_retry_days",
                        arrayOf(int32("day"), "Days after the failure to retry a soft decline")),
                    key("after_retries", string("Subscription status after the last retry fails")),
                    key("on_hard_decline", string("Subscription status after a hard decline")))));
    String plan =
        docs.schema(
            "Plan",
            Types.object(
                "A price and a billing interval.",
                List.of(
                    key("plan_id", string("The merchant's id of the plan")),
                    key("name", string("Display name")),
                    key(
                        "amount",
                        integer(
                            "Amount per period in minor units of the currency (KRW: won; USD:"
                                + " cents)")),
                    key("currency", string("ISO 4217 code")),
                    key("interval", oneOf("Billing interval", "day", "week", "month", "year")),
                    key("interval_count", int32("Intervals per period")),
                    key("trial_days", int32("Free days before the first charge")),
                    key("name_template", string("Order name of each charge")),
                    key("retry_policy", ref(retry)),
                    key("created_at", seconds("When it was created")))));
    docs.post("/paycron/v1/plans")
        .tag(tag)
        .summary("Create a plan")
        .body(
            List.of(
                required("plan_id", string("The merchant's id of the plan")),
                required("name", string("Display name")),
                required(
                    "amount",
                    Types.amount(
                        "Amount per period, more than 0, in the currency's unit (the answer"
                            + " gives minor units)")),
                optional("currency", string("ISO 4217 code (default KRW)")),
                required("interval", oneOf("Billing interval", "day", "week", "month", "year")),
                optional("interval_count", int32("Intervals per period (default 1)")),
                optional("trial_days", int32("Free days before the first charge (default 0)")),
                optional("name_template", string("Order name of each charge")),
                optional(
                    "retry_policy",
                    Types.object(
                        "Overrides the default (soft declines retried after 1, 3, 5, 7 days, then"
                            + " `unpaid`; a hard decline → `past_due`)",
                        List.of(
                            optional("soft_retry_days", arrayOf(int32("day"), "Increasing days")),
                            optional("after_retries", string("A subscription status")),
                            optional("on_hard_decline", string("A subscription status")))))))
        .returns(ref(plan))
        .error(409, "A plan with this plan_id exists.");
    docs.get("/paycron/v1/plans/{plan_id}")
        .tag(tag)
        .summary("Get a plan")
        .returns(ref(plan))
        .error(404, "No such plan.");
  }

  private static void subscriptions(ApiDocs docs) {
    String tag =
        docs.tag(
            "Subscriptions",
            "Paycron: a billing key charged every period of a plan. Each charge is its own"
                + " schedule and payment, visible through the V1 queries.");
    String subscription =
        docs.schema(
            "Subscription",
            Types.object(
                "A subscription. Times are UNIX seconds, 0 when unset.",
                List.of(
                    key("subscription_id", string("Its id; starts every merchant_uid it charges")),
                    key("customer_uid", string("The billing key charged")),
                    key("plan_id", string("The current plan")),
                    key("next_plan_id", nullable(string("The plan from the next period on"))),
                    key(
                        "status",
                        oneOf(
                            "Where it stands",
                            "trialing",
                            "active",
                            "past_due",
                            "canceled",
                            "unpaid",
                            "paused")),
                    key("time_zone", string("IANA zone the periods are counted in")),
                    key("anchor_at", seconds("The billing anchor")),
                    key("period", int32("Number of the current period, from 1")),
                    key("current_period_start", seconds("Start of the current period")),
                    key("current_period_end", seconds("End of the current period")),
                    key("trial_end", seconds("End of the trial")),
                    key("next_billing_at", seconds("When the next charge is made")),
                    key("next_merchant_uid", nullable(string("merchant_uid of the next charge"))),
                    key("failed_attempts", int32("Declined charges of the current period")),
                    key("cancel_at_period_end", bool("Ends when the current period ends")),
                    key("cancel_at", seconds("When it will end")),
                    key("canceled_at", seconds("When it ended")),
                    key("test_clock_id", nullable(string("Its test clock (sandbox)"))),
                    key("created_at", seconds("When it was created")),
                    key("updated_at", seconds("When it last changed")),
                    key("version", integer("Grows with every change")))));
    docs.post("/paycron/v1/subscriptions")
        .tag(tag)
        .summary("Start a subscription")
        .description(
            "A subscription whose `anchor_at` is now (and without a trial) is charged for its"
                + " first period at once; periods are billed at the anchor's local time of day.")
        .body(
            List.of(
                optional(
                    "subscription_id",
                    string("1 to 40 letters, digits, `_`, `.`, `:` (default: generated)")),
                required("customer_uid", string("The billing key to charge")),
                required("plan_id", string("The plan")),
                optional("anchor_at", integer("Billing anchor, UNIX seconds (default: now)")),
                optional("time_zone", string("IANA zone (default Asia/Seoul)"))))
        .returns(ref(subscription))
        .error(409, "A subscription with this id exists.");
    docs.get("/paycron/v1/subscriptions")
        .tag(tag)
        .summary("List a customer's subscriptions")
        .query(required("customer_uid", string("The billing key")))
        .returns(arrayOf(ref(subscription), "Its subscriptions"));
    docs.get("/paycron/v1/subscriptions/{id}")
        .tag(tag)
        .summary("Get a subscription")
        .pathVariable("id", SUBSCRIPTION_ID)
        .returns(ref(subscription))
        .error(404, "No such subscription.");
    docs.put("/paycron/v1/subscriptions/{id}")
        .tag(tag)
        .summary("Change the plan or the card")
        .description(
            "A new plan applies from the next period on; a new customer_uid is charged from now"
                + " on. One of the two is required.")
        .pathVariable("id", SUBSCRIPTION_ID)
        .body(
            List.of(
                optional("plan_id", string("The plan from the next period on")),
                optional("customer_uid", string("The billing key to charge from now on"))))
        .returns(ref(subscription))
        .error(404, "No such subscription.")
        .error(409, STATE_CONFLICT);
    docs.post("/paycron/v1/subscriptions/{id}/cancel")
        .tag(tag)
        .summary("Cancel a subscription")
        .pathVariable("id", SUBSCRIPTION_ID)
        .body(
            List.of(
                optional(
                    "at_period_end",
                    bool("End when the current period ends (default false: now)"))))
        .returns(ref(subscription))
        .error(404, "No such subscription.")
        .error(409, STATE_CONFLICT);
    for (String action : List.of("pause", "resume")) {
      docs.post("/paycron/v1/subscriptions/{id}/" + action)
          .tag(tag)
          .summary(
              action.equals("pause")
                  ? "Pause a subscription (no charges until resumed)"
                  : "Resume a paused subscription")
          .description("No request body.")
          .pathVariable("id", SUBSCRIPTION_ID)
          .returns(ref(subscription))
          .error(404, "No such subscription.")
          .error(409, STATE_CONFLICT);
    }
  }

  private static void testClocks(ApiDocs docs) {
    String tag =
        docs.tag(
            "Test clocks",
            "Paycron, sandbox only: a frozen time for the customers attached to it (with"
                + " `test_clock_id` on their first billing key); advancing it runs all that"
                + " became due.");
    String clock =
        docs.schema(
            "TestClock",
            Types.object(
                "A test clock.",
                List.of(
                    key("test_clock_id", string("Its id")),
                    key("name", nullable(string("Its name"))),
                    key("frozen_time", seconds("The clock's time")),
                    key("status", oneOf("`advancing` while due work runs", "ready", "advancing")),
                    key("created_at", seconds("When it was created")))));
    String id = "The test clock's id (`test_clock_id`).";
    docs.post("/paycron/v1/test_clocks")
        .tag(tag)
        .summary("Create a test clock")
        .description("Sandbox mode only (400 in production mode).")
        .body(
            List.of(
                optional("frozen_time", integer("Its start time, UNIX seconds (default: now)")),
                optional("name", string("A name"))))
        .returns(ref(clock));
    docs.get("/paycron/v1/test_clocks/{id}")
        .tag(tag)
        .summary("Get a test clock")
        .pathVariable("id", id)
        .returns(ref(clock))
        .error(404, "No such test clock.");
    docs.post("/paycron/v1/test_clocks/{id}/advance")
        .tag(tag)
        .summary("Advance a test clock")
        .description("Returns when everything due up to the new time has run.")
        .pathVariable("id", id)
        .body(List.of(required("frozen_time", integer("The new time, UNIX seconds"))))
        .returns(ref(clock))
        .error(404, "No such test clock.")
        .error(409, "The clock is advancing already; try again when its status is `ready`.");
  }
}
