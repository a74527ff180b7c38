package io.paycron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.paycron.storage.StartupRefusedException;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production mode refuses to start, naming what is missing, rather than run unsafely. */
class ProductionRefusalTest {

  private static final String GOOD_TOKEN = "0123456789abcdef0123456789abcdef";
  private static final String GOOD_KEY = io.paycron.common.SecretBox.newKey();

  private static void assertRefused(Map<String, Object> settings, String naming) {
    Map<String, Object> properties = new HashMap<>(settings);
    properties.put("spring.profiles.active", "production");
    Throwable thrown =
        catchThrowable(() -> TestServer.start(TestDatabase.SQLITE, properties).close());
    Throwable root = thrown;
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root).isInstanceOf(StartupRefusedException.class).hasMessageContaining(naming);
  }

  @Test
  void withoutAnAdminTokenProductionDoesNotStart() {
    assertRefused(Map.of("paycron.encryption-key", GOOD_KEY), "PAYCRON_ADMIN_TOKEN is missing");
    assertRefused(
        Map.of("paycron.encryption-key", GOOD_KEY, "paycron.admin-token", "   "),
        "PAYCRON_ADMIN_TOKEN is missing");
  }

  @Test
  void aGuessableAdminTokenIsRefused() {
    assertRefused(
        Map.of("paycron.encryption-key", GOOD_KEY, "paycron.admin-token", "short-token"),
        "shorter than 32 characters");
  }

  @Test
  void withoutAnEncryptionKeyProductionDoesNotStart() {
    assertRefused(Map.of("paycron.admin-token", GOOD_TOKEN), "PAYCRON_ENCRYPTION_KEY is missing");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertRefused(
        Map.of(),
        "PAYCRON_ADMIN_TOKEN is missing or shorter than 32 characters (it guards merchant"
            + " management); PAYCRON_ENCRYPTION_KEY is missing (it encrypts stored secrets).");
  }

  @Test
  void anEncryptionKeyThatIsNotBase64Of32BytesIsRefused() {
    assertRefused(
        Map.of("paycron.admin-token", GOOD_TOKEN, "paycron.encryption-key", "0123456789abcdef"),
        "PAYCRON_ENCRYPTION_KEY is not valid: the encryption key is 12 bytes; it must be 32");
  }
}
