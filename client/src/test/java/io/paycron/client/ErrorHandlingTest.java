package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private final StubServer stub;
  private final PaycronClient client;

  ErrorHandlingTest() throws Exception {
    stub = new StubServer(clock);
    client = stub.client();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void aRefusalWithHttp200BecomesAnApiExceptionWithCodeAndMessage() {
    stub.respond("POST", "/subscribe/payments/again", 200, StubServer.error(1, "등록되지 않은 구매자입니다."));

    assertThatThrownBy(
            () -> client.again(AgainRequest.of("nobody", "order-1", new BigDecimal("8900"))))
        .isInstanceOfSatisfying(
            PaycronApiException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(200);
              assertThat(e.code()).isEqualTo(1);
              assertThat(e.apiMessage()).isEqualTo("등록되지 않은 구매자입니다.");
              assertThat(e.isNotFound()).isFalse();
              assertThat(e.getMessage())
                  .isEqualTo(
                      "POST /subscribe/payments/again failed: HTTP 200, code 1: 등록되지 않은 구매자입니다.");
            });
  }

  @Test
  void aMissingPaymentIsANotFoundApiException() {
    stub.respond("GET", "/payments/imps_0", 404, StubServer.error(1, "존재하지 않는 결제정보입니다."));

    assertThatThrownBy(() -> client.getPayment("imps_0"))
        .isInstanceOfSatisfying(
            PaycronApiException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.code()).isEqualTo(1);
            });
  }

  @Test
  void aBillingKeyRefusalCarriesCodeMinusOne() {
    stub.respond(
        "POST",
        "/subscribe/customers/cust-1",
        200,
        StubServer.error(-1, "카드정보 인증 및 빌키 발급에 실패하였습니다. [F113] 유효기간 오류"));

    assertThatThrownBy(
            () ->
                client.registerCard(
                    "cust-1",
                    CardRequest.of(Card.of("4000000000000069", "2030-12", "900101", "12"))))
        .isInstanceOfSatisfying(PaycronApiException.class, e -> assertThat(e.code()).isEqualTo(-1));
  }

  @Test
  void rateLimitingTellsWhenToRetry() {
    stub.respondOnce(
        "GET",
        "/payments/imps_1",
        429,
        StubServer.error(-1, "Too many requests"),
        Map.of("Retry-After", "7"));

    assertThatThrownBy(() -> client.getPayment("imps_1"))
        .isInstanceOfSatisfying(
            PaycronApiException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(429);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
  }

  @Test
  void aConnectionCutDuringAChargeSaysTheOutcomeIsUnknown() {
    stub.hangUp("POST", "/subscribe/payments/again");

    assertThatThrownBy(
            () -> client.again(AgainRequest.of("cust-1", "order-1", new BigDecimal("8900"))))
        .isInstanceOfSatisfying(
            PaycronNetworkException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getMessage())
                  .startsWith("POST /subscribe/payments/again: no answer")
                  .contains("The outcome is unknown")
                  .contains("merchant_uid");
            });
  }

  @Test
  void aConnectionCutDuringARefundSaysTheOutcomeIsUnknown() {
    stub.hangUp("POST", "/payments/cancel");

    assertThatThrownBy(() -> client.cancel(CancelRequest.ofMerchantUid("order-1")))
        .isInstanceOfSatisfying(
            PaycronNetworkException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
  }

  @Test
  void aConnectionCutDuringALookupIsJustANetworkFailure() {
    stub.hangUp("GET", "/payments/imps_1");

    assertThatThrownBy(() -> client.getPayment("imps_1"))
        .isInstanceOfSatisfying(
            PaycronNetworkException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.getMessage()).doesNotContain("outcome");
            });
  }

  @Test
  void anUnreachableServerIsANetworkFailure() throws Exception {
    String base;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      base = "http://127.0.0.1:" + socket.getLocalPort();
    }
    PaycronClient nowhere =
        PaycronClient.builder().baseUrl(base).credentials("key", "secret").clock(clock).build();

    assertThatThrownBy(nowhere::getToken).isInstanceOf(PaycronNetworkException.class);
  }

  @Test
  void aProxyErrorPageOnAChargeIsANetworkFailureWithUnknownOutcome() {
    stub.respondOnce(
        "POST", "/subscribe/payments/onetime", 502, "<html>Bad Gateway</html>", Map.of());

    assertThatThrownBy(
            () ->
                client.onetime(
                    OnetimeRequest.of(
                        "order-1",
                        BigDecimal.TEN,
                        Card.of("4242424242424242", "2030-12", "900101", "12"))))
        .isInstanceOfSatisfying(
            PaycronNetworkException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getMessage()).contains("HTTP 502 without an i'mport envelope");
            });
  }
}
