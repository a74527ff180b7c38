package io.paycron;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.common.SecretBox;
import io.paycron.merchant.SandboxMerchant;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A production server with its admin token and encryption key: no sandbox merchant, no sandbox card
 * network, metrics behind the admin token, and a merchant without a configured gateway is refused
 * before anything leaves Paycron.
 */
class ProductionModeTest {

  private static final String ADMIN_TOKEN = "0123456789abcdef0123456789abcdef-prod";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestDatabase.SQLITE,
            Map.of(
                "spring.profiles.active",
                "production",
                "paycron.admin-token",
                ADMIN_TOKEN,
                "paycron.encryption-key",
                SecretBox.newKey()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static int metrics(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/prometheus"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void theSandboxMerchantDoesNotExistAndMetricsNeedTheAdminToken() throws Exception {
    Answer login =
        new ApiClient(server.baseUrl(), null)
            .postJson(
                "/users/getToken",
                Map.of(
                    "imp_key", SandboxMerchant.IMP_KEY, "imp_secret", SandboxMerchant.IMP_SECRET));
    assertThat(login.status()).isEqualTo(401);
    assertThat(metrics(null)).isEqualTo(401);
    assertThat(metrics("Bearer wrong")).isEqualTo(401);
    assertThat(metrics("Bearer " + ADMIN_TOKEN)).isEqualTo(200);
  }

  @Test
  void aMerchantWithoutAGatewayIsRefusedBeforeAnythingIsSent() {
    ApiClient admin = new ApiClient(server.baseUrl(), "Bearer " + ADMIN_TOKEN);
    Answer created = admin.postJson("/paycron/admin/v1/merchants", Map.of("name", "live shop"));
    ApiClient api =
        ApiClient.login(
            server.baseUrl(),
            created.response().get("imp_key").asString(),
            created.response().get("imp_secret").asString());
    for (String pg : new String[] {"sandbox", "html5_inicis", "tosspayments"}) {
      Map<String, Object> card = new java.util.HashMap<>(Cards.card(Cards.APPROVE));
      card.put("pg", pg);
      Answer refused = api.postJson("/subscribe/customers/live_customer", card);
      assertThat(refused.code()).as(pg + " " + refused).isEqualTo(-1);
      assertThat(refused.message()).contains("no card gateway is configured");
    }
    assertThat(api.get("/subscribe/customers/live_customer").status()).isEqualTo(404);
    assertThat(
            server
                .jdbc()
                .sql("SELECT COUNT(*) FROM sandbox_billing_keys")
                .query(Long.class)
                .single())
        .isZero();
  }
}
