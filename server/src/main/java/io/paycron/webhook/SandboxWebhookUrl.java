package io.paycron.webhook;

import io.paycron.PaycronProperties;
import io.paycron.RuntimeMode;
import io.paycron.merchant.SandboxMerchant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * {@code PAYCRON_SANDBOX_WEBHOOK_URL}, when set, overwrites the sandbox merchant's URL at start.
 */
@Component
class SandboxWebhookUrl implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SandboxWebhookUrl.class);

  private final SandboxMerchant sandboxMerchant;
  private final WebhookSettings settings;
  private final RuntimeMode mode;
  private final String url;

  SandboxWebhookUrl(
      SandboxMerchant sandboxMerchant,
      WebhookSettings settings,
      RuntimeMode mode,
      PaycronProperties properties) {
    this.sandboxMerchant = sandboxMerchant;
    this.settings = settings;
    this.mode = mode;
    this.url = properties.sandboxWebhookUrl();
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!mode.isSandbox() || url == null || url.isBlank()) {
      return;
    }
    sandboxMerchant.seed();
    settings.setUrl(SandboxMerchant.MERCHANT_ID, url);
    log.info("sandbox merchant webhook URL set to {}", url);
  }
}
