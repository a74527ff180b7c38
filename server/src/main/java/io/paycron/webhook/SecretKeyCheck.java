package io.paycron.webhook;

import io.paycron.common.SecretBox;
import io.paycron.storage.StartupRefusedException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a PAYCRON_SECRET_KEY that cannot open the secrets already stored: running
 * on would fail every webhook delivery later, one by one, instead of once and clearly now.
 */
@Component
class SecretKeyCheck implements SmartInitializingSingleton {

  private final WebhookSecretRepository secrets;
  private final SecretBox box;

  SecretKeyCheck(WebhookSecretRepository secrets, SecretBox box) {
    this.secrets = secrets;
    this.box = box;
  }

  @Override
  public void afterSingletonsInstantiated() {
    secrets
        .anySealedSecret()
        .ifPresent(
            stored -> {
              try {
                box.open(stored);
              } catch (SecretBox.WrongKeyException e) {
                throw new StartupRefusedException(
                    "PAYCRON_SECRET_KEY does not decrypt the webhook secrets stored in this"
                        + " database (it is not the key they were encrypted with).",
                    "Start with the PAYCRON_SECRET_KEY this database was written with.");
              }
            });
  }
}
