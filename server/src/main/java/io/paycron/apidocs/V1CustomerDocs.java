package io.paycron.apidocs;

import static io.paycron.apidocs.Field.key;
import static io.paycron.apidocs.Field.optional;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.arrayOf;
import static io.paycron.apidocs.Types.ref;
import static io.paycron.apidocs.Types.seconds;
import static io.paycron.apidocs.Types.string;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** getToken and billing keys (API.md §2, §3). */
@Component
@Order(1)
class V1CustomerDocs implements EndpointDocs {

  static final String NOT_FOUND_CUSTOMER =
      "No billing key with this customer_uid: code 1,"
          + " `요청하신 customer_uid({uid})로 등록된 정보를 찾을 수 없습니다.`";

  @Override
  public void describe(ApiDocs docs) {
    String token = docs.tag("Token", "An access token for the merchant API (i'mport V1).");
    String customers =
        docs.tag(
            "Billing keys",
            "Stored cards, each named by the merchant's `customer_uid` (i'mport V1).");
    String tokenSchema =
        docs.schema(
            "Token",
            Types.object(
                "An access token: exactly these three keys.",
                List.of(
                    key("access_token", string("Send it as `Authorization: <token>`")),
                    key("now", seconds("The server's time")),
                    key("expired_at", seconds("When the token expires (30 minutes)")))));

    docs.post("/users/getToken")
        .tag(token)
        .access(Access.PUBLIC)
        .summary("Get an access token")
        .description(
            "A token lives 30 minutes. Asking again before it expires returns the same token;"
                + " asking in its last minute extends it by 5 minutes, so fetching one before"
                + " every call is cheap.")
        .body(
            List.of(
                required("imp_key", string("API key")),
                required("imp_secret", string("API secret"))))
        .example(
            Endpoint.json(
                "imp_key",
                "imp_apikey",
                "imp_secret",
                "ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f"))
        .returns(ref(tokenSchema))
        .error(400, "`imp_key` or `imp_secret` missing: `imp_key, imp_secret 파라메터가 누락되었습니다.`")
        .error(401, "Wrong key or secret: code -1, `Unauthorized`.")
        .error(
            429, "Too many failed attempts for this key or from this address (see `Retry-After`).");

    docs.post("/subscribe/customers/{customer_uid}")
        .tag(customers)
        .summary("Issue or replace a billing key")
        .description(
            "Registers the card under `customer_uid`; reusing a uid replaces the card. Card"
                + " number, birth and password go to the gateway and are dropped. A card the"
                + " card company refuses answers HTTP 200, code -1,"
                + " `카드정보 인증 및 빌키 발급에 실패하였습니다. [code] reason`.")
        .body(
            RequestFields.concat(
                RequestFields.card(true),
                RequestFields.customerDetails(),
                List.of(
                    optional(
                        "test_clock_id",
                        string(
                            "Paycron (sandbox): the customer joins this test clock with its"
                                + " first billing key")))))
        .example(
            Endpoint.json(
                "card_number", "4242-4242-4242-4242",
                "expiry", "2030-12",
                "birth", "900101",
                "pwd_2digit", "12",
                "customer_name", "Hong Gildong"))
        .returns(ref(V1Objects.CUSTOMER), "The billing key (code -1 when the card is refused).");

    docs.get("/subscribe/customers/{customer_uid}")
        .tag(customers)
        .summary("Get a billing key")
        .returns(ref(V1Objects.CUSTOMER))
        .error(404, NOT_FOUND_CUSTOMER);

    docs.delete("/subscribe/customers/{customer_uid}")
        .tag(customers)
        .summary("Delete a billing key")
        .description(
            "Deletes the key (also at the gateway when it supports that) and revokes the"
                + " customer's pending schedules.")
        .query(
            optional("reason", string("Why (kept for display only)")),
            optional("extra[requester]", string("Accepted, not used")))
        .returns(ref(V1Objects.CUSTOMER), "The billing key just deleted.")
        .header(
            "Paycron-Revoked-Schedules",
            "Comma-separated, URL-encoded merchant_uids of the schedules revoked with it")
        .error(404, NOT_FOUND_CUSTOMER);

    docs.get("/subscribe/customers")
        .tag(customers)
        .summary("Get several billing keys")
        .query(
            required(
                "customer_uid[]",
                arrayOf(string("customer_uid"), "The billing keys to get (1 to 100)")))
        .returns(arrayOf(ref(V1Objects.CUSTOMER), "The ones found"), "All were found.")
        .alsoAnswers(207, "Only some were found: those are in `response`.")
        .error(404, "None was found.");

    docs.get("/subscribe/customers/{customer_uid}/payments")
        .tag(customers)
        .summary("List a billing key's payments")
        .description("Newest first.")
        .query(RequestFields.paging())
        .returns(ref(V1Objects.PAYMENT_PAGE));
  }
}
