package io.paycron.apidocs;

import static io.paycron.apidocs.Field.optional;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.amount;
import static io.paycron.apidocs.Types.bool;
import static io.paycron.apidocs.Types.freeObject;
import static io.paycron.apidocs.Types.int32;
import static io.paycron.apidocs.Types.string;

import java.util.ArrayList;
import java.util.List;

/** Groups of request keys several V1 endpoints read alike (API.md §3–§5). */
final class RequestFields {

  private RequestFields() {}

  /** Card data: passed to the gateway and dropped, never stored or logged. */
  static List<Field> card(boolean requiredCard) {
    return List.of(
        new Field(
            "card_number",
            string("Card number, `dddd-dddd-dddd-dddd` (dashes and spaces optional)"),
            requiredCard),
        new Field("expiry", string("Expiry `YYYY-MM`"), requiredCard),
        optional(
            "birth",
            string(
                "Birth date `YYMMDD`, or a 10-digit business number (usually required by the"
                    + " card company)")),
        optional("pwd_2digit", string("First two digits of the card password (usually required)")),
        optional("cvc", string("CVC")),
        optional(
            "pg",
            string("Gateway to use: `name` or `name.mid` (default: the merchant's default)")));
  }

  static List<Field> customerDetails() {
    return List.of(
        optional("customer_id", string("The merchant's id of the person")),
        optional("customer_name", string("Name")),
        optional("customer_tel", string("Phone")),
        optional("customer_email", string("Email")),
        optional("customer_addr", string("Address")),
        optional("customer_postcode", string("Postcode")));
  }

  static List<Field> buyer(String defaultsTo) {
    String suffix = defaultsTo == null ? "" : " (default: " + defaultsTo + ")";
    return List.of(
        optional("buyer_name", string("Buyer name" + suffix)),
        optional("buyer_email", string("Buyer email" + suffix)),
        optional("buyer_tel", string("Buyer phone" + suffix)),
        optional("buyer_addr", string("Buyer address" + suffix)),
        optional("buyer_postcode", string("Buyer postcode" + suffix)));
  }

  /** What a charge (onetime, again, one schedule) reads beside who pays. */
  static List<Field> charge() {
    return List.of(
        required("merchant_uid", string("The order id; one paid payment per merchant_uid")),
        required("amount", amount("Amount to charge, more than 0")),
        optional("currency", string("ISO 4217 code (default KRW)")),
        optional("tax_free", amount("Tax-free part of the amount")),
        optional("vat_amount", amount("VAT part of the amount")),
        optional("name", string("Order name")),
        optional(
            "card_quota",
            int32("Installment months; 0 or 1 = lump sum, ≥ 2 needs amount ≥ 50,000 KRW")),
        optional("interest_free_by_merchant", bool("Accepted, no effect")),
        optional("use_card_point", bool("Accepted, no effect")),
        optional("custom_data", string("Kept and answered as sent (a string)")),
        optional(
            "notice_url",
            string("Webhook URL for this payment (onetime/again: a webhook is sent only then)")),
        optional("browser_ip", string("Accepted, not used")),
        optional("product_type", string("Accepted, not used")),
        optional("product_count", int32("Accepted; 0 means 1")),
        optional("cash_receipt_type", string("Accepted, not used")),
        optional("bypass", freeObject("Accepted, not used")),
        optional("promotion_id", string("Kept on schedules")),
        optional("extra", freeObject("Accepted, not used")));
  }

  /** {@code page} (from 1) and {@code limit} (20, at most 1,000) of a paged list. */
  static Field[] paging() {
    return new Field[] {
      optional("page", int32("Page number, from 1 (default 1)")),
      optional("limit", int32("Page size, 1 to 1,000 (default 20)"))
    };
  }

  @SafeVarargs
  static List<Field> concat(List<Field>... groups) {
    List<Field> all = new ArrayList<>();
    for (List<Field> group : groups) {
      all.addAll(group);
    }
    return all;
  }
}
