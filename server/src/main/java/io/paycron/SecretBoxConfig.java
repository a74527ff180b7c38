package io.paycron;

import io.paycron.common.SecretBox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretBoxConfig {

  /**
   * Sandbox mode without PAYCRON_SECRET_KEY uses this published key: sandbox secrets sign test
   * webhooks only. Production refuses to start without a key of its own ({@link ProductionGuard}).
   */
  static final String SANDBOX_KEY = "paycron-sandbox-secret-key: public, for sandbox mode only";

  @Bean
  SecretBox secretBox(PaycronProperties properties) {
    String key = properties.secretKey();
    return new SecretBox(key == null || key.isBlank() ? SANDBOX_KEY : key.strip());
  }
}
