package io.paycron.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenTest {

  private static final Servers servers = new Servers();

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static Answer getToken(TestServer server, String key, String secret) {
    return new ApiClient(server.baseUrl(), null)
        .postJson("/users/getToken", Map.of("imp_key", key, "imp_secret", secret));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void repeatsTheSameTokenExtendsItInItsLastMinuteAndRefusesItOnceExpired(TestDatabase database) {
    TestServer server = servers.on(database);
    server.bean(TokenService.class).forgetCachedTokens();
    Answer first = getToken(server, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET);
    assertThat(first.code()).isZero();
    assertThat(first.response().propertyNames())
        .containsExactlyInAnyOrder("access_token", "now", "expired_at");
    String token = first.response().get("access_token").asString();
    long expiredAt = first.response().get("expired_at").asLong();
    assertThat(expiredAt - first.response().get("now").asLong()).isEqualTo(30 * 60);

    Answer second = getToken(server, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET);
    assertThat(second.response().get("access_token").asString()).isEqualTo(token);
    assertThat(second.response().get("expired_at").asLong()).isEqualTo(expiredAt);

    server.clock().advance(Duration.ofMinutes(29).plusSeconds(30));
    Answer lastMinute = getToken(server, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET);
    assertThat(lastMinute.response().get("access_token").asString()).isEqualTo(token);
    assertThat(lastMinute.response().get("expired_at").asLong()).isEqualTo(expiredAt + 300);

    ApiClient api = new ApiClient(server.baseUrl(), token);
    assertThat(api.get("/payments/imps_000000000000").status()).isEqualTo(404);
    server.clock().advance(Duration.ofMinutes(6));
    Answer expired = api.get("/payments/imps_000000000000");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo(-1);
    assertThat(expired.message()).isEqualTo("Unauthorized");

    Answer fresh = getToken(server, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET);
    assertThat(fresh.response().get("access_token").asString()).isNotEqualTo(token);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void refusesMissingAndWrongCredentials(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient anonymous = new ApiClient(server.baseUrl(), null);
    Answer missing = anonymous.postJson("/users/getToken", Map.of("imp_key", "imp_apikey"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.message()).isEqualTo("imp_key, imp_secret 파라메터가 누락되었습니다.");

    Answer wrong = getToken(server, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET + "x");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().toString())
        .isEqualTo("{\"code\":-1,\"message\":\"Unauthorized\",\"response\":null}");
    assertThat(getToken(server, "nobody", "nothing").status()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void acceptsTheTokenInEveryHeaderStyleAndAuthorizationWins(TestDatabase database) {
    TestServer server = servers.on(database);
    String token = server.sandboxClient().token();
    String path = "/payments/imps_000000000000";
    for (String[] headers :
        new String[][] {
          {"Authorization", token},
          {"Authorization", "Bearer " + token},
          {"X-ImpTokenHeader", token}
        }) {
      assertThat(send(server, path, headers).statusCode()).as(headers[0]).isEqualTo(404);
    }
    assertThat(
            send(server, path, "Authorization", "garbage", "X-ImpTokenHeader", token).statusCode())
        .isEqualTo(401);
    assertThat(send(server, path).statusCode()).isEqualTo(401);
  }

  private static java.net.http.HttpResponse<String> send(
      TestServer server, String path, String... headers) {
    try {
      var request =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path));
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return java.net.http.HttpClient.newHttpClient()
          .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
