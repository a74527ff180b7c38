package io.paycron.gateway.portone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import io.paycron.gateway.DeclineClass;
import io.paycron.gateway.Money;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargeContractTest extends PortOneStubTest {

  private static final String PAY_PATH = "/payments/" + PAYMENT_ID + "/billing-key";

  private static ChargeRequest charge(String orderName, int quota) {
    return new ChargeRequest(CHARGE_KEY, BILLING_KEY, Money.krw(9_900), orderName, quota);
  }

  @Test
  void chargesTheBillingKeyUnderThePaymentIdDerivedFromTheIdempotencyKey() {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(200, "pay.ok.json")));

    ChargeOutcome outcome = gateway.charge(charge("11월 정기구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Approved(PAYMENT_ID, null));
    LoggedRequest sent = onlyRequest();
    assertThat(sent.getMethod()).isEqualTo(RequestMethod.POST);
    assertThat(sent.getUrl()).isEqualTo(PAY_PATH);
    assertPortOneHeaders(sent);
    // the paymentId is the idempotency mechanism; no Idempotency-Key header is needed on charges
    assertThat(sent.containsHeader("Idempotency-Key")).isFalse();
    assertJsonBody(
        sent,
        """
        {"storeId": "%s", "billingKey": "%s", "channelKey": "%s", "orderName": "11월 정기구독",
         "amount": {"total": 9900}, "currency": "KRW"}
        """
            .formatted(STORE_ID, BILLING_KEY, CHANNEL_KEY));
  }

  @Test
  void sendsTheInstallmentMonthsOfAnInstallmentCharge() {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(200, "pay.ok.json")));

    gateway.charge(charge("노트북", 3));

    assertJsonBody(
        onlyRequest(),
        """
        {"storeId": "%s", "billingKey": "%s", "channelKey": "%s", "orderName": "노트북",
         "amount": {"total": 9900}, "currency": "KRW", "installmentMonth": 3}
        """
            .formatted(STORE_ID, BILLING_KEY, CHANNEL_KEY));
  }

  @Test
  void namesTheOrderWhenTheMerchantGaveNoName() {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(200, "pay.ok.json")));

    gateway.charge(charge(null, 1));

    assertJsonBody(
        onlyRequest(),
        """
        {"storeId": "%s", "billingKey": "%s", "channelKey": "%s", "orderName": "Paycron 결제",
         "amount": {"total": 9900}, "currency": "KRW"}
        """
            .formatted(STORE_ID, BILLING_KEY, CHANNEL_KEY));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pay.pg-insufficient.json | REJECT_CARD_PAYMENT | 한도초과 혹은 잔액부족으로 결제에 실패했습니다. | SOFT",
        "pay.pg-stolen.json | INVALID_CARD_LOST_OR_STOLEN | 분실 혹은 도난 카드입니다. | HARD",
        "pay.pg-unexplained.json | 9999 | 기타 오류 (카드사 문의) | SOFT"
      })
  void aPgDeclineKeepsThePgsOwnCodeAndMessage(
      String fixture, String code, String message, DeclineClass declineClass) {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(502, fixture)));
    portOne.stubFor(
        get(urlEqualTo("/payments/" + PAYMENT_ID + "?storeId=" + STORE_ID))
            .willReturn(answer(200, "payment.failed.json")));

    ChargeOutcome outcome = gateway.charge(charge("11월 정기구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Declined(code, message, declineClass));
    // PortOne's own record of the payment is read before the PG's error is believed
    assertThat(received())
        .extracting(LoggedRequest::getMethod)
        .containsExactly(RequestMethod.POST, RequestMethod.GET);
  }

  @Test
  void aPgErrorOnAPaymentPortOneRecordsAsPaidIsAnApproval() {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(502, "pay.pg-unexplained.json")));
    portOne.stubFor(
        get(urlEqualTo("/payments/" + PAYMENT_ID + "?storeId=" + STORE_ID))
            .willReturn(answer(200, "payment.paid.json")));

    assertThat(gateway.charge(charge("11월 정기구독", 0)))
        .isEqualTo(new ChargeOutcome.Approved(PAYMENT_ID, "30012345"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "404 | billing-key-not-found.json | BILLING_KEY_NOT_FOUND | 빌링키가 존재하지 않습니다. | HARD",
        "409 | billing-key-already-deleted.json | BILLING_KEY_ALREADY_DELETED | 빌링키가 이미 삭제되었습니다. | HARD",
        "400 | invalid-request.json | INVALID_REQUEST"
            + " | method.card.credential.number: 카드 번호 형식이 올바르지 않습니다. | HARD",
        "401 | unauthorized.json | UNAUTHORIZED | 인증 정보가 올바르지 않습니다. | SOFT",
        "404 | channel-not-found.json | CHANNEL_NOT_FOUND | 요청된 채널이 존재하지 않습니다. | SOFT"
      })
  void aRequestPortOneRejectsIsDeclinedWithPortOnesErrorType(
      int status, String fixture, String type, String message, DeclineClass declineClass) {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(status, fixture)));

    assertThat(gateway.charge(charge("11월 정기구독", 0)))
        .isEqualTo(new ChargeOutcome.Declined(type, message, declineClass));
  }

  @Test
  void alreadyPaidIsAnsweredWithThePaymentThatWasMadeUnderTheSamePaymentId() {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(409, "already-paid.json")));
    portOne.stubFor(
        get(urlEqualTo("/payments/" + PAYMENT_ID + "?storeId=" + STORE_ID))
            .willReturn(answer(200, "payment.paid.json")));

    ChargeOutcome outcome = gateway.charge(charge("11월 정기구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Approved(PAYMENT_ID, "30012345"));
    List<LoggedRequest> sent = received();
    assertThat(sent)
        .extracting(LoggedRequest::getMethod)
        .containsExactly(RequestMethod.POST, RequestMethod.GET);
    assertPortOneHeaders(sent.get(1));
  }

  @Test
  void alreadyPaidWithAnUnreadablePaymentStaysUnknown() {
    portOne.stubFor(post(urlEqualTo(PAY_PATH)).willReturn(answer(409, "already-paid.json")));
    portOne.stubFor(
        get(urlEqualTo("/payments/" + PAYMENT_ID + "?storeId=" + STORE_ID))
            .willReturn(aResponse().withStatus(503)));

    assertThat(gateway.charge(charge("11월 정기구독", 0))).isInstanceOf(ChargeOutcome.Unknown.class);
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsUnknownAndTheChargeIsNotSentAgain() {
    portOne.stubFor(
        post(urlEqualTo(PAY_PATH))
            .willReturn(answer(200, "pay.ok.json").withFixedDelay(SLOWER_THAN_READ_TIMEOUT_MS)));

    long started = System.nanoTime();
    ChargeOutcome outcome = gateway.charge(charge("11월 정기구독", 0));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(((ChargeOutcome.Unknown) outcome).reason()).contains("in time");
    assertThat(tookMillis).isLessThan(SLOWER_THAN_READ_TIMEOUT_MS);
    awaitReceived(1);
  }

  @ParameterizedTest
  @CsvSource({"500", "502", "503", "504"})
  void aServerErrorWithoutPortOnesErrorBodyIsUnknown(int status) {
    portOne.stubFor(
        post(urlEqualTo(PAY_PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Bad Gateway</body></html>")));

    ChargeOutcome outcome = gateway.charge(charge("11월 정기구독", 0));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Unknown("PortOne answered HTTP " + status));
  }

  @Test
  void aSuccessWhoseBodyIsNotPortOnesIsUnknown() {
    portOne.stubFor(
        post(urlEqualTo(PAY_PATH))
            .willReturn(aResponse().withStatus(200).withBody("{\"payment\": ")));

    assertThat(gateway.charge(charge("11월 정기구독", 0)))
        .isEqualTo(
            new ChargeOutcome.Unknown("PortOne answered the charge with an unreadable body"));
  }

  @Test
  void aCutConnectionIsUnknown() {
    portOne.stubFor(
        post(urlEqualTo(PAY_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ChargeOutcome outcome = gateway.charge(charge("11월 정기구독", 0));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(((ChargeOutcome.Unknown) outcome).reason())
        .startsWith("PortOne could not be reached");
  }

  @Test
  void anIdempotentRequestStillInFlightIsUnknown() {
    portOne.stubFor(
        post(urlEqualTo(PAY_PATH)).willReturn(answer(409, "idempotency-outstanding.json")));

    assertThat(gateway.charge(charge("11월 정기구독", 0)))
        .isEqualTo(new ChargeOutcome.Unknown("PortOne is still processing this payment"));
  }

  @Test
  void aCurrencyWithMinorUnitsIsDeclinedWithoutCallingPortOne() {
    ChargeOutcome outcome =
        gateway.charge(
            new ChargeRequest(
                CHARGE_KEY, BILLING_KEY, Money.of(1_050, Currency.getInstance("USD")), "x", 0));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) outcome).code()).isEqualTo("unsupported_currency");
    assertThat(((ChargeOutcome.Declined) outcome).declineClass()).isEqualTo(DeclineClass.HARD);
    assertThat(received()).isEmpty();
  }
}
