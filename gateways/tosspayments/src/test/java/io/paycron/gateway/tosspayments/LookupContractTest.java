package io.paycron.gateway.tosspayments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.DeclineClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/payments/orders/{orderId}} for reconciliation. */
class LookupContractTest extends TossStubTest {

  private static final String PATH = "/v1/payments/orders/" + CHARGE_ORDER_ID;

  @Test
  void asksForTheOrderDerivedFromTheKeyAndSettlesADoneChargeAsApproved() {
    toss.stubFor(get(PATH).willReturn(example("payment-billing-done.json")));

    ChargeLookup lookup = gateway.lookupCharge(CHARGE_KEY);

    toss.verify(
        exactly(1),
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo(DOCS_AUTHORIZATION))
            .withRequestBody(absent()));
    assertThat(requestsReceived()).hasSize(1);
    assertThat(lookup)
        .isEqualTo(new ChargeLookup.Settled(new ChargeOutcome.Approved(PAYMENT_KEY, "00000000")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"payment-canceled.json", "payment-partial-canceled.json"})
  void aChargeRefundedSinceWasStillApproved(String example) {
    toss.stubFor(get(PATH).willReturn(example(example)));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Settled(new ChargeOutcome.Approved(PAYMENT_KEY, "00000000")));
  }

  @ParameterizedTest
  @CsvSource({
    "COMMON_ERROR, 일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요., SOFT",
    "REJECT_CARD_PAYMENT, 한도초과 혹은 잔액부족으로 결제에 실패했습니다., SOFT",
    "INVALID_CARD_LOST_OR_STOLEN, 분실 혹은 도난 카드입니다., HARD"
  })
  void anAbortedChargeIsSettledAsDeclinedWithTheFailureCode(
      String code, String message, DeclineClass declineClass) {
    toss.stubFor(
        get(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-aborted.json")
                        .replace("COMMON_ERROR", code)
                        .replace("일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.", message))));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(
            new ChargeLookup.Settled(new ChargeOutcome.Declined(code, message, declineClass)));
  }

  @Test
  void anExpiredPaymentWithoutAFailureIsDeclinedByItsStatus() {
    toss.stubFor(
        get(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-aborted.json")
                        .replace("\"ABORTED\"", "\"EXPIRED\"")
                        .replaceAll("\"failure\": \\{[^}]*\\}", "\"failure\": null"))));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(
            new ChargeLookup.Settled(
                new ChargeOutcome.Declined("EXPIRED", "결제가 승인되지 않았습니다.", DeclineClass.SOFT)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"IN_PROGRESS", "READY"})
  void aChargeStillInProgressIsNotSettledYet(String status) {
    toss.stubFor(
        get(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-billing-done.json")
                        .replace("\"DONE\"", "\"" + status + "\""))));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("Toss Payment is " + status));
  }

  @Test
  void tossNotFindingThePaymentMeansItNeverCharged() {
    toss.stubFor(get(PATH).willReturn(tossError(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.")));

    assertThat(gateway.lookupCharge(CHARGE_KEY)).isEqualTo(new ChargeLookup.NotFound());
  }

  @ParameterizedTest
  @CsvSource({
    "404, NOT_FOUND, 존재하지 않는 정보 입니다.",
    "401, UNAUTHORIZED_KEY, 인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.",
    "403, FORBIDDEN_REQUEST, 허용되지 않은 요청입니다.",
    "500, FAILED_INTERNAL_SYSTEM_PROCESSING, 내부 시스템 처리 작업이 실패했습니다."
  })
  void anyOtherRefusalProvesNothingAndIsAskedAgainLater(int status, String code, String message) {
    toss.stubFor(get(PATH).willReturn(tossError(status, code, message)));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("HTTP " + status + " " + code));
  }

  @Test
  void noAnswerInTimeIsUnavailable() {
    toss.stubFor(
        get(PATH).willReturn(slowerThanTheShortReadTimeout(example("payment-billing-done.json"))));

    assertThat(impatientGateway().lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("no answer within 300 ms"));
  }

  @Test
  void aMalformedAnswerIsUnavailable() {
    toss.stubFor(get(PATH).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("HTTP 503 with a body that is not JSON"));
  }

  @Test
  void anAnswerForAnotherOrderIsUnavailable() {
    toss.stubFor(
        get(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-billing-done.json")
                        .replace(CHARGE_ORDER_ID, "other-order"))));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("Toss answered for another orderId"));
  }
}
