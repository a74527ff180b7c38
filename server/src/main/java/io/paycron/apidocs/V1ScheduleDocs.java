package io.paycron.apidocs;

import static io.paycron.apidocs.Field.optional;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.amount;
import static io.paycron.apidocs.Types.arrayOf;
import static io.paycron.apidocs.Types.integer;
import static io.paycron.apidocs.Types.oneOf;
import static io.paycron.apidocs.Types.ref;
import static io.paycron.apidocs.Types.string;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Scheduled payments (API.md §5). */
@Component
@Order(3)
class V1ScheduleDocs implements EndpointDocs {

  private static final String NOT_FOUND = "No such schedule: code 1, `존재하지 않는 결제정보입니다.`";

  @Override
  public void describe(ApiDocs docs) {
    String schedules =
        docs.tag(
            "Schedules",
            "Payments charged at a set time from a billing key (i'mport V1). At `schedule_at`"
                + " Paycron charges as `again` would and sends a webhook.");
    String scheduleItem =
        docs.schema(
            "ScheduleRequest",
            Types.object(
                "One payment to schedule.",
                RequestFields.concat(
                    List.of(
                        required(
                            "schedule_at", integer("When to charge, UNIX seconds, in the future"))),
                    RequestFields.charge(),
                    RequestFields.buyer("the customer's"))));

    docs.post("/subscribe/payments/schedule")
        .tag(schedules)
        .summary("Schedule payments")
        .description(
            "All or nothing: every schedule is validated before any is stored; at most 1,000"
                + " per call. Without a billing key for `customer_uid`, the card data in the"
                + " request issues one first. Refused with HTTP 200, code 1: unknown customer and"
                + " no card (`등록된 고객정보가 없습니다.`), a merchant_uid already scheduled or"
                + " repeated, a `schedule_at` not in the future (the message names the"
                + " merchant_uid).")
        .body(
            RequestFields.concat(
                List.of(
                    required("customer_uid", string("The billing key to charge")),
                    optional("customer_id", string("The merchant's id of the person")),
                    optional(
                        "checking_amount", amount("A test charge, cancelled at once; 0 = none")),
                    required(
                        "schedules",
                        arrayOf(ref(scheduleItem), "The payments to schedule (1 to 1,000)"))),
                RequestFields.card(false)))
        .example(
            Endpoint.json(
                "customer_uid",
                "gildong_0001_1234",
                "schedules",
                List.of(
                    Endpoint.json(
                        "merchant_uid",
                        "order_0002",
                        "schedule_at",
                        2000000000,
                        "amount",
                        8900,
                        "name",
                        "Monthly plan"))))
        .returns(
            arrayOf(ref(V1Objects.SCHEDULE), "The stored schedules"),
            "The schedules, `schedule_status: scheduled`, `imp_uid` and `payment_status` null.");

    docs.post("/subscribe/payments/unschedule")
        .tag(schedules)
        .summary("Revoke scheduled payments")
        .description(
            "Revokes pending (`scheduled`) ones. `merchant_uid` missing or an empty array revokes"
                + " all of the customer's; without `customer_uid`, revokes by merchant_uid."
                + " Nothing to revoke: HTTP 200, code 1, `취소할 예약결제 기록이 존재하지 않습니다.`")
        .body(
            List.of(
                optional("customer_uid", string("Whose schedules")),
                optional(
                    "merchant_uid",
                    arrayOf(
                        string("merchant_uid"),
                        "Which ones: a string or an array of strings (form: `merchant_uid[]`)"))))
        .example(
            Endpoint.json(
                "customer_uid", "gildong_0001_1234", "merchant_uid", List.of("order_0002")))
        .returns(
            arrayOf(ref(V1Objects.SCHEDULE), "The revoked schedules"),
            "The revoked schedules (`schedule_status: revoked`, `revoked_at` set).");

    docs.get("/subscribe/payments/schedule/{merchant_uid}")
        .tag(schedules)
        .summary("Get a schedule")
        .returns(ref(V1Objects.SCHEDULE))
        .error(404, NOT_FOUND);

    docs.get("/subscribe/payments/schedule")
        .tag(schedules)
        .summary("List schedules by time")
        .description("`schedule_from` ≤ `schedule_at` < `schedule_to`, a span of at most 3 months.")
        .query(
            required("schedule_from", integer("Start, UNIX seconds")),
            required("schedule_to", integer("End, UNIX seconds")),
            optional("schedule_status", status()),
            optional(
                "sorting", oneOf("`scheduled` = oldest first; default newest first", "scheduled")))
        .query(RequestFields.paging())
        .returns(ref(V1Objects.SCHEDULE_PAGE));

    docs.get(
            "/subscribe/payments/schedule/customers/{customer_uid}",
            "/subscribe/customers/{customer_uid}/schedules")
        .tag(schedules)
        .summary("List a customer's schedules")
        .description("Newest first. Both spellings of the filters are accepted.")
        .query(
            optional("from", integer("Start, UNIX seconds (also `schedule_from`)")),
            optional("to", integer("End, UNIX seconds (also `schedule_to`)")),
            optional("schedule-status", status()),
            optional("schedule_status", status()))
        .query(RequestFields.paging())
        .returns(ref(V1Objects.SCHEDULE_PAGE));

    docs.put("/subscribe/payments/schedule/{merchant_uid}")
        .tag(schedules)
        .summary("Move a pending schedule")
        .description("Only a `scheduled` one, to a time in the future; otherwise 400.")
        .body(List.of(required("schedule_at", integer("The new time, UNIX seconds"))))
        .returns(ref(V1Objects.SCHEDULE))
        .error(404, NOT_FOUND);

    docs.post("/subscribe/payments/schedule/{merchant_uid}/reschedule")
        .tag(schedules)
        .summary("Try a failed or revoked schedule again later")
        .description("Paycron: sets a new attempt time for a failed or revoked schedule.")
        .body(List.of(required("schedule_at", integer("The new time, UNIX seconds"))))
        .returns(ref(V1Objects.SCHEDULE))
        .error(404, NOT_FOUND);

    docs.post("/subscribe/payments/schedule/{merchant_uid}/retry")
        .tag(schedules)
        .summary("Charge a failed schedule now")
        .description("Paycron: charges a failed schedule at once. No request body.")
        .returns(ref(V1Objects.PAYMENT), "The new payment.")
        .error(404, NOT_FOUND);
  }

  private static io.swagger.v3.oas.models.media.Schema<?> status() {
    return oneOf("Only schedules in this state (default all)", "scheduled", "executed", "revoked");
  }
}
