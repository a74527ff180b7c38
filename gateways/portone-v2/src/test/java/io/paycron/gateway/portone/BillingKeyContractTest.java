package io.paycron.gateway.portone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CardData;
import io.paycron.gateway.CardInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingKeyContractTest extends PortOneStubTest {

  private static final String CUSTOMER_KEY = "cus_mrc_7f3a_0042";
  private static final String NUMBER = "5327500012341234";
  private static final CardData CARD = new CardData(NUMBER, "2028-07", "900101", "12", null);
  private static final String KEY_URL = "/billing-keys/" + BILLING_KEY + "?storeId=" + STORE_ID;

  private static BillingKeyRequest issue(CardData card) {
    return new BillingKeyRequest(CUSTOMER_KEY, card);
  }

  private static void issuesTheKey() {
    portOne.stubFor(
        post(urlEqualTo("/billing-keys")).willReturn(answer(200, "issue-billing-key.ok.json")));
  }

  @Test
  void issuesABillingKeyFromCardDataAndReadsTheCardBehindIt() {
    issuesTheKey();
    portOne.stubFor(get(urlEqualTo(KEY_URL)).willReturn(answer(200, "billing-key-info.card.json")));

    BillingKeyResult result = gateway.issueBillingKey(issue(CARD));

    assertThat(result)
        .isEqualTo(
            new BillingKeyResult.Issued(
                BILLING_KEY,
                new CardInfo(
                    "53275000****1234",
                    "SHINHAN_CARD",
                    "신한카드 Deep Dream 체크",
                    1,
                    "SHINHAN_BANK",
                    null,
                    "SHINHAN_CARD",
                    null)));
    List<LoggedRequest> sent = received();
    assertThat(sent).hasSize(2);
    LoggedRequest issue = sent.get(0);
    assertThat(issue.getMethod()).isEqualTo(RequestMethod.POST);
    assertThat(issue.getUrl()).isEqualTo("/billing-keys");
    assertPortOneHeaders(issue);
    assertJsonBody(
        issue,
        """
        {"storeId": "%s", "channelKey": "%s", "customer": {"id": "cus_mrc_7f3a_0042"},
         "method": {"card": {"credential": {
           "number": "5327500012341234", "expiryYear": "28", "expiryMonth": "07",
           "birthOrBusinessRegistrationNumber": "900101", "passwordTwoDigits": "12"}}}}
        """
            .formatted(STORE_ID, CHANNEL_KEY));
    LoggedRequest read = sent.get(1);
    assertThat(read.getMethod()).isEqualTo(RequestMethod.GET);
    assertThat(read.getUrl()).isEqualTo(KEY_URL);
    assertPortOneHeaders(read);
  }

  @Test
  void sendsNeitherBirthNorPasswordWhenTheMerchantGaveNone() {
    issuesTheKey();
    portOne.stubFor(get(urlEqualTo(KEY_URL)).willReturn(answer(200, "billing-key-info.card.json")));

    gateway.issueBillingKey(issue(new CardData(NUMBER, "2031-12", null, "", null)));

    assertJsonBody(
        received().get(0),
        """
        {"storeId": "%s", "channelKey": "%s", "customer": {"id": "cus_mrc_7f3a_0042"},
         "method": {"card": {"credential": {
           "number": "5327500012341234", "expiryYear": "31", "expiryMonth": "12"}}}}
        """
            .formatted(STORE_ID, CHANNEL_KEY));
  }

  @Test
  void whenTheCardCannotBeReadTheKeyIsIssuedWithTheMaskedNumberOnly() {
    issuesTheKey();
    portOne.stubFor(get(urlEqualTo(KEY_URL)).willReturn(aResponse().withStatus(500)));

    assertThat(gateway.issueBillingKey(issue(CARD)))
        .isEqualTo(
            new BillingKeyResult.Issued(
                BILLING_KEY,
                new CardInfo("53275000****1234", null, null, null, null, null, null, null)));
  }

  @Test
  void aCardThePgRefusesKeepsThePgsCodeAndMessage() {
    portOne.stubFor(
        post(urlEqualTo("/billing-keys")).willReturn(answer(502, "billing-key.pg-refused.json")));

    assertThat(gateway.issueBillingKey(issue(CARD)))
        .isEqualTo(
            new BillingKeyResult.Refused("INVALID_CARD_EXPIRATION", "카드 정보를 다시 확인해주세요. (유효기간)"));
    assertThat(onlyRequest().getUrl()).isEqualTo("/billing-keys");
  }

  @Test
  void aChannelSpecificRefusalKeepsTheChannelsPgCode() {
    portOne.stubFor(
        post(urlEqualTo("/billing-keys"))
            .willReturn(answer(502, "billing-key.channel-specific.json")));

    assertThat(gateway.issueBillingKey(issue(CARD)))
        .isEqualTo(new BillingKeyResult.Refused("INVALID_PASSWORD", "카드 비밀번호가 일치하지 않습니다."));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "400 | invalid-request.json | INVALID_REQUEST"
            + " | method.card.credential.number: 카드 번호 형식이 올바르지 않습니다.",
        "404 | channel-not-found.json | CHANNEL_NOT_FOUND | 요청된 채널이 존재하지 않습니다.",
        "401 | unauthorized.json | UNAUTHORIZED | 인증 정보가 올바르지 않습니다."
      })
  void aRequestPortOneRejectsIsRefusedWithPortOnesType(
      int status, String fixture, String type, String message) {
    portOne.stubFor(post(urlEqualTo("/billing-keys")).willReturn(answer(status, fixture)));

    assertThat(gateway.issueBillingKey(issue(CARD)))
        .isEqualTo(new BillingKeyResult.Refused(type, message));
  }

  @Test
  void noAnswerIsRefusedAsUnavailableAndTheRefusalHoldsNoCardData() {
    portOne.stubFor(
        post(urlEqualTo("/billing-keys"))
            .willReturn(
                answer(200, "issue-billing-key.ok.json")
                    .withFixedDelay(SLOWER_THAN_READ_TIMEOUT_MS)));

    BillingKeyResult result = gateway.issueBillingKey(issue(CARD));

    assertThat(result).isInstanceOf(BillingKeyResult.Refused.class);
    BillingKeyResult.Refused refused = (BillingKeyResult.Refused) result;
    assertThat(refused.code()).isEqualTo("gateway_unavailable");
    assertThat(refused.message()).contains("in time").doesNotContain(NUMBER, "900101", "2028");
    awaitReceived(1);
  }

  @Test
  void aServerErrorIsRefusedWithoutPretendingTheCardWasBad() {
    portOne.stubFor(post(urlEqualTo("/billing-keys")).willReturn(aResponse().withStatus(503)));

    assertThat(gateway.issueBillingKey(issue(CARD)))
        .isEqualTo(
            new BillingKeyResult.Refused(
                "gateway_error", "PortOne answered HTTP 503; try again later"));
  }

  @Test
  void aMalformedExpiryIsRefusedWithoutCallingPortOne() {
    assertThat(gateway.issueBillingKey(issue(new CardData(NUMBER, "07/28", null, null, null))))
        .isEqualTo(new BillingKeyResult.Refused("invalid_expiry", "유효기간은 YYYY-MM 형식이어야 합니다"));
    assertThat(received()).isEmpty();
  }

  @Test
  void deletesTheBillingKeyOfTheStore() {
    portOne.stubFor(
        delete(urlEqualTo(KEY_URL)).willReturn(answer(200, "delete-billing-key.ok.json")));

    gateway.deleteBillingKey(BILLING_KEY);

    LoggedRequest sent = onlyRequest();
    assertThat(sent.getMethod()).isEqualTo(RequestMethod.DELETE);
    assertThat(sent.getUrl()).isEqualTo(KEY_URL);
    assertPortOneHeaders(sent);
  }

  @ParameterizedTest
  @CsvSource({"404, billing-key-not-found.json", "409, billing-key-already-deleted.json"})
  void deletingAKeyPortOneNoLongerHasIsNotAnError(int status, String fixture) {
    portOne.stubFor(delete(urlEqualTo(KEY_URL)).willReturn(answer(status, fixture)));

    gateway.deleteBillingKey(BILLING_KEY);

    assertThat(onlyRequest().getMethod()).isEqualTo(RequestMethod.DELETE);
  }

  @Test
  void aDeletePortOneRefusesIsAnErrorNamingWhy() {
    portOne.stubFor(
        delete(urlEqualTo(KEY_URL))
            .willReturn(answer(409, "payment-schedule-already-exists.json")));

    assertThatThrownBy(() -> gateway.deleteBillingKey(BILLING_KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "PortOne did not delete the billing key: HTTP 409 PAYMENT_SCHEDULE_ALREADY_EXISTS");
  }
}
