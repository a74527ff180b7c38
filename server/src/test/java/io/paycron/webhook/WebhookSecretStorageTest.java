package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.common.SecretBox;
import io.paycron.storage.StartupRefusedException;
import io.paycron.support.ApiClient;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webhook signing secrets are stored encrypted with PAYCRON_ENCRYPTION_KEY: the database holds no
 * secret in clear, the same key reads them back after a restart, and another key refuses to start.
 */
class WebhookSecretStorageTest {

  private static final String KEY = SecretBox.newKey();

  private static List<Map<String, Object>> rows(TestServer server, String merchantId) {
    return server
        .jdbc()
        .sql(
            "SELECT secret, expires_at FROM webhook_secrets WHERE merchant_id = :m"
                + " ORDER BY created_at, secret")
        .param("m", merchantId)
        .query()
        .listOfRows();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void secretsAreStoredEncryptedAndOnlyTheirKeyOpensThem(TestDatabase database) {
    TestServer first = TestServer.start(database, Map.of("paycron.encryption-key", KEY));
    TestDatabase.Store store = first.store();
    String secret;
    String rotated;
    try (first) {
      ApiClient api = first.sandboxClient();
      secret = api.get("/paycron/v1/webhook").response().get("secret").asString();
      rotated =
          api.postJson("/paycron/v1/webhook/rotate_secret", Map.of())
              .response()
              .get("secret")
              .asString();
      List<Map<String, Object>> rows = rows(first, "mer_sandbox");
      assertThat(rows).hasSize(2);
      for (Map<String, Object> row : rows) {
        assertThat((String) row.get("secret"))
            .startsWith("v1:")
            .doesNotContain(secret)
            .doesNotContain(rotated)
            .doesNotContain("whsec_");
      }
      // the rotation ends the old secret after the overlap and keeps the new one open-ended
      assertThat(rows.stream().filter(r -> r.get("expires_at") == null)).hasSize(1);
    }

    try (TestServer again =
        TestServer.startOn(database, store, Map.of("paycron.encryption-key", KEY))) {
      assertThat(
              again.sandboxClient().get("/paycron/v1/webhook").response().get("secret").asString())
          .isEqualTo(rotated);
      // a secret an older release stored in clear
      again
          .jdbc()
          .sql(
              "INSERT INTO webhook_secrets (merchant_id, secret, created_at, expires_at)"
                  + " VALUES ('mer_sandbox', 'whsec_from_an_older_release', 1, NULL)")
          .update();
    }
    try (TestServer upgraded =
        TestServer.startOn(database, store, Map.of("paycron.encryption-key", KEY))) {
      // encrypted at start, and still signing
      assertThat(rows(upgraded, "mer_sandbox"))
          .allSatisfy(row -> assertThat((String) row.get("secret")).startsWith("v1:"));
      assertThat(
              upgraded
                  .sandboxClient()
                  .get("/paycron/v1/webhook")
                  .response()
                  .get("secret")
                  .asString())
          .isIn(rotated, "whsec_from_an_older_release");
    }

    Throwable refused =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                TestServer.startOn(
                        database, store, Map.of("paycron.encryption-key", SecretBox.newKey()))
                    .close());
    Throwable root = refused;
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root)
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("PAYCRON_ENCRYPTION_KEY is not the key");
  }
}
