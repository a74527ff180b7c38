package io.paycron.gateway.portone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.DeclineClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupContractTest extends PortOneStubTest {

  private static final String PAYMENT_URL = "/payments/" + PAYMENT_ID + "?storeId=" + STORE_ID;

  @Test
  void aPaidPaymentIsSettledAsApprovedWithItsApprovalNumber() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(200, "payment.paid.json")));

    ChargeLookup lookup = gateway.lookupCharge(CHARGE_KEY);

    assertThat(lookup)
        .isEqualTo(new ChargeLookup.Settled(new ChargeOutcome.Approved(PAYMENT_ID, "30012345")));
    LoggedRequest sent = onlyRequest();
    assertThat(sent.getMethod()).isEqualTo(RequestMethod.GET);
    assertThat(sent.getUrl()).isEqualTo(PAYMENT_URL);
    assertPortOneHeaders(sent);
    assertThat(sent.getBodyAsString()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"payment.partial-cancelled.ours.json", "payment.cancelled.json"})
  void aRefundedPaymentWasStillChargedFirst(String fixture) {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(200, fixture)));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Settled(new ChargeOutcome.Approved(PAYMENT_ID, "30012345")));
  }

  @Test
  void aFailedPaymentIsSettledAsDeclinedWithThePgsCode() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(200, "payment.failed.json")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(
            new ChargeLookup.Settled(
                new ChargeOutcome.Declined(
                    "INVALID_CARD_LOST_OR_STOLEN", "분실 혹은 도난 카드입니다.", DeclineClass.HARD)));
  }

  @Test
  void aPaymentPortOneDoesNotKnowWasNeverCharged() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(404, "payment-not-found.json")));

    assertThat(gateway.lookupCharge(CHARGE_KEY)).isEqualTo(new ChargeLookup.NotFound());
  }

  @Test
  void aNotFoundThatIsNotPortOnesPaymentNotFoundProvesNothing() {
    // e.g. a wrong base URL or a proxy's page: the charge may well exist
    portOne.stubFor(
        get(urlEqualTo(PAYMENT_URL))
            .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("PortOne answered HTTP 404"));
  }

  @Test
  void aPaymentNotYetFinalIsAskedAgainLater() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(200, "payment.ready.json")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("payment is READY at PortOne"));
  }

  @Test
  void anAnswerAboutAnotherPaymentIsNotTrusted() {
    portOne.stubFor(
        get(urlEqualTo(PAYMENT_URL)).willReturn(answer(200, "payment.paid.another-id.json")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("PortOne answered with another payment"));
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsUnavailable() {
    portOne.stubFor(
        get(urlEqualTo(PAYMENT_URL))
            .willReturn(
                answer(200, "payment.paid.json").withFixedDelay(SLOWER_THAN_READ_TIMEOUT_MS)));

    ChargeLookup lookup = gateway.lookupCharge(CHARGE_KEY);

    assertThat(lookup).isInstanceOf(ChargeLookup.Unavailable.class);
    assertThat(((ChargeLookup.Unavailable) lookup).reason()).contains("in time");
    awaitReceived(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void aServerErrorIsUnavailable(int status) {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(aResponse().withStatus(status)));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("PortOne answered HTTP " + status));
  }

  @Test
  void anUnauthorizedLookupIsUnavailableNotNotFound() {
    portOne.stubFor(get(urlEqualTo(PAYMENT_URL)).willReturn(answer(401, "unauthorized.json")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("PortOne answered HTTP 401 UNAUTHORIZED"));
  }

  @Test
  void aMalformedAnswerIsUnavailable() {
    portOne.stubFor(
        get(urlEqualTo(PAYMENT_URL)).willReturn(aResponse().withStatus(200).withBody("[]")));

    assertThat(gateway.lookupCharge(CHARGE_KEY))
        .isEqualTo(new ChargeLookup.Unavailable("PortOne answered HTTP 200"));
  }

  @Test
  void aGarbledAnswerIsUnavailable() {
    portOne.stubFor(
        get(urlEqualTo(PAYMENT_URL))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThat(gateway.lookupCharge(CHARGE_KEY)).isInstanceOf(ChargeLookup.Unavailable.class);
  }
}
