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
                    key("attempt", int32("1 for the first try")),
                    key("started_at", seconds("When it was sent")),
                    key("duration_ms", integer("How long the receiver took, milliseconds")),
                    key("status_code", nullable(int32("HTTP status answered; null if none"))),
                    key("error", nullable(string("Why it failed (timeout, connection refused…)"))),
                    key("response_body", nullable(string("The receiver's answer, truncated"))))));
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
                            "Delivery state; `no_url` when there was nowhere to send it",
                            "pending",
                            "delivering",
                            "delivered",
                            "failed",
                            "no_url")),
                    key("url", nullable(string("Where it is sent"))),
                    key("delivered_at", seconds("When a 2xx was received")),
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
        .description("No request body. Answers the new secret.")
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
            "Queues the event for delivery now (to the merchant's webhook URL if it never had a"
                + " delivery). No request body. Refused with HTTP 200, code 1, when no URL is set"
                + " or the event is being sent right now.")
        .returns(ref(event))
        .error(404, "No such event.");
  }
}
