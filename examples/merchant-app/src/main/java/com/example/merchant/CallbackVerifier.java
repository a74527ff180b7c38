package com.example.merchant;

import io.paycron.client.PaycronClient;
import io.paycron.client.WebhookEvent;
import io.paycron.client.WebhookVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks the Standard Webhooks signature of each callback with the secrets from {@code
 * merchant.webhook-secrets}, or, when none are configured, with the merchant's current secret as
 * Paycron reports it at startup.
 */
@Component
class CallbackVerifier {

  private static final Logger log = LoggerFactory.getLogger(CallbackVerifier.class);

  private final PaycronClient paycron;
  private final List<String> configured;
  private final Clock clock;
  private WebhookVerifier verifier; // guarded by this; built once the secrets are known

  CallbackVerifier(PaycronClient paycron, MerchantProperties properties, Clock clock) {
    this.paycron = paycron;
    this.configured = properties.webhookSecrets();
    this.clock = clock;
  }

  /**
   * Fetches the secret at startup, but does not refuse to start without it: Paycron may simply not
   * be up yet, and the first callback fetches it again.
   */
  @EventListener(ApplicationReadyEvent.class)
  void fetchSecretAtStartup() {
    try {
      verifier();
    } catch (RuntimeException e) {
      log.warn("could not fetch the webhook secret from Paycron yet: {}", e.toString());
    }
  }

  /**
   * @throws io.paycron.client.WebhookVerificationException when the callback is not Paycron's
   * @throws RuntimeException when the secret cannot be fetched (our problem, not the sender's)
   */
  WebhookEvent verify(Map<String, String> headers, String rawBody) {
    return verifier().verify(headers, rawBody);
  }

  private synchronized WebhookVerifier verifier() {
    if (verifier == null) {
      List<String> secrets =
          configured.isEmpty() ? List.of(paycron.getWebhookSettings().secret()) : configured;
      verifier = new WebhookVerifier(secrets, clock);
      log.info(
          "verifying callbacks with {} secret(s){}",
          secrets.size(),
          configured.isEmpty() ? " fetched from Paycron" : " from merchant.webhook-secrets");
    }
    return verifier;
  }
}
