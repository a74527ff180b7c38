package io.paycron;

import io.paycron.common.SecretBox;
import io.paycron.storage.StartupRefusedException;
import io.paycron.webhook.WebhookSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes sure every node encrypts with the database's key: the first node to start seals a known
 * text in {@code key_checks}; every node opens it at start and refuses to run with another key (a
 * node that did would seal secrets the others cannot read, and fail every delivery of what the
 * others sealed). With the key confirmed, secrets an older release stored in clear are encrypted.
 */
@Component
class EncryptionKeyCheck implements SmartInitializingSingleton {

  private static final String PURPOSE = "encryption_key";
  private static final String KNOWN_TEXT = "paycron encryption key check v1";
  private static final Logger log = LoggerFactory.getLogger(EncryptionKeyCheck.class);

  private final SecretBox box;
  private final JdbcClient jdbc;
  private final PaycronProperties properties;
  private final RuntimeMode mode;
  private final WebhookSettings webhooks;
  private final Clock clock;

  EncryptionKeyCheck(
      SecretBox box,
      JdbcClient jdbc,
      PaycronProperties properties,
      RuntimeMode mode,
      WebhookSettings webhooks,
      Clock clock) {
    this.box = box;
    this.jdbc = jdbc;
    this.properties = properties;
    this.mode = mode;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    boolean keyMissing = properties.encryptionKey() == null || properties.encryptionKey().isBlank();
    if (!mode.isSandbox() && keyMissing) {
      return; // ProductionGuard refuses to start; the throwaway key must seal nothing
    }
    jdbc.sql(
            "INSERT INTO key_checks (purpose, sealed, created_at) VALUES (:purpose, :sealed, :now)"
                + " ON CONFLICT (purpose) DO NOTHING")
        .param("purpose", PURPOSE)
        .param("sealed", box.seal(KNOWN_TEXT, PURPOSE))
        .param("now", clock.millis())
        .update();
    String sealed =
        jdbc.sql("SELECT sealed FROM key_checks WHERE purpose = :purpose")
            .param("purpose", PURPOSE)
            .query(String.class)
            .single();
    try {
      box.open(sealed, PURPOSE);
    } catch (SecretBox.WrongKeyException e) {
      throw new StartupRefusedException(
          "PAYCRON_ENCRYPTION_KEY is not the key this database's secrets are encrypted with"
              + (keyMissing
                  ? " (sandbox mode generated one in " + properties.data() + " for this node)."
                  : "."),
          "Start every node with the PAYCRON_ENCRYPTION_KEY the database was first run with.");
    }
    int sealedNow = webhooks.sealSecretsStoredInClear();
    if (sealedNow > 0) {
      log.info("encrypted {} webhook secret(s) stored in clear by an older release", sealedNow);
    }
  }
}
