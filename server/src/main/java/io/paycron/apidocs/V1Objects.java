package io.paycron.apidocs;

import static io.paycron.apidocs.Field.key;
import static io.paycron.apidocs.Types.amount;
import static io.paycron.apidocs.Types.arrayOf;
import static io.paycron.apidocs.Types.bool;
import static io.paycron.apidocs.Types.int32;
import static io.paycron.apidocs.Types.nullable;
import static io.paycron.apidocs.Types.oneOf;
import static io.paycron.apidocs.Types.ref;
import static io.paycron.apidocs.Types.seconds;
import static io.paycron.apidocs.Types.string;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The i'mport V1 objects (API.md §7): Payment, Customer, Schedule and the paged wrapper. */
@Component
@Order(0)
class V1Objects implements EndpointDocs {

  static final String PAYMENT = "Payment";
  static final String CUSTOMER = "Customer";
  static final String SCHEDULE = "Schedule";
  static final String PAYMENT_PAGE = "PaymentPage";
  static final String SCHEDULE_PAGE = "SchedulePage";

  @Override
  public void describe(ApiDocs docs) {
    docs.schema(PAYMENT, payment());
    docs.schema("CancelHistoryEntry", cancelHistoryEntry());
    docs.schema(CUSTOMER, customer());
    docs.schema(SCHEDULE, schedule());
    docs.schema(PAYMENT_PAGE, page(PAYMENT));
    docs.schema(SCHEDULE_PAGE, page(SCHEDULE));
  }

  private static io.swagger.v3.oas.models.media.Schema<?> payment() {
    return Types.object(
        "A payment (API.md §7.1). Every key is present.",
        List.of(
            key("imp_uid", string("Paycron's payment id: `imps_` + 12 digits")),
            key("merchant_uid", string("The merchant's order id")),
            key("pay_method", oneOf("Always `card`", "card")),
            key("channel", oneOf("Always `api`", "api")),
            key("pg_provider", nullable(string("Gateway: sandbox, tosspayments, portone_v2"))),
            key("emb_pg_provider", nullable(string("Same as pg_provider"))),
            key("pg_tid", nullable(string("The gateway's transaction id"))),
            key("pg_id", nullable(string("The gateway's merchant id (MID)"))),
            key("escrow", bool("Always false")),
            key("sandbox", bool("Whether the payment ran on the sandbox gateway")),
            key("apply_num", nullable(string("Card approval number"))),
            key("bank_code", nullable(string("Always null (card payments only)"))),
            key("bank_name", nullable(string("Always null (card payments only)"))),
            key("card_code", nullable(string("Card company code"))),
            key("card_name", nullable(string("Card company name"))),
            key("card_issuer_code", nullable(string("Issuer code"))),
            key("card_issuer_name", nullable(string("Issuer name"))),
            key("card_publisher_code", nullable(string("Publisher code"))),
            key("card_publisher_name", nullable(string("Publisher name"))),
            key("card_quota", int32("Installment months; 0 = lump sum")),
            key("card_number", nullable(string("Masked card number, e.g. `42424242****4242`"))),
            key("card_type", nullable(int32("0 credit, 1 check (debit); null if unknown"))),
            key("vbank_code", nullable(string("Always null"))),
            key("vbank_name", nullable(string("Always null"))),
            key("vbank_num", nullable(string("Always null"))),
            key("vbank_holder", nullable(string("Always null"))),
            key("vbank_date", seconds("Always 0")),
            key("vbank_issued_at", seconds("Always 0")),
            key("name", nullable(string("Order name"))),
            key("amount", amount("Charged amount")),
            key("cancel_amount", amount("Refunded so far")),
            key("currency", string("ISO 4217 code, e.g. KRW")),
            key("buyer_name", nullable(string("Buyer name"))),
            key("buyer_email", nullable(string("Buyer email"))),
            key("buyer_tel", nullable(string("Buyer phone"))),
            key("buyer_addr", nullable(string("Buyer address"))),
            key("buyer_postcode", nullable(string("Buyer postcode"))),
            key("custom_data", nullable(string("The merchant's data, as sent"))),
            key("user_agent", nullable(string("Always null (server-to-server)"))),
            key(
                "status",
                oneOf(
                    "`ready` while the outcome is unknown (reconciliation settles it), `paid`,"
                        + " `failed` (declined) or `cancelled` (fully refunded)",
                    "ready",
                    "paid",
                    "cancelled",
                    "failed")),
            key("started_at", seconds("When the charge was requested")),
            key("paid_at", seconds("When it was approved")),
            key("failed_at", seconds("When it was declined")),
            key("cancelled_at", seconds("When it was fully refunded")),
            key("fail_reason", nullable(string("Why it was declined"))),
            key("cancel_reason", nullable(string("Reason of the last refund"))),
            key("receipt_url", nullable(string("Receipt URL (empty in the sandbox)"))),
            key("cancel_history", arrayOf(ref("CancelHistoryEntry"), "Refunds, oldest first")),
            key("cancel_receipt_urls", arrayOf(string("URL"), "One per refund")),
            key("cash_receipt_issued", bool("Always false")),
            key("customer_uid", nullable(string("The billing key charged, if any"))),
            key(
                "customer_uid_usage",
                nullable(
                    oneOf(
                        "`issue` (onetime that stored a key), `payment` (again, onetime),"
                            + " `payment.scheduled` (a schedule ran)",
                        "issue",
                        "payment",
                        "payment.scheduled"))),
            key("promotion", nullable(Types.freeObject("Always null")))));
  }

  private static io.swagger.v3.oas.models.media.Schema<?> cancelHistoryEntry() {
    return Types.object(
        "One refund of a payment.",
        List.of(
            key("pg_tid", nullable(string("The gateway's transaction id of the refund"))),
            key("amount", amount("Refunded amount")),
            key("cancelled_at", seconds("When it was refunded")),
            key("reason", nullable(string("The reason given"))),
            key("receipt_url", nullable(string("Receipt URL (empty in the sandbox)"))),
            key("cancellation_id", nullable(string("Paycron's id of this refund")))));
  }

  private static io.swagger.v3.oas.models.media.Schema<?> customer() {
    return Types.object(
        "A stored card: one billing key (API.md §7.2). The card number is masked.",
        List.of(
            key("customer_uid", string("The merchant's name for this billing key")),
            key("customer_id", nullable(string("The merchant's id of the person"))),
            key("pg_provider", nullable(string("Gateway holding the key"))),
            key("pg_id", nullable(string("The gateway's merchant id (MID)"))),
            key("card_name", nullable(string("Card company name"))),
            key("card_code", nullable(string("Card company code"))),
            key("card_issuer_code", nullable(string("Issuer code"))),
            key("card_issuer_name", nullable(string("Issuer name"))),
            key("card_publisher_code", nullable(string("Publisher code"))),
            key("card_publisher_name", nullable(string("Publisher name"))),
            key("card_number", nullable(string("Masked card number, e.g. `42424242****4242`"))),
            key("card_type", nullable(int32("0 credit, 1 check (debit); null if unknown"))),
            key("customer_name", nullable(string("Name"))),
            key("customer_tel", nullable(string("Phone"))),
            key("customer_email", nullable(string("Email"))),
            key("customer_addr", nullable(string("Address"))),
            key("customer_postcode", nullable(string("Postcode"))),
            key("inserted", seconds("When the key was first issued")),
            key("updated", seconds("When the card was last replaced")),
            key("sandbox", bool("Whether the key lives on the sandbox gateway"))));
  }

  private static io.swagger.v3.oas.models.media.Schema<?> schedule() {
    return Types.object(
        "A scheduled payment (API.md §7.3). `customer_uid`, `merchant_uid`, `schedule_at` and"
            + " `amount` are never null.",
        List.of(
            key("customer_uid", string("The billing key to charge")),
            key("merchant_uid", string("The order id the charge will carry")),
            key("imp_uid", nullable(string("The payment, once executed"))),
            key("customer_id", nullable(string("The merchant's id of the person"))),
            key("pg_provider", nullable(string("Gateway"))),
            key("pg_id", nullable(string("The gateway's merchant id (MID)"))),
            key("schedule_at", seconds("When to charge")),
            key("executed_at", seconds("When it was charged")),
            key("revoked_at", seconds("When it was revoked")),
            key("amount", amount("Amount to charge")),
            key("currency", string("ISO 4217 code, e.g. KRW")),
            key("name", nullable(string("Order name"))),
            key("buyer_name", nullable(string("Buyer name"))),
            key("buyer_email", nullable(string("Buyer email"))),
            key("buyer_tel", nullable(string("Buyer phone"))),
            key("buyer_addr", nullable(string("Buyer address"))),
            key("buyer_postcode", nullable(string("Buyer postcode"))),
            key("custom_data", nullable(string("The merchant's data, as sent"))),
            key(
                "schedule_status",
                oneOf("Where the schedule is", "scheduled", "executed", "revoked")),
            key(
                "payment_status",
                nullable(
                    oneOf(
                        "null until the attempt is settled, then the payment's status",
                        "paid",
                        "failed",
                        "cancelled"))),
            key("fail_reason", nullable(string("Why the charge was declined"))),
            key("promotion_id", nullable(string("As sent")))));
  }

  private static io.swagger.v3.oas.models.media.Schema<?> page(String item) {
    return Types.object(
        "One page of a list (API.md §7.4); `previous`/`next` are page numbers, 0 when none.",
        List.of(
            key("total", Types.integer("How many match in all")),
            key("previous", int32("Previous page number, 0 if this is the first")),
            key("next", int32("Next page number, 0 if this is the last")),
            key("list", arrayOf(ref(item), "This page's items"))));
  }
}
