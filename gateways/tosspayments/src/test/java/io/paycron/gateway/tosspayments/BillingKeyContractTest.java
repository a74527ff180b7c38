package io.paycron.gateway.tosspayments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CardData;
import io.paycron.gateway.CardInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/billing/authorizations/card}: what is sent, and how each answer maps. */
class BillingKeyContractTest extends TossStubTest {

  private static final String PATH = "/v1/billing/authorizations/card";
  private static final CardData CARD =
      new CardData("4330123412341234", "2028-07", "881212", "12", "123");

  @Test
  void sendsTheCardAsTossNamesItAndReturnsATokenWithTheCustomerKeyAndTheCardInfo() {
    toss.stubFor(post(PATH).willReturn(example("billing-authorizations-card.json")));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    toss.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo(DOCS_AUTHORIZATION))
            .withHeader("Content-Type", equalTo("application/json"))
            .withoutHeader("Idempotency-Key")
            // strict: no other field, so the CVC (which Toss's billing API does not take) is not
            // sent
            .withRequestBody(
                equalToJson(
                    """
                    {"customerKey": "cus_8f14e45fceea167a5a36dedd4bea2543",
                     "cardNumber": "4330123412341234",
                     "cardExpirationYear": "28",
                     "cardExpirationMonth": "07",
                     "customerIdentityNumber": "881212",
                     "cardPassword": "12"}
                    """)));
    assertThat(requestsReceived()).hasSize(1);
    assertThat(result)
        .isEqualTo(
            new BillingKeyResult.Issued(
                "cus_8f14e45fceea167a5a36dedd4bea2543/Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=",
                new CardInfo("43301234****123*", "61", "현대카드", 0, "61", "현대카드", "31", "BC카드")));
  }

  @Test
  void leavesOutTheBirthAndPasswordWhenTheMerchantSentNone() {
    toss.stubFor(post(PATH).willReturn(example("billing-authorizations-card.json")));

    gateway.issueBillingKey(
        new BillingKeyRequest(
            CUSTOMER_KEY, new CardData("4330123412341234", "2031-12", null, "", null)));

    toss.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"customerKey": "cus_8f14e45fceea167a5a36dedd4bea2543",
                     "cardNumber": "4330123412341234",
                     "cardExpirationYear": "31",
                     "cardExpirationMonth": "12"}
                    """)));
  }

  @Test
  void hashesACustomerKeyTossWouldRefuseAndKeepsTheHashInTheToken() {
    toss.stubFor(post(PATH).willReturn(example("billing-authorizations-card.json")));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest("고객 1", CARD));

    String hashed = "pc-jRktkHY3voTDbdx5wSRljhnMso00g52BSgFH5wPqciA";
    toss.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"customerKey\": \"" + hashed + "\"}", false, true)));
    assertThat(((BillingKeyResult.Issued) result).token()).isEqualTo(hashed + "/" + BILLING_KEY);
  }

  @ParameterizedTest
  @CsvSource({"체크, 1", "신용, 0", "기프트, ", "미확인, "})
  void mapsTossCardTypeToImportsCardType(String tossCardType, Integer expected) {
    toss.stubFor(
        post(PATH)
            .willReturn(
                json(
                    200,
                    resource("billing-authorizations-card.json")
                        .replace(
                            "\"cardType\": \"신용\"", "\"cardType\": \"" + tossCardType + "\""))));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    assertThat(((BillingKeyResult.Issued) result).card().cardType()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "400, INVALID_CARD_IDENTITY, 입력하신 주민번호/사업자번호가 카드 소유주 정보와 일치하지 않습니다.",
    "400, INVALID_CARD_NUMBER, 카드번호를 다시 확인해주세요.",
    "400, INVALID_CARD_PASSWORD, 카드 정보를 다시 확인해주세요. (비밀번호)",
    "400, INVALID_STOPPED_CARD, 정지된 카드 입니다.",
    "400, INVALID_BIRTH_DAY_FORMAT, 생년월일 정보는 6자리의 yyMMdd 형식이어야 합니다.",
    "403, REJECT_CARD_COMPANY, 결제 승인이 거절되었습니다.",
    "401, UNAUTHORIZED_KEY, 인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.",
    "500, FAILED_INTERNAL_SYSTEM_PROCESSING, 내부 시스템 처리 작업이 실패했습니다."
  })
  void aRefusalKeepsTossCodeAndMessage(int status, String code, String message) {
    toss.stubFor(post(PATH).willReturn(tossError(status, code, message)));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    assertThat(result).isEqualTo(new BillingKeyResult.Refused(code, message));
  }

  @Test
  void noAnswerInTimeIsARefusalThatNamesTheTimeoutAndNoCardData() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                slowerThanTheShortReadTimeout(example("billing-authorizations-card.json"))));

    BillingKeyResult result =
        impatientGateway().issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    assertThat(result)
        .isEqualTo(new BillingKeyResult.Refused("gateway_unavailable", "no answer within 300 ms"));
  }

  @Test
  void aGatewayErrorPageIsARefusalWithoutTheBody() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                aResponse().withStatus(502).withBody("<html>Bad Gateway 4330123412341234</html>")));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    assertThat(result)
        .isEqualTo(
            new BillingKeyResult.Refused(
                "gateway_unavailable", "HTTP 502 with a body that is not JSON"));
  }

  @Test
  void anApprovalWithoutABillingKeyIsARefusal() {
    toss.stubFor(post(PATH).willReturn(json(200, "{\"mId\": \"tosspayments\", \"card\": {}}")));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    assertThat(result)
        .isEqualTo(
            new BillingKeyResult.Refused(
                "gateway_unavailable", "Toss answered HTTP 200 without a billingKey"));
  }

  @Test
  void fallsBackToPaycronsMaskWhenTossSendsNoCardNumber() {
    toss.stubFor(
        post(PATH)
            .willReturn(json(200, "{\"billingKey\": \"bk\", \"card\": {\"issuerCode\": \"W1\"}}")));

    BillingKeyResult result = gateway.issueBillingKey(new BillingKeyRequest(CUSTOMER_KEY, CARD));

    assertThat(((BillingKeyResult.Issued) result).card())
        .isEqualTo(new CardInfo("43301234****1234", "W1", "우리카드", null, "W1", "우리카드", null, null));
  }

  @Test
  void aMalformedExpiryIsRefusedWithoutAskingToss() {
    BillingKeyResult result =
        gateway.issueBillingKey(
            new BillingKeyRequest(
                CUSTOMER_KEY, new CardData("4330123412341234", "07/28", null, null, null)));

    assertThat(result).isInstanceOf(BillingKeyResult.Refused.class);
    assertThat(((BillingKeyResult.Refused) result).code()).isEqualTo("invalid_expiry");
    assertThat(requestsReceived()).isEmpty();
  }

  @Test
  void deletingABillingKeySendsNothingBecauseTossOffersNoDeletion() {
    gateway.deleteBillingKey(TOKEN);

    assertThat(requestsReceived()).isEmpty();
  }
}
