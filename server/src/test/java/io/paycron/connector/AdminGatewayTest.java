package io.paycron.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.common.Secrets;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operators configure a merchant's gateways through the admin API: credentials are stored sealed
 * and never answered; bad configurations are refused and change nothing.
 */
class AdminGatewayTest {

  private static final String ADMIN_TOKEN = "admin-" + Secrets.randomHex(24);
  private static final Servers servers = new Servers(Map.of("paycron.admin-token", ADMIN_TOKEN));

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static ApiClient admin(TestServer server) {
    return new ApiClient(server.baseUrl(), "Bearer " + ADMIN_TOKEN);
  }

  private static String newMerchant(TestServer server) {
    return admin(server)
        .postJson("/paycron/admin/v1/merchants", Map.of("name", "gateway test"))
        .response()
        .get("merchant_id")
        .asString();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aConfigurationIsStoredSealedAndAnsweredWithoutItsCredentials(TestDatabase database) {
    TestServer server = servers.on(database);
    String merchant = newMerchant(server);
    String path = "/paycron/admin/v1/merchants/" + merchant + "/gateways/";
    Answer put =
        admin(server)
            .send(
                "PUT",
                path + "sandbox.mid_1",
                "application/json",
                "{\"provider\":\"sandbox\",\"credentials\":{\"secret_key\":\"sk_very_secret\"},"
                    + "\"default\":true}");
    assertThat(put.code()).as(put.toString()).isZero();
    assertThat(put.response().get("pg").asString()).isEqualTo("sandbox.mid_1");
    assertThat(put.response().get("default").asBoolean()).isTrue();
    assertThat(put.raw().body()).doesNotContain("sk_very_secret").doesNotContain("credentials");

    Answer list = admin(server).get("/paycron/admin/v1/merchants/" + merchant + "/gateways");
    assertThat(list.response()).hasSize(1);
    assertThat(list.raw().body()).doesNotContain("sk_very_secret");
    String stored =
        server
            .jdbc()
            .sql("SELECT credentials FROM merchant_gateways WHERE merchant_id = :m")
            .param("m", merchant)
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:").doesNotContain("sk_very_secret");

    assertThat(admin(server).delete(path + "sandbox.mid_1").code()).isZero();
    assertThat(admin(server).delete(path + "sandbox.mid_1").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void badConfigurationsAreRefusedClearlyAndChangeNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    String merchant = newMerchant(server);
    String path = "/paycron/admin/v1/merchants/" + merchant + "/gateways/";
    List<String[]> refused =
        List.of(
            new String[] {"nosuchpg", "{\"provider\":\"nosuchpg\"}", "provider"},
            new String[] {"sandbox", "{\"provider\":\"tosspayments\"}", "provider"},
            new String[] {"sandbox", "{}", "provider"},
            new String[] {"Bad PG!", "{\"provider\":\"sandbox\"}", "pg"},
            new String[] {
              "sandbox", "{\"provider\":\"sandbox\",\"credentials\":[1]}", "credentials"
            });
    for (String[] r : refused) {
      Answer answer =
          admin(server).send("PUT", path + ApiClient.encode(r[0]), "application/json", r[1]);
      assertThat(answer.status()).as(String.join(" ", r) + " " + answer).isEqualTo(400);
      assertThat(answer.message()).contains(r[2]);
    }
    Answer unknownMerchant =
        admin(server)
            .send(
                "PUT",
                "/paycron/admin/v1/merchants/mer_nobody/gateways/sandbox",
                "application/json",
                "{\"provider\":\"sandbox\"}");
    assertThat(unknownMerchant.status()).isEqualTo(404);
    assertThat(
            server
                .jdbc()
                .sql(
                    "SELECT COUNT(*) FROM merchant_gateways WHERE merchant_id IN (:m, 'mer_nobody')")
                .param("m", merchant)
                .query(Long.class)
                .single())
        .isZero();
  }
}
