package io.paycron.apidocs;

import static io.paycron.apidocs.Field.key;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.arrayOf;
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

/** Webhook settings and the delivery log (API.md §6, §10). */
@Component
@Order(10)
class PaycronWebhookDocs implements EndpointDocs {

  static final String TAG = "Webhooks";

  @Override
  public void describe(ApiDocs docs) {
    String tag =
        docs.tag(
            TAG,
            "Paycron: where webhooks go, the signing secret (Standard Webhooks, `whsec_…`), the"
                + " events sent and every delivery attempt.");
    String settings =
        docs.schema(
            "WebhookSettings",
            Types.object(
                "The merchant's default webhook URL and signing secret.",
                List.of(
                    key("url", nullable(string("Default webhook URL; null when unset"))),
                    key(
                        "secret",
                        string(
                            "Current signing secret, `whsec_` + base64 key (HMAC-SHA256 of"
                                + " `{webhook-id}.{webhook-timestamp}.{body}`)")))));
    String attempt =
        docs.schema(
            "WebhookAttempt",
            Types.object(
                "One try to deliver an event.",
                List.of(
                    key(
                        "endpoint_id",
                        string(
                            "The endpoint it went to; empty for the legacy target (notice_url or"
                                + " the default URL)")),
                    key("attempt", int32("1 for the first try")),
                    key("started_at", seconds("When it was sent")),
                    key("duration_ms", integer("How long the receiver took, milliseconds")),
                    key("status_code", nullable(int32("HTTP status answered; null if none"))),
                    key("error", nullable(string("Why it failed (timeout, connection refused…)"))),
                    key("response_body", nullable(string("The receiver's answer, truncated"))))));
    String delivery =
        docs.schema(
            "WebhookDelivery",
            Types.object(
                "Where an event's delivery to one target stands.",
                List.of(
                    key(
                        "endpoint_id",
                        string(
                            "The endpoint; empty for the legacy target (notice_url or default URL)")),
                    key("url", string("Where it is sent")),
                    key(
                        "status",
                        oneOf(
                            "`paused`: its endpoint was disabled or deleted (sent again on replay)",
                            "pending",
                            "delivering",
                            "delivered",
                            "failed",
                            "paused")),
                    key("attempts", int32("Tries so far")),
                    key("delivered_at", seconds("When a 2xx was received; 0 before")))));
    String event =
        docs.schema(
            "WebhookEvent",
            Types.object(
                "An event (transactional outbox) with its delivery.",
                List.of(
                    key("event_id", string("Also the `webhook-id` header of its deliveries")),
                    key(
                        "type",
                        string("e.g. `schedule.executed`, `payment.paid`, `payment.cancelled`")),
                    key("object_id", string("The imp_uid or merchant_uid it is about")),
                    key("object_version", integer("The object's version when the event was made")),
                    key("created_at", seconds("When the event was made")),
                    key("payload", string("The body sent (V1: imp_uid, merchant_uid, status)")),
                    key(
                        "status",
                        oneOf(
                            "Delivery state of the legacy target (else of the first endpoint);"
                                + " `no_url` when there was nowhere to send it",
                            "pending",
                            "delivering",
                            "delivered",
                            "failed",
                            "paused",
                            "no_url")),
                    key("url", nullable(string("Where it is sent"))),
                    key("delivered_at", seconds("When a 2xx was received")),
                    key(
                        "deliveries",
                        arrayOf(ref(delivery), "One per target: legacy and endpoints")),
                    key("attempts", arrayOf(ref(attempt), "Every try, oldest first")))));

    docs.get("/paycron/v1/webhook")
        .tag(tag)
        .summary("Get the webhook URL and secret")
        .returns(ref(settings));

    docs.put("/paycron/v1/webhook")
        .tag(tag)
        .summary("Set the default webhook URL")
        .description("Used when a schedule or payment has no `notice_url` of its own.")
        .body(List.of(required("url", string("http(s) URL; an empty string clears it"))))
        .returns(ref(settings));

    docs.post("/paycron/v1/webhook/rotate_secret")
        .tag(tag)
        .summary("Rotate the signing secret")
        .description(
            "Answers the new secret. During the overlap both the old and the new secret sign"
                + " (`webhook-signature` carries one `v1,` entry each), so receivers can switch"
                + " at any time within it.")
        .body(
            List.of(
                Field.optional(
                    "overlap_seconds",
                    integer("How long the previous secret still signs: 0–604800, default 86400"))))
        .returns(ref(settings));

    docs.get("/paycron/v1/events")
        .tag(tag)
        .summary("List the events of an object with their delivery attempts")
        .query(required("object_id", string("An imp_uid or merchant_uid")))
        .returns(arrayOf(ref(event), "Oldest first"));

    docs.post("/paycron/v1/events/{event_id}/replay")
        .tag(tag)
        .summary("Send an event again")
        .description(
            "Queues every target of the event for delivery now (the merchant's webhook URL if it"
                + " never had a delivery). No request body. Refused with HTTP 200, code 1, when no"
                + " URL is set, or every target is being sent right now or belongs to a disabled"
                + " endpoint.")
        .returns(ref(event))
        .error(404, "No such event.");
  }
}
