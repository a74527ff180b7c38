package com.example.merchant;

import io.paycron.client.PaycronClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaycronConfig {

  /**
   * Enough for days of webhooks at a small shop; see {@link Deduplicator} for why a bound is ok.
   */
  private static final int REMEMBERED_WEBHOOK_IDS = 100_000;

  /** One client for the app: it keeps the access token and renews it itself. */
  @Bean
  PaycronClient paycronClient(MerchantProperties properties) {
    MerchantProperties.Paycron paycron = properties.paycron();
    return PaycronClient.builder()
        .baseUrl(paycron.baseUrl())
        .credentials(paycron.impKey(), paycron.impSecret())
        .build();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Deduplicator deduplicator() {
    return new Deduplicator(REMEMBERED_WEBHOOK_IDS);
  }
}
