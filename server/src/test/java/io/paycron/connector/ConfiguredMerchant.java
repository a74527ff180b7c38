package io.paycron.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.TestServer;
import java.util.Map;

/** A new merchant whose gateway an operator configured through the admin API, logged in. */
record ConfiguredMerchant(String merchantId, ApiClient api) {

  /**
   * Creates the merchant and PUTs {@code configJson} as its {@code pg} configuration.
   *
   * @param configJson the admin API body: provider, base_url, credentials, default
   */
  static ConfiguredMerchant create(
      TestServer server, String adminToken, String name, String pg, String configJson) {
    ApiClient admin = new ApiClient(server.baseUrl(), "Bearer " + adminToken);
    Answer created = admin.postJson("/paycron/admin/v1/merchants", Map.of("name", name));
    String merchantId = created.response().get("merchant_id").asString();
    Answer configured =
        admin.send(
            "PUT",
            "/paycron/admin/v1/merchants/" + merchantId + "/gateways/" + pg,
            "application/json",
            configJson);
    assertThat(configured.code()).as(configured.toString()).isZero();
    return new ConfiguredMerchant(
        merchantId,
        ApiClient.login(
            server.baseUrl(),
            created.response().get("imp_key").asString(),
            created.response().get("imp_secret").asString()));
  }
}
