package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The merchant's whole i'mport flow over real HTTP, on SQLite and on PostgreSQL. */
class PaymentFlowTest {

  private static final Servers servers = new Servers();

  /** Every key of the V1 Payment object (API.md §7.1). */
  private static final List<String> PAYMENT_KEYS =
      List.of(
          "imp_uid",
          "merchant_uid",
          "pay_method",
          "channel",
          "pg_provider",
          "emb_pg_provider",
          "pg_tid",
          "pg_id",
          "escrow",
          "sandbox",
          "apply_num",
          "bank_code",
          "bank_name",
          "card_code",
          "card_name",
          "card_issuer_code",
          "card_issuer_name",
          "card_publisher_code",
          "card_publisher_name",
          "card_quota",
          "card_number",
          "card_type",
          "vbank_code",
          "vbank_name",
          "vbank_num",
          "vbank_holder",
          "vbank_date",
          "vbank_issued_at",
          "name",
          "amount",
          "cancel_amount",
          "currency",
          "buyer_name",
          "buyer_email",
          "buyer_tel",
          "buyer_addr",
          "buyer_postcode",
          "custom_data",
          "user_agent",
          "status",
          "started_at",
          "paid_at",
          "failed_at",
          "cancelled_at",
          "fail_reason",
          "cancel_reason",
          "receipt_url",
          "cancel_history",
          "cancel_receipt_urls",
          "cash_receipt_issued",
          "customer_uid",
          "customer_uid_usage",
          "promotion");

  private static final List<String> CUSTOMER_KEYS =
      List.of(
          "customer_uid",
          "customer_id",
          "pg_provider",
          "pg_id",
          "card_name",
          "card_code",
          "card_issuer_code",
          "card_issuer_name",
          "card_publisher_code",
          "card_publisher_name",
          "card_number",
          "card_type",
          "customer_name",
          "customer_tel",
          "customer_email",
          "customer_addr",
          "customer_postcode",
          "inserted",
          "updated",
          "sandbox");

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void walksTokenBillingKeyOnetimeAgainLookupAndCancels(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = unique("gildong");

    Map<String, Object> card = Cards.card(Cards.APPROVE);
    card.put("customer_name", "홍길동");
    card.put("customer_email", "gildong@example.com");
    Answer issued = api.postJson("/subscribe/customers/" + customerUid, card);
    assertThat(issued.status()).isEqualTo(200);
    assertThat(issued.code()).isZero();
    assertThat(issued.message()).isNull();
    JsonNode customer = issued.response();
    assertThat(customer.propertyNames()).containsExactlyInAnyOrderElementsOf(CUSTOMER_KEYS);
    assertThat(customer.get("customer_uid").asString()).isEqualTo(customerUid);
    assertThat(customer.get("card_number").asString()).isEqualTo("42424242****4242");
    assertThat(customer.get("card_type").isInt()).isTrue();
    assertThat(customer.get("sandbox").asBoolean()).isTrue();

    // onetime: charge card data directly (no customer_uid: nothing stored)
    Map<String, Object> onetime = Cards.card(Cards.APPROVE);
    onetime.put("merchant_uid", unique("once"));
    onetime.put("amount", 1200);
    onetime.put("card_quota", 0);
    onetime.put("custom_data", Map.of("plan", "basic"));
    Answer once = api.postJson("/subscribe/payments/onetime", onetime);
    assertThat(once.code()).as(once.toString()).isZero();
    assertThat(once.response().get("status").asString()).isEqualTo("paid");
    assertThat(once.response().get("customer_uid").isNull()).isTrue();
    assertThat(once.response().get("custom_data").asString()).isEqualTo("{\"plan\":\"basic\"}");

    // again: charge the stored billing key, form-encoded with a trailing slash
    String merchantUid = unique("order_monthly");
    Answer again =
        api.postForm(
            "/subscribe/payments/again/",
            Map.of(
                "customer_uid",
                customerUid,
                "merchant_uid",
                merchantUid,
                "amount",
                "8900",
                "name",
                "월간 이용권"));
    assertThat(again.code()).as(again.toString()).isZero();
    JsonNode paid = again.response();
    assertThat(paid.propertyNames()).containsExactlyInAnyOrderElementsOf(PAYMENT_KEYS);
    String impUid = paid.get("imp_uid").asString();
    assertThat(impUid).matches("imps_\\d{12}");
    assertThat(paid.get("status").asString()).isEqualTo("paid");
    assertThat(paid.get("amount").asLong()).isEqualTo(8900);
    assertThat(paid.get("cancel_amount").asLong()).isZero();
    assertThat(paid.get("currency").asString()).isEqualTo("KRW");
    assertThat(paid.get("pay_method").asString()).isEqualTo("card");
    assertThat(paid.get("channel").asString()).isEqualTo("api");
    assertThat(paid.get("customer_uid_usage").asString()).isEqualTo("payment");
    assertThat(paid.get("buyer_name").asString()).isEqualTo("홍길동");
    assertThat(paid.get("buyer_email").asString()).isEqualTo("gildong@example.com");
    assertThat(paid.get("card_number").asString()).isEqualTo("42424242****4242");
    assertThat(paid.get("card_type").asInt()).isZero();
    assertThat(paid.get("paid_at").asLong()).isPositive();
    assertThat(paid.get("failed_at").asLong()).isZero();
    assertThat(paid.get("cancelled_at").asLong()).isZero();
    assertThat(paid.get("cancel_history").isArray()).isTrue();

    // lookup with each token header style
    assertThat(api.get("/payments/" + impUid).response().get("merchant_uid").asString())
        .isEqualTo(merchantUid);
    Answer viaImpHeader =
        new ApiClient(server.baseUrl(), null)
            .send("GET", "/payments/find/" + merchantUid, null, null);
    assertThat(viaImpHeader.status()).isEqualTo(401);
    assertThat(
            api.withToken("Bearer " + api.token())
                .get("/payments/find/" + merchantUid + "/paid")
                .code())
        .isZero();

    // partial cancel: status stays paid, history gains an entry
    Answer partial =
        api.postJson(
            "/payments/cancel",
            Map.of("imp_uid", impUid, "amount", 1000, "checksum", 8900, "reason", "부분 환불"));
    assertThat(partial.code()).as(partial.toString()).isZero();
    assertThat(partial.response().get("status").asString()).isEqualTo("paid");
    assertThat(partial.response().get("cancel_amount").asLong()).isEqualTo(1000);
    JsonNode history = partial.response().get("cancel_history");
    assertThat(history.size()).isEqualTo(1);
    assertThat(history.get(0).get("amount").asLong()).isEqualTo(1000);
    assertThat(history.get(0).get("reason").asString()).isEqualTo("부분 환불");
    assertThat(history.get(0).get("cancellation_id").asString()).isNotBlank();

    // a stale checksum is refused and changes nothing
    Answer stale =
        api.postJson(
            "/payments/cancel", Map.of("imp_uid", impUid, "amount", 100, "checksum", 8900));
    assertThat(stale.code()).isEqualTo(1);
    assertThat(stale.message()).contains("checksum");
    assertThat(api.get("/payments/" + impUid).response().get("cancel_amount").asLong())
        .isEqualTo(1000);

    // more than the balance is refused
    Answer tooMuch = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 9000));
    assertThat(tooMuch.code()).isEqualTo(1);

    // full cancel of the rest, by merchant_uid
    Answer full = api.postJson("/payments/cancel", Map.of("merchant_uid", merchantUid));
    assertThat(full.code()).as(full.toString()).isZero();
    assertThat(full.response().get("status").asString()).isEqualTo("cancelled");
    assertThat(full.response().get("cancel_amount").asLong()).isEqualTo(8900);
    assertThat(full.response().get("cancelled_at").asLong()).isPositive();
    assertThat(full.response().get("cancel_history").size()).isEqualTo(2);

    Answer again2 = api.postJson("/payments/cancel", Map.of("imp_uid", impUid));
    assertThat(again2.code()).isEqualTo(1);
    assertThat(again2.message()).contains("전액취소");

    // the merchant_uid stays spent after the refund
    Answer reuse =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 8900));
    assertThat(reuse.code()).isEqualTo(1);
    assertThat(reuse.message()).isEqualTo("이미 결제 완료된 merchant_uid입니다.");

    // the customer's payments list shows it
    Answer byCustomer = api.get("/subscribe/customers/" + customerUid + "/payments");
    assertThat(byCustomer.response().get("total").asLong()).isEqualTo(1);
    assertThat(byCustomer.response().get("list").get(0).get("imp_uid").asString())
        .isEqualTo(impUid);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void declinedChargeIsPaidStatusFailedAndMerchantUidCanBeRetried(TestDatabase database) {
    ApiClient api = servers.on(database).sandboxClient();
    String customerUid = unique("poor");
    assertThat(
            api.postJson(
                    "/subscribe/customers/" + customerUid, Cards.card(Cards.INSUFFICIENT_FUNDS))
                .code())
        .isZero();
    String merchantUid = unique("order");
    Answer declined =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 5000));
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.code()).isZero();
    assertThat(declined.response().get("status").asString()).isEqualTo("failed");
    assertThat(declined.response().get("fail_reason").asString()).contains("insufficient_funds");
    assertThat(declined.response().get("failed_at").asLong()).isPositive();

    // the card is replaced; the same merchant_uid may be charged again after a failure
    assertThat(
            api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    Answer retried =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 5000));
    assertThat(retried.response().get("status").asString()).isEqualTo("paid");
    assertThat(retried.response().get("imp_uid").asString())
        .isNotEqualTo(declined.response().get("imp_uid").asString());
    assertThat(api.get("/payments/find/" + merchantUid).response().get("status").asString())
        .isEqualTo("paid");
    Answer all = api.get("/payments/findAll/" + merchantUid);
    assertThat(all.response().get("total").asLong()).isEqualTo(2);
    assertThat(
            api.get("/payments/findAll/" + merchantUid + "/failed")
                .response()
                .get("total")
                .asLong())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void refusesCardsTheCardCompanyRefuses(TestDatabase database) {
    ApiClient api = servers.on(database).sandboxClient();
    String customerUid = unique("expired");
    Answer refused = api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.EXPIRED));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.code()).isEqualTo(-1);
    assertThat(refused.message()).startsWith("카드정보 인증 및 빌키 발급에 실패하였습니다. [expired_card]");
    assertThat(api.get("/subscribe/customers/" + customerUid).status()).isEqualTo(404);

    Map<String, Object> onetime = Cards.card("4242-4242-4242-4241"); // fails the Luhn check
    onetime.put("merchant_uid", unique("bad"));
    onetime.put("amount", 1000);
    Answer bad = api.postJson("/subscribe/payments/onetime", onetime);
    assertThat(bad.code()).isEqualTo(-1);
    assertThat(bad.message()).startsWith("카드정보 인증에 실패하였습니다.");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anotherMerchantsObjectsAnswerExactlyLikeMissingOnes(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient merchantA = server.newMerchantClient("A");
    ApiClient merchantB = server.newMerchantClient("B");
    String customerUid = unique("shared_name");
    merchantA.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    String merchantUid = unique("order");
    String impUid =
        merchantA
            .postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 1000))
            .response()
            .get("imp_uid")
            .asString();

    assertSameAsMissing(merchantB, "/payments/" + impUid, "/payments/imps_000000000000");
    assertSameAsMissing(merchantB, "/payments/find/" + merchantUid, "/payments/find/nothing_here");
    assertSameAsMissing(
        merchantB,
        "/subscribe/customers/" + customerUid,
        "/subscribe/customers/" + customerUid + "x");
    assertThat(merchantB.delete("/subscribe/customers/" + customerUid).status()).isEqualTo(404);
    Answer cancel = merchantB.postJson("/payments/cancel", Map.of("imp_uid", impUid));
    assertThat(cancel.message()).isEqualTo("취소할 결제건이 존재하지 않습니다.");
    Answer charge =
        merchantB.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", unique("x"), "amount", 1000));
    assertThat(charge.message()).isEqualTo("등록되지 않은 구매자입니다.");
    // and merchant A still sees everything untouched
    assertThat(merchantA.get("/payments/" + impUid).response().get("status").asString())
        .isEqualTo("paid");
    assertThat(merchantA.get("/subscribe/customers/" + customerUid).code()).isZero();
  }

  private static void assertSameAsMissing(ApiClient client, String foreign, String missing) {
    Answer a = client.get(foreign);
    Answer b = client.get(missing);
    assertThat(a.status()).isEqualTo(404);
    assertThat(b.status()).isEqualTo(404);
    assertThat(a.raw().body()).isEqualTo(b.raw().body().replace("x)", ")"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void multiGetAnswers207ForSomeAnd404ForNone(TestDatabase database) {
    ApiClient api = servers.on(database).sandboxClient();
    String customerUid = unique("multi");
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    String impUid =
        api.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", customerUid, "merchant_uid", unique("m"), "amount", 100))
            .response()
            .get("imp_uid")
            .asString();

    Answer both = api.get("/payments?imp_uid%5B%5D=" + impUid + "&imp_uid%5B%5D=imps_000000000001");
    assertThat(both.status()).isEqualTo(207);
    assertThat(both.response().size()).isEqualTo(1);
    Answer raw = api.get("/payments?imp_uid[]=" + impUid);
    assertThat(raw.status()).isEqualTo(200);
    assertThat(api.get("/payments?imp_uid[]=imps_000000000001").status()).isEqualTo(404);

    Answer customers =
        api.get("/subscribe/customers?customer_uid[]=" + customerUid + "&customer_uid[]=nobody");
    assertThat(customers.status()).isEqualTo(207);
    assertThat(customers.response().get(0).get("customer_uid").asString()).isEqualTo(customerUid);
    assertThat(api.get("/subscribe/customers?customer_uid[]=nobody").status()).isEqualTo(404);

    Answer byStatus = api.get("/payments/status/paid?limit=1000");
    assertThat(byStatus.code()).isZero();
    assertThat(byStatus.response().get("list").findValuesAsString("imp_uid")).contains(impUid);
    Answer unknownStatus = api.get("/payments/status/weird");
    assertThat(unknownStatus.status()).isEqualTo(400);
    assertThat(unknownStatus.message()).isEqualTo("지원되지 않는 상태값입니다.");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deletingABillingKeyReturnsItAndForgetsIt(TestDatabase database) {
    ApiClient api = servers.on(database).sandboxClient();
    String customerUid = unique("leaving");
    Map<String, Object> card = new HashMap<>(Cards.card(Cards.APPROVE));
    api.postJson("/subscribe/customers/" + customerUid, card);
    Answer deleted =
        api.delete(
            "/subscribe/customers/" + customerUid + "?reason=bye&extra%5Brequester%5D=customer");
    assertThat(deleted.code()).isZero();
    assertThat(deleted.response().get("customer_uid").asString()).isEqualTo(customerUid);
    Answer gone = api.get("/subscribe/customers/" + customerUid);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.message())
        .isEqualTo("요청하신 customer_uid(" + customerUid + ")로 등록된 정보를 찾을 수 없습니다.");
    Answer charge =
        api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", customerUid, "merchant_uid", unique("x"), "amount", 1000));
    assertThat(charge.code()).isEqualTo(1);
  }
}
