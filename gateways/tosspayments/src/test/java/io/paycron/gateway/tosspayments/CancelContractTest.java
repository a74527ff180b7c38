package io.paycron.gateway.tosspayments;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/payments/{paymentKey}/cancel}: full and partial refunds. */
class CancelContractTest extends TossStubTest {

  private static final String PATH = "/v1/payments/" + PAYMENT_KEY + "/cancel";
  private static final String REFUND_KEY = "refund:m_1:1:order-2026-0001:1";
  private static final String REFUND_IDEMPOTENCY_KEY =
      "pc-cancel-ecufZs8seViGL9oZ50i-jDZsoQmO1jSGDmMLoJ0HKUg";

  @Test
  void aPartialRefundSendsItsAmountAndReasonWithADerivedIdempotencyKey() {
    toss.stubFor(post(PATH).willReturn(example("payment-partial-canceled.json")));

    CancelOutcome outcome =
        gateway.cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(1000), "고객 요청"));

    toss.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo(DOCS_AUTHORIZATION))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Idempotency-Key", equalTo(REFUND_IDEMPOTENCY_KEY))
            .withRequestBody(equalToJson("{\"cancelReason\": \"고객 요청\", \"cancelAmount\": 1000}")));
    assertThat(requestsReceived()).hasSize(1);
    assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled("090A796806E726BBB929F4A2CA7DB9A7"));
  }

  @Test
  void aFullRefundSendsTheWholeAmountAndADefaultReason() {
    toss.stubFor(post(PATH).willReturn(example("payment-canceled.json")));

    CancelOutcome outcome =
        gateway.cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(4900), null));

    toss.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"cancelReason\": \"결제 취소\", \"cancelAmount\": 4900}")));
    assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled("1F8A0A5E6D6FD9CB3D3B8E2C0A5E7B11"));
  }

  @Test
  void anAnswerWithoutLastTransactionKeyUsesTheLastCancel() {
    toss.stubFor(
        post(PATH)
            .willReturn(
                json(
                    200,
                    resource("payment-partial-canceled.json")
                        .replace(
                            "\"lastTransactionKey\": \"090A796806E726BBB929F4A2CA7DB9A7\",", ""))));

    assertThat(gateway.cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(1000), "고객 요청")))
        .isEqualTo(new CancelOutcome.Cancelled("090A796806E726BBB929F4A2CA7DB9A7"));
  }

  @ParameterizedTest
  @CsvSource({
    "403, NOT_CANCELABLE_AMOUNT, 취소 할 수 없는 금액 입니다.",
    "403, NOT_CANCELABLE_PAYMENT, 취소 할 수 없는 결제 입니다.",
    "400, ALREADY_CANCELED_PAYMENT, 이미 취소된 결제 입니다.",
    "403, EXCEED_MAX_REFUND_DUE, 환불 가능한 기간이 초과했습니다.",
    "403, NOT_ALLOWED_PARTIAL_REFUND, 에스크로 주문 현금 카드 결제 등의 사유로 부분 환불이 불가합니다.",
    "404, NOT_FOUND_PAYMENT, 존재하지 않는 결제 정보 입니다."
  })
  void aRefusalKeepsTossCodeAndMessage(int status, String code, String message) {
    toss.stubFor(post(PATH).willReturn(tossError(status, code, message)));

    assertThat(gateway.cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(1000), "고객 요청")))
        .isEqualTo(new CancelOutcome.Refused(code, message));
  }

  @ParameterizedTest
  @CsvSource({
    "500, FAILED_REFUND_PROCESS, 은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다.",
    "500, FAILED_METHOD_HANDLING_CANCEL, 취소 중 결제 시 사용한 결제수단 처리과정에서 일시적인 오류가 발생했습니다.",
    "409, IDEMPOTENT_REQUEST_PROCESSING, 이전 멱등 요청이 처리중입니다.",
    "400, PROVIDER_ERROR, 일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요."
  })
  void anAnswerThatMayHideADoneRefundIsUnknownAndSafeToRetryWithTheSameKey(
      int status, String code, String message) {
    toss.stubFor(post(PATH).willReturn(tossError(status, code, message)));

    assertThat(gateway.cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(1000), "고객 요청")))
        .isEqualTo(new CancelOutcome.Unknown("HTTP " + status + " " + code));
    assertThat(requestsReceived()).hasSize(1);
  }

  @Test
  void noAnswerInTimeIsUnknown() {
    toss.stubFor(
        post(PATH).willReturn(slowerThanTheShortReadTimeout(example("payment-canceled.json"))));

    assertThat(
            impatientGateway()
                .cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(4900), null)))
        .isEqualTo(new CancelOutcome.Unknown("no answer within 300 ms"));
  }

  @Test
  void aPaymentThatIsNotCancelledInTheAnswerIsUnknown() {
    toss.stubFor(post(PATH).willReturn(example("payment-billing-done.json")));

    assertThat(gateway.cancel(new CancelRequest(REFUND_KEY, PAYMENT_KEY, Money.krw(4900), null)))
        .isEqualTo(new CancelOutcome.Unknown("Toss answered a cancel with a Payment that is DONE"));
  }
}
