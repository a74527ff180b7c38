package io.paycron.gateway.tosspayments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import io.paycron.gateway.DeclineClass;
import io.paycron.gateway.Money;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/billing/{billingKey}}: what is sent, and how each answer maps. */
class ChargeContractTest extends TossStubTest {

  private static final String PATH = "/v1/billing/Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=";
  private static final String LOOKUP_PATH = "/v1/payments/orders/" + CHARGE_ORDER_ID;

  private static ChargeRequest charge(String orderName, int quota) {
    return new ChargeRequest(CHARGE_KEY, TOKEN, Money.krw(4900), orderName, quota);
  }

  @Test
  void sendsTheChargeOnceWithTheDerivedOrderIdAsIdempotencyKeyAndReadsTheApproval() {
    toss.stubFor(post(PATH).willReturn(example("payment-billing-done.json")));

    ChargeOutcome outcome = gateway.charge(charge("토스 프라임 구독", 0));

    toss.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo(DOCS_AUTHORIZATION))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Idempotency-Key", equalTo(CHARGE_ORDER_ID))
            .withRequestBody(
                equalToJson(
                    """
                    {"customerKey": "cus_8f14e45fceea167a5a36dedd4bea2543",
                     "amount": 4900,
                     "orderId": "pc-djiiamIBmxQlhsJxR8ogzT75TRuGzSa8QTWL9066m9Y",
                     "orderName": "토스 프라임 구독",
                     "cardInstallmentPlan": 0}
                    """)));
    assertThat(requestsReceived()).hasSize(1);
    assertThat(outcome).isEqualTo(new ChargeOutcome.Approved(PAYMENT_KEY, "00000000"));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 0", "2, 2", "12, 12"})
  void sendsInstallmentMonthsAsCardInstallmentPlanWithALumpSumAsZero(int quota, int plan) {
    toss.stubFor(post(PATH).willReturn(example("payment-billing-done.json")));

    gateway.charge(charge("토스 프라임 구독", quota));

    toss.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"cardInstallmentPlan\": " + plan + "}", false, true)));
  }

  @Test
  void namesAnUnnamedOrderAndCutsALongNameToTossHundredCharacters() {
    toss.stubFor(post(PATH).willReturn(example("payment-billing-done.json")));

    gateway.charge(charge(null, 0));
    gateway.charge(charge("가".repeat(150), 0));

    toss.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"orderName\": \"정기결제\"}", false, true)));
    toss.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson("{\"orderName\": \"" + "가".repeat(100) + "\"}", false, true)));
  }

  @ParameterizedTest
  @CsvSource({
    "403, REJECT_CARD_PAYMENT, 한도초과 혹은 잔액부족으로 결제에 실패했습니다., SOFT",
    "403, REJECT_ACCOUNT_PAYMENT, 잔액부족으로 결제에 실패했습니다., SOFT",
    "400, EXCEED_MAX_DAILY_PAYMENT_COUNT, 하루 결제 가능 횟수를 초과했습니다., SOFT",
    "400, EXCEED_MAX_PAYMENT_AMOUNT, 하루 결제 가능 금액을 초과했습니다., SOFT",
    "400, CARD_PROCESSING_ERROR, 카드사에서 오류가 발생했습니다., SOFT",
    "401, UNAUTHORIZED_KEY, 인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다., SOFT",
    "400, INVALID_STOPPED_CARD, 정지된 카드 입니다., HARD",
    "400, INVALID_CARD_LOST_OR_STOLEN, 분실 혹은 도난 카드입니다., HARD",
    "400, INVALID_CARD_EXPIRATION, 카드 정보를 다시 확인해주세요. (유효기간), HARD",
    "400, INVALID_REJECT_CARD, 카드 사용이 거절되었습니다. 카드사 문의가 필요합니다., HARD",
    "403, REJECT_CARD_COMPANY, 결제 승인이 거절되었습니다., HARD",
    "400, INVALID_BILL_KEY_REQUEST, 빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다., HARD",
    "400, NOT_MATCHES_CUSTOMER_KEY, 빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다., HARD",
    "400, BELOW_MINIMUM_AMOUNT, 신용카드는 결제금액이 100원 이상 결제가 가능합니다., HARD",
    "400, A_CODE_TOSS_ADDS_LATER, 새로운 오류입니다., SOFT"
  })
  void aDeclineKeepsTossCodeAndMessageAndIsNotLookedUp(
      int status, String code, String message, DeclineClass declineClass) {
    toss.stubFor(post(PATH).willReturn(tossError(status, code, message)));

    ChargeOutcome outcome = gateway.charge(charge("토스 프라임 구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Declined(code, message, declineClass));
    assertThat(requestsReceived()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "500, FAILED_INTERNAL_SYSTEM_PROCESSING, 내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.",
    "500, FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING, 결제 기관 오류입니다.",
    "500, UNKNOWN_ERROR, 확인되지 않은 오류입니다. 잠시 후 다시 시도해주세요.",
    "409, IDEMPOTENT_REQUEST_PROCESSING, 이전 멱등 요청이 처리중입니다.",
    "403, FORBIDDEN_CONSECUTIVE_REQUEST, 반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.",
    "400, PROVIDER_ERROR, 일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요."
  })
  void anAnswerThatMayHideACompletedChargeIsUnknownAndNotRetried(
      int status, String code, String message) {
    toss.stubFor(post(PATH).willReturn(tossError(status, code, message)));

    ChargeOutcome outcome = gateway.charge(charge("토스 프라임 구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Unknown("HTTP " + status + " " + code));
    assertThat(requestsReceived()).hasSize(1);
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsUnknownAndNotRetried() {
    toss.stubFor(
        post(PATH).willReturn(slowerThanTheShortReadTimeout(example("payment-billing-done.json"))));

    ChargeOutcome outcome = impatientGateway().charge(charge("토스 프라임 구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Unknown("no answer within 300 ms"));
    assertThat(requestsReceived()).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsUnknown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ChargeOutcome outcome =
        connectTo(URI.create("http://127.0.0.1:" + closedPort), READ_TIMEOUT)
            .charge(charge("토스 프라임 구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Unknown("connection failed"));
  }

  @Test
  void aGatewayErrorPageIsUnknown() {
    toss.stubFor(
        post(PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(new ChargeOutcome.Unknown("HTTP 502 with a body that is not JSON"));
  }

  @Test
  void anApprovalThatIsNotJsonIsUnknown() {
    toss.stubFor(post(PATH).willReturn(json(200, "{\"paymentKey\": \"5EnNZRJ")));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(new ChargeOutcome.Unknown("HTTP 200 with a body that is not JSON"));
  }

  @Test
  void anApprovalWithoutAStatusIsUnknown() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-billing-done.json").replace("\"status\": \"DONE\",", ""))));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(new ChargeOutcome.Unknown("Toss Payment without a status"));
  }

  @Test
  void anApprovalForAnotherOrderIsUnknown() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-billing-done.json")
                        .replace(CHARGE_ORDER_ID, "someone-elses-order"))));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(new ChargeOutcome.Unknown("Toss answered for another orderId"));
  }

  @Test
  void anErrorWithoutACodeIsUnknown() {
    toss.stubFor(post(PATH).willReturn(json(400, "{\"message\": \"잘못된 요청입니다.\"}")));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(new ChargeOutcome.Unknown("HTTP 400 without a Toss error code"));
  }

  @Test
  void aDuplicateOrderIsPaycronsEarlierChargeSoItsOutcomeIsLookedUp() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                tossError(
                    400, "DUPLICATED_ORDER_ID", "이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.")));
    toss.stubFor(get(LOOKUP_PATH).willReturn(example("payment-billing-done.json")));

    ChargeOutcome outcome = gateway.charge(charge("토스 프라임 구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Approved(PAYMENT_KEY, "00000000"));
    toss.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    toss.verify(
        exactly(1),
        getRequestedFor(urlEqualTo(LOOKUP_PATH))
            .withHeader("Authorization", equalTo(DOCS_AUTHORIZATION))
            .withoutHeader("Idempotency-Key"));
  }

  @Test
  void anAlreadyProcessedPaymentThatFailedIsThatDecline() {
    toss.stubFor(
        post(PATH).willReturn(tossError(400, "ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다.")));
    toss.stubFor(get(LOOKUP_PATH).willReturn(example("payment-aborted.json")));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(
            new ChargeOutcome.Declined(
                "COMMON_ERROR", "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.", DeclineClass.SOFT));
  }

  @Test
  void aDuplicateOrderTossCannotFindStaysUnknown() {
    toss.stubFor(post(PATH).willReturn(tossError(400, "DUPLICATED_ORDER_ID", "중복된 주문번호 입니다.")));
    toss.stubFor(
        get(LOOKUP_PATH).willReturn(tossError(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.")));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(
            new ChargeOutcome.Unknown("DUPLICATED_ORDER_ID; lookup: Toss finds no such order"));
  }

  @Test
  void anAbortedPaymentInTheChargeAnswerIsItsDecline() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-aborted.json")
                        .replace("COMMON_ERROR", "INVALID_STOPPED_CARD")
                        .replace("일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.", "정지된 카드 입니다."))));

    assertThat(gateway.charge(charge("토스 프라임 구독", 0)))
        .isEqualTo(
            new ChargeOutcome.Declined("INVALID_STOPPED_CARD", "정지된 카드 입니다.", DeclineClass.HARD));
  }

  @Test
  void aCurrencyOtherThanWonIsDeclinedWithoutAskingToss() {
    ChargeOutcome outcome =
        gateway.charge(
            new ChargeRequest(
                CHARGE_KEY, TOKEN, Money.of(1050, Currency.getInstance("USD")), "x", 0));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) outcome).code()).isEqualTo("unsupported_currency");
    assertThat(requestsReceived()).isEmpty();
  }

  @Test
  void aTokenThisConnectorDidNotIssueIsDeclinedWithoutAskingToss() {
    ChargeOutcome outcome =
        gateway.charge(new ChargeRequest(CHARGE_KEY, "sbk_0123456789ab", Money.krw(4900), "x", 0));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) outcome).code()).isEqualTo("invalid_billing_key");
    assertThat(((ChargeOutcome.Declined) outcome).declineClass()).isEqualTo(DeclineClass.HARD);
    assertThat(requestsReceived()).isEmpty();
  }
}
