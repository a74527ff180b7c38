package io.paycron.gateway.portone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelContractTest extends PortOneStubTest {

  /** Paycron's key of one refund, and what it becomes at PortOne (pinned). */
  private static final String CANCEL_KEY = "mrc_7f3a:cncl_4be1d0c9a2";

  private static final String TAG = "[paycron:f547dca72c20]";
  private static final String IDEMPOTENCY_KEY =
      "paycron-cancel-9UfcpywgNCabriQwv0kh5SlFwjUbPM9Ssk-2kFXpB-k";

  private static final String PAYMENT_URL = "/payments/" + PAYMENT_ID + "?storeId=" + STORE_ID;
  private static final String CANCEL_PATH = "/payments/" + PAYMENT_ID + "/cancel";

  private static CancelRequest refund(long won, String reason) {
    return new CancelRequest(CANCEL_KEY, PAYMENT_ID, Money.krw(won), reason);
  }

  private static void paymentIs(String fixture) {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(200, fixture)));
  }

  @Test
  void refundsPartOfThePaymentWithATaggedReasonAndAnIdempotencyKey() {
    paymentIs("payment.paid.json");
    portOne.stubFor(post(urlEqualTo(CANCEL_PATH)).willReturn(answer(200, "cancel.succeeded.json")));

    CancelOutcome outcome = gateway.cancel(refund(3_000, "고객 요청"));

    assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled("cancellation-0199a4c4-0001"));
    List<LoggedRequest> sent = received();
    assertThat(sent).hasSize(2);
    LoggedRequest read = sent.get(0);
    assertThat(read.getMethod()).isEqualTo(RequestMethod.GET);
    assertThat(read.getUrl()).isEqualTo(PAYMENT_URL);
    assertPortOneHeaders(read);
    LoggedRequest cancel = sent.get(1);
    assertThat(cancel.getMethod()).isEqualTo(RequestMethod.POST);
    assertThat(cancel.getUrl()).isEqualTo(CANCEL_PATH);
    assertPortOneHeaders(cancel);
    assertThat(cancel.getHeader("Idempotency-Key")).isEqualTo(IDEMPOTENCY_KEY);
    assertJsonBody(
        cancel,
        """
        {"storeId": "%s", "amount": 3000, "reason": "고객 요청 %s"}
        """
            .formatted(STORE_ID, TAG));
  }

  @Test
  void aRefundWithoutAReasonGetsOneBecausePortOneRequiresIt() {
    paymentIs("payment.paid.json");
    portOne.stubFor(post(urlEqualTo(CANCEL_PATH)).willReturn(answer(200, "cancel.succeeded.json")));

    gateway.cancel(refund(9_900, null));

    assertJsonBody(
        received().get(1),
        """
        {"storeId": "%s", "amount": 9900, "reason": "Paycron 취소 %s"}
        """
            .formatted(STORE_ID, TAG));
  }

  @Test
  void aRepeatedRefundThatAlreadyWentThroughIsAnsweredWithoutRefundingAgain() {
    paymentIs("payment.partial-cancelled.ours.json");

    CancelOutcome outcome = gateway.cancel(refund(3_000, "고객 요청"));

    assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled("cancellation-0199a4c4-0001"));
    assertThat(onlyRequest().getMethod()).isEqualTo(RequestMethod.GET);
  }

  @Test
  void anotherRefundOfTheSamePaymentIsNotMistakenForThisOne() {
    paymentIs("payment.partial-cancelled.other.json");
    portOne.stubFor(post(urlEqualTo(CANCEL_PATH)).willReturn(answer(200, "cancel.succeeded.json")));

    CancelOutcome outcome = gateway.cancel(refund(3_000, "고객 요청"));

    assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled("cancellation-0199a4c4-0001"));
    assertThat(received())
        .extracting(LoggedRequest::getMethod)
        .containsExactly(RequestMethod.GET, RequestMethod.POST);
  }

  @Test
  void aRefundThePgHasNotConfirmedYetIsUnknown() {
    paymentIs("payment.paid.json");
    portOne.stubFor(post(urlEqualTo(CANCEL_PATH)).willReturn(answer(200, "cancel.requested.json")));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(new CancelOutcome.Unknown("cancellation is REQUESTED at PortOne"));
  }

  @Test
  void aRepeatedRefundStillPendingAtThePgIsUnknownAndNotSentAgain() {
    paymentIs("payment.paid.cancel-requested.json");

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(new CancelOutcome.Unknown("cancellation is REQUESTED at PortOne"));
    assertThat(onlyRequest().getMethod()).isEqualTo(RequestMethod.GET);
  }

  @Test
  void aRefundOverTheBalanceIsRefusedWithPortOnesType() {
    paymentIs("payment.paid.json");
    portOne.stubFor(post(urlEqualTo(CANCEL_PATH)).willReturn(answer(409, "cancel.exceeds.json")));

    assertThat(gateway.cancel(refund(20_000, "고객 요청")))
        .isEqualTo(
            new CancelOutcome.Refused(
                "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT", "결제 취소 금액이 취소 가능 금액을 초과했습니다."));
  }

  @Test
  void aRefundThePgRefusesKeepsThePgsCode() {
    paymentIs("payment.paid.json");
    portOne.stubFor(
        post(urlEqualTo(CANCEL_PATH)).willReturn(answer(502, "cancel.pg-refused.json")));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(new CancelOutcome.Refused("NOT_CANCELABLE_PAYMENT", "취소 할 수 없는 결제 입니다."));
  }

  @Test
  void aPaymentPortOneDoesNotKnowIsRefusedWithoutSendingACancel() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(404, "payment-not-found.json")));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(new CancelOutcome.Refused("PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다."));
    assertThat(onlyRequest().getMethod()).isEqualTo(RequestMethod.GET);
  }

  @Test
  void aPaymentThatCannotBeReadIsUnknownAndNoCancelIsSent() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(aResponse().withStatus(503)));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(
            new CancelOutcome.Unknown(
                "could not read the payment before cancelling: PortOne answered HTTP 503"));
    assertThat(onlyRequest().getMethod()).isEqualTo(RequestMethod.GET);
  }

  @Test
  void noAnswerToTheCancelWithinTheReadTimeoutIsUnknown() {
    paymentIs("payment.paid.json");
    portOne.stubFor(
        post(urlEqualTo(CANCEL_PATH))
            .willReturn(
                answer(200, "cancel.succeeded.json").withFixedDelay(SLOWER_THAN_READ_TIMEOUT_MS)));

    CancelOutcome outcome = gateway.cancel(refund(3_000, "고객 요청"));

    assertThat(outcome).isInstanceOf(CancelOutcome.Unknown.class);
    assertThat(((CancelOutcome.Unknown) outcome).reason()).contains("in time");
    awaitReceived(2);
  }

  @Test
  void aServerErrorOnTheCancelIsUnknown() {
    paymentIs("payment.paid.json");
    portOne.stubFor(post(urlEqualTo(CANCEL_PATH)).willReturn(aResponse().withStatus(500)));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(new CancelOutcome.Unknown("PortOne answered HTTP 500"));
  }

  @Test
  void aCancelStillInFlightUnderTheSameIdempotencyKeyIsUnknown() {
    paymentIs("payment.paid.json");
    portOne.stubFor(
        post(urlEqualTo(CANCEL_PATH)).willReturn(answer(409, "idempotency-outstanding.json")));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(new CancelOutcome.Unknown("PortOne is still processing this cancel"));
  }

  @Test
  void aSuccessWithoutACancellationIsUnknown() {
    paymentIs("payment.paid.json");
    portOne.stubFor(
        post(urlEqualTo(CANCEL_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

    assertThat(gateway.cancel(refund(3_000, "고객 요청")))
        .isEqualTo(
            new CancelOutcome.Unknown("PortOne answered the cancel with an unreadable body"));
  }
}
