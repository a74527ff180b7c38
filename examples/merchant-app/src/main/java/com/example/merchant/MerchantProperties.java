package com.example.merchant;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code merchant.*} settings; defaults are in merchant-app.yml and the README.
 *
 * @param webhookSecrets {@code whsec_…} secrets to verify callbacks with; empty: fetch the current
 *     one from Paycron at startup
 * @param callbackUrl where Paycron sends the webhooks of our schedules; empty: this app's own
 *     {@code /iamport-callback/schedule} on the port it actually listens on
 * @param billingInterval from one period's due time to the next
 * @param retryDelay from a declined charge to its retry
 * @param maxRetries retries of one period's payment before the subscription stops
 */
@ConfigurationProperties("merchant")
record MerchantProperties(
    @DefaultValue Paycron paycron,
    @DefaultValue List<String> webhookSecrets,
    @DefaultValue("") String callbackUrl,
    @DefaultValue("P30D") Duration billingInterval,
    @DefaultValue("P1D") Duration retryDelay,
    @DefaultValue("3") int maxRetries) {

  MerchantProperties {
    if (billingInterval.isNegative() || billingInterval.isZero()) {
      throw new IllegalArgumentException("merchant.billing-interval: must be positive");
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("merchant.retry-delay: must not be negative");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("merchant.max-retries: must not be negative");
    }
  }

  /** Where Paycron is and the merchant's REST API key pair. */
  record Paycron(
      @DefaultValue("http://localhost:8080") String baseUrl,
      @DefaultValue("imp_apikey") String impKey,
      @DefaultValue(
              "ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f")
          String impSecret) {}
}
