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

/** Webhook endpoints per merchant and bulk replay (docs/webhooks.md). */
@Component
@Order(11)
class WebhookEndpointDocs implements EndpointDocs {

  private static final String ID = "A webhook endpoint id (`we_…`) of this merchant";

  @Override
  public void describe(ApiDocs docs) {
    String tag = PaycronWebhookDocs.TAG;
    String endpoint =
        docs.schema(
            "WebhookEndpoint",
            Types.object(
                "A URL that receives the merchant's events of the types it lists, besides the"
                    + " legacy target (a payment's notice_url, else the default URL).",
                List.of(
                    key("endpoint_id", string("`we_…`")),
                    key("url", string("http(s) URL; in production a public host")),
                    key(
                        "event_types",
                        arrayOf(
                            string("A type, `group.*` or `*`"),
                            "What it receives; `[\"*\"]` for everything")),
                    key("enabled", bool("false: nothing is sent; waiting deliveries are paused")),
                    key("description", nullable(string("Free text, at most 500 characters"))),
                    key(
                        "failing_since",
                        seconds("First failure after the last success; 0 while healthy")),
                    key("disabled_at", seconds("When it was disabled automatically; 0 if not")),
                    key("disabled_reason", nullable(string("Why it was disabled"))),
                    key("created_at", seconds("When it was created")),
                    key("updated_at", seconds("Last change")),
                    key("version", integer("Bumped by every change")))));
    String replayed =
        docs.schema(
            "Replayed",
            Types.object(
                "How many deliveries were queued again.",
                List.of(key("replayed", int32("Deliveries queued")))));
    List<Field> changes =
        List.of(
            optional("url", string("http(s) URL (required when creating)")),
            optional(
                "event_types",
                arrayOf(
                    string(
                        "A known type (`payment.paid`, `schedule.late`, `subscription.*`, …),"
                            + " `group.*` or `*`"),
                    "Empty or absent when creating: everything. A form may send `a,b`.")),
            optional("enabled", bool("Default true; true again clears failing_since")),
            optional("description", string("At most 500 characters")));
    List<Field> range =
        List.of(
            required("from", seconds("Events created at or after (UNIX seconds)")),
            required("to", seconds("Events created before (UNIX seconds); from < to")),
            optional(
                "status",
                oneOf(
                    "`failed` (default): failed or paused deliveries; `all`: also delivered ones",
                    "failed",
                    "all")));

    docs.post("/paycron/v1/webhook_endpoints")
        .tag(tag)
        .summary("Create a webhook endpoint")
        .description("At most 20 per merchant.")
        .body(changes)
        .returns(ref(endpoint));

    docs.get("/paycron/v1/webhook_endpoints")
        .tag(tag)
        .summary("List the webhook endpoints")
        .returns(arrayOf(ref(endpoint), "Oldest first"));

    docs.get("/paycron/v1/webhook_endpoints/{endpoint_id}")
        .tag(tag)
        .summary("Get a webhook endpoint")
        .pathVariable("endpoint_id", ID)
        .returns(ref(endpoint))
        .error(404, "No such endpoint.");

    docs.put("/paycron/v1/webhook_endpoints/{endpoint_id}")
        .tag(tag)
        .summary("Change a webhook endpoint")
        .description("Changes only the fields sent. Disabling pauses its waiting deliveries.")
        .pathVariable("endpoint_id", ID)
        .body(changes)
        .returns(ref(endpoint))
        .error(404, "No such endpoint.")
        .error(409, "Changed by another request meanwhile; read it and try again.");

    docs.delete("/paycron/v1/webhook_endpoints/{endpoint_id}")
        .tag(tag)
        .summary("Delete a webhook endpoint")
        .description("Its waiting deliveries are paused and kept in the log.")
        .pathVariable("endpoint_id", ID)
        .returns(ref(endpoint))
        .error(404, "No such endpoint.");

    docs.post("/paycron/v1/webhook_endpoints/{endpoint_id}/replay")
        .tag(tag)
        .summary("Replay an endpoint's deliveries of a time range")
        .description(
            "Queues again the endpoint's deliveries of events created in [from, to). At most"
                + " 10,000 per call: a wider match is refused (400) and nothing is queued.")
        .pathVariable("endpoint_id", ID)
        .body(range)
        .returns(ref(replayed))
        .error(404, "No such endpoint.")
        .error(409, "The endpoint is disabled; enable it first.");

    docs.post("/paycron/v1/events/replay")
        .tag(tag)
        .summary("Replay all deliveries of a time range")
        .description(
            "Like the endpoint replay, for every target of the merchant's events created in"
                + " [from, to). At most 10,000 per call.")
        .body(range)
        .returns(ref(replayed));
  }
}
