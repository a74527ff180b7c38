package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenHandlingTest {

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private final StubServer stub;
  private final PaycronClient client;

  TokenHandlingTest() throws Exception {
    stub = new StubServer(clock);
    stub.respond("GET", "/payments/imps_1", 200, StubServer.ok(Fixtures.PAYMENT));
    client = stub.client();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void postsTheKeyPairAsJsonToGetToken() {
    AccessToken token = client.getToken();

    StubServer.Recorded request = stub.tokenRequests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.json().path("imp_key").asString()).isEqualTo("key");
    assertThat(request.json().path("imp_secret").asString()).isEqualTo("secret");
    assertThat(token.accessToken()).isEqualTo("token-1");
    assertThat(token.expiredAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
  }

  @Test
  void fetchesOneTokenForManyCallsAndSendsItAsTheAuthorizationHeader() {
    client.getPayment("imps_1");
    client.getPayment("imps_1");
    clock.advance(Duration.ofMinutes(20));
    client.getPayment("imps_1");

    assertThat(stub.tokensIssued()).isEqualTo(1);
    assertThat(stub.calls())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("token-1", "token-1", "token-1");
  }

  @Test
  void renewsTheTokenOneMinuteBeforeItExpires() {
    client.getPayment("imps_1");

    clock.advance(Duration.ofMinutes(29).minusSeconds(1));
    client.getPayment("imps_1");
    assertThat(stub.tokensIssued()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    client.getPayment("imps_1");
    assertThat(stub.tokensIssued()).isEqualTo(2);
    assertThat(stub.lastCall().header("Authorization")).isEqualTo("token-2");
  }

  @Test
  void measuresTheTokenLifetimeByTheServersClockWhenTheClocksDisagree() {
    stub.offsetServerClock(Duration.ofHours(-2)); // the server's expired_at is in our past
    client.getPayment("imps_1");
    clock.advance(Duration.ofMinutes(10));
    client.getPayment("imps_1");

    assertThat(stub.tokensIssued()).isEqualTo(1);
  }

  @Test
  void fetchesANewTokenAndRepeatsTheRequestOnceAfterA401() {
    client.getPayment("imps_1");
    stub.rejectToken("token-1"); // e.g. the server restarted and forgot it

    Payment payment = client.getPayment("imps_1");

    assertThat(payment.impUid()).isEqualTo("imps_123456789012");
    assertThat(stub.tokensIssued()).isEqualTo(2);
    assertThat(stub.calls())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("token-1", "token-1", "token-2");
  }

  @Test
  void repeatsAChargeAfterA401WithTheSameBody() {
    stub.respond("POST", "/subscribe/payments/again", 200, StubServer.ok(Fixtures.PAYMENT));
    client.getToken();
    stub.rejectToken("token-1");

    client.again(AgainRequest.of("cust-1", "order-1", new java.math.BigDecimal("8900")));

    List<StubServer.Recorded> charges = stub.calls();
    assertThat(charges).hasSize(2);
    assertThat(charges.get(1).body()).isEqualTo(charges.get(0).body());
  }

  @Test
  void throwsUnauthorizedWhenTheRepeatedRequestIsRefusedToo() {
    stub.respond("GET", "/payments/imps_1", 401, StubServer.UNAUTHORIZED);

    assertThatThrownBy(() -> client.getPayment("imps_1"))
        .isInstanceOfSatisfying(
            PaycronApiException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.code()).isEqualTo(-1);
              assertThat(e.apiMessage()).isEqualTo("Unauthorized");
            });
    assertThat(stub.calls()).hasSize(2);
    assertThat(stub.tokensIssued()).isEqualTo(2);
  }

  @Test
  void wrongCredentialsFailOnGetTokenWithoutSendingTheRequest() {
    PaycronClient wrong =
        PaycronClient.builder()
            .baseUrl(stub.baseUrl())
            .credentials("key", "not-the-secret")
            .clock(clock)
            .build();

    assertThatThrownBy(() -> wrong.getPayment("imps_1"))
        .isInstanceOfSatisfying(
            PaycronApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThat(stub.calls()).isEmpty();
    assertThat(stub.tokenRequests()).hasSize(1);
  }

  @Test
  void concurrentFirstCallsShareOneTokenFetch() throws Exception {
    stub.delayTokens(Duration.ofMillis(300)); // a slow getToken, so the callers overlap
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Payment>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> client.getPayment("imps_1")));
      }
      for (Future<Payment> result : results) {
        assertThat(result.get().impUid()).isEqualTo("imps_123456789012");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(stub.tokensIssued()).isEqualTo(1);
    assertThat(stub.calls()).hasSize(8).allMatch(r -> "token-1".equals(r.header("Authorization")));
  }

  @Test
  void concurrent401sOfOneTokenFetchOneNewToken() throws Exception {
    client.getToken();
    stub.rejectToken("token-1");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Payment>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> client.getPayment("imps_1")));
      }
      for (Future<Payment> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(stub.tokensIssued()).isEqualTo(2);
  }

  @Test
  void aTokenAnswerWithoutEnvelopeIsANetworkFailure() {
    stub.respondOnce("POST", "/users/getToken", 502, "<html>Bad Gateway</html>", Map.of());

    assertThatThrownBy(client::getToken)
        .isInstanceOf(PaycronNetworkException.class)
        .hasMessageContaining("HTTP 502 without an i'mport envelope");
  }
}
