package io.paycron.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guessing imp_secret is slowed per imp_key and per client address, over real HTTP. */
class LoginThrottleTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestDatabase.SQLITE,
            Map.of("paycron.login-limit.per-key", 3, "paycron.login-limit.per-address", 5));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Answer getToken(String key, String secret) {
    return new ApiClient(server.baseUrl(), null)
        .postJson("/users/getToken", Map.of("imp_key", key, "imp_secret", secret));
  }

  private static void assertThrottled(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
    assertThat(answer.code()).isEqualTo(-1);
    assertThat(answer.message()).contains("too many failed getToken attempts");
    long retryAfter =
        Long.parseLong(answer.raw().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
  }

  @Test
  void failedAttemptsLockTheKeyThenTheAddressUntilThePeriodPassesAndSuccessesNeverCount() {
    for (int i = 0; i < 20; i++) {
      assertThat(getToken(SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET).code()).isZero();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(getToken(SandboxMerchant.IMP_KEY, "guess" + i).status()).isEqualTo(401);
    }
    // the key is out of attempts: even the right secret is refused for now
    assertThrottled(getToken(SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET));

    // another key from the same address: its own attempts, until the address runs out (5)
    MerchantAccounts.Credentials other =
        server.bean(MerchantAccounts.class).create("throttle-other", true);
    assertThat(getToken(other.impKey(), "guess").status()).isEqualTo(401);
    assertThat(getToken(other.impKey(), "guess").status()).isEqualTo(401);
    assertThrottled(getToken(other.impKey(), other.impSecret()));

    server.clock().advance(Duration.ofSeconds(61));
    assertThat(getToken(other.impKey(), other.impSecret()).code()).isZero();
    assertThat(getToken(SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET).code()).isZero();
  }
}
