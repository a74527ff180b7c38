package io.paycron.apidocs;

import static io.paycron.apidocs.Field.optional;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.amount;
import static io.paycron.apidocs.Types.arrayOf;
import static io.paycron.apidocs.Types.bool;
import static io.paycron.apidocs.Types.freeObject;
import static io.paycron.apidocs.Types.integer;
import static io.paycron.apidocs.Types.oneOf;
import static io.paycron.apidocs.Types.ref;
import static io.paycron.apidocs.Types.string;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Charges without a schedule, payment lookup and cancel (API.md §4, §8). */
@Component
@Order(2)
class V1PaymentDocs implements EndpointDocs {

  private static final String NOT_FOUND = "No such payment: code 1, `존재하지 않는 결제정보입니다.`";
  private static final String STATUS =
      "Payment status filter: `ready`, `paid`, `failed`, `cancelled`, `all`; `undefined` means"
          + " no filter";
  private static final String CHARGE_ANSWER =
      "The Payment, code 0, whether approved (`status: paid`) or declined (`status: failed`,"
          + " `fail_reason`); `status: ready` when the gateway's answer is unknown (reconciliation"
          + " settles it). Refused with HTTP 200, code 1: a merchant_uid already paid"
          + " (`이미 결제 완료된 merchant_uid입니다.`) or still in progress.";

  @Override
  public void describe(ApiDocs docs) {
    String charges = docs.tag("Charges", "Charging a card now, without a schedule (i'mport V1).");
    String payments = docs.tag("Payments", "Payment lookup and refunds (i'mport V1).");

    docs.post("/subscribe/payments/onetime")
        .tag(charges)
        .summary("Charge card data directly")
        .description(
            "Charges the card given in the request. With `customer_uid` the card is also stored"
                + " as that billing key (`customer_uid_usage: issue`). A card that fails"
                + " validation answers code -1, `카드정보 인증에 실패하였습니다.` + reason.")
        .body(
            RequestFields.concat(
                RequestFields.charge(),
                RequestFields.card(true),
                List.of(optional("customer_uid", string("Also store the card as this key"))),
                RequestFields.buyer(null),
                RequestFields.customerDetails()))
        .returns(ref(V1Objects.PAYMENT), CHARGE_ANSWER);

    docs.post("/subscribe/payments/again")
        .tag(charges)
        .summary("Charge a stored billing key")
        .description(
            "Charges the billing key `customer_uid`. An unknown customer answers code 1,"
                + " `등록되지 않은 구매자입니다.`")
        .body(
            RequestFields.concat(
                List.of(required("customer_uid", string("The billing key to charge"))),
                RequestFields.charge(),
                RequestFields.buyer("the customer's")))
        .example(
            Endpoint.json(
                "customer_uid", "gildong_0001_1234",
                "merchant_uid", "order_0001",
                "amount", 8900,
                "name", "Monthly plan"))
        .returns(ref(V1Objects.PAYMENT), CHARGE_ANSWER);

    docs.get("/payments/{imp_uid}")
        .tag(payments)
        .summary("Get a payment")
        .returns(ref(V1Objects.PAYMENT))
        .error(404, NOT_FOUND);

    docs.get("/payments")
        .tag(payments)
        .summary("Get several payments")
        .description("At most 100 ids in all.")
        .query(
            optional("imp_uid[]", arrayOf(string("imp_uid"), "Payments by imp_uid")),
            optional(
                "merchant_uid[]",
                arrayOf(string("merchant_uid"), "Payments by merchant_uid (the newest of each)")))
        .returns(arrayOf(ref(V1Objects.PAYMENT), "The ones found"), "All were found.")
        .alsoAnswers(207, "Only some were found: those are in `response`.")
        .error(404, NOT_FOUND);

    docs.get("/payments/find/{merchant_uid}", "/payments/find/{merchant_uid}/{status}")
        .tag(payments)
        .summary("Find the newest payment of a merchant_uid")
        .pathVariable("status", STATUS)
        .query(sorting())
        .returns(ref(V1Objects.PAYMENT))
        .error(404, NOT_FOUND);

    docs.get("/payments/findAll/{merchant_uid}", "/payments/findAll/{merchant_uid}/{status}")
        .tag(payments)
        .summary("List the payments of a merchant_uid")
        .pathVariable("status", STATUS)
        .query(sorting())
        .query(RequestFields.paging())
        .returns(ref(V1Objects.PAYMENT_PAGE));

    docs.get("/payments/status/{status}")
        .tag(payments)
        .summary("List payments by status")
        .description(
            "Payments started in [`from`, `to`]; the span is at most (and by default) 90 days."
                + " An unknown status answers 400 `지원되지 않는 상태값입니다.`")
        .pathVariable("status", "`all`, `ready`, `paid`, `cancelled` or `failed`")
        .query(
            optional("from", integer("Start, UNIX seconds (default: `to` − 90 days)")),
            optional("to", integer("End, UNIX seconds (default: now)")),
            sorting())
        .query(RequestFields.paging())
        .returns(ref(V1Objects.PAYMENT_PAGE));

    docs.post("/payments/cancel")
        .tag(payments)
        .summary("Refund a payment, fully or partly")
        .description(
            "`cancel_amount` grows and `cancel_history` gains an entry; after a partial refund"
                + " `status` stays `paid`, when nothing is left it becomes `cancelled`. Refused"
                + " with HTTP 200, code 1: unknown payment (`취소할 결제건이 존재하지 않습니다.`),"
                + " neither id given, already cancelled, amount too large, checksum mismatch.")
        .body(
            List.of(
                optional("imp_uid", string("The payment (wins over merchant_uid)")),
                optional("merchant_uid", string("The payment, by order id")),
                optional("amount", amount("Amount to refund; absent or 0 = all that is left")),
                optional("tax_free", amount("Tax-free part of the refund")),
                optional("vat_amount", amount("VAT part of the refund")),
                optional(
                    "checksum",
                    amount(
                        "The caller's view of the refundable balance; a mismatch refuses, and"
                            + " so does a refund still in flight, so two requests carrying the"
                            + " same balance refund once")),
                optional("reason", string("Why")),
                optional("enable_webhook", bool("Send a `cancelled` webhook (default false)")),
                optional("extra", freeObject("Accepted, not used"))))
        .example(
            Endpoint.json("merchant_uid", "order_0001", "amount", 1000, "reason", "partial refund"))
        .returns(ref(V1Objects.PAYMENT), "The refunded payment.");
  }

  private static Field sorting() {
    return optional(
        "sorting",
        oneOf(
            "Order: newest started first by default",
            "-started",
            "started",
            "-paid",
            "paid",
            "-updated",
            "updated"));
  }
}
