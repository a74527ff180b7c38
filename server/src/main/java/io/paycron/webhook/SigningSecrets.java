package io.paycron.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;

/**
 * The secrets that sign a merchant's deliveries, kept briefly per node: a rotation reaches other
 * nodes within seconds, and the end of a rotation's overlap is honoured to the millisecond (the
 * cached list is read again once its first expiry has passed).
 */
final class SigningSecrets {

  private final WebhookSettings settings;
  private final Cache<String, WebhookSettings.Signing> cache =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(100_000).build();

  SigningSecrets(WebhookSettings settings) {
    this.settings = settings;
  }

  /** The secrets that sign at {@code nowMillis}, newest first. */
  List<String> at(String merchantId, long nowMillis) {
    WebhookSettings.Signing signing = cache.get(merchantId, settings::signingFor);
    if (nowMillis >= signing.validUntil()) {
      signing = settings.signingFor(merchantId);
      cache.put(merchantId, signing);
    }
    return signing.secrets();
  }

  void forget(String merchantId) {
    cache.invalidate(merchantId);
  }
}
