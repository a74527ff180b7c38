package io.paycron.webhook;

import io.paycron.RuntimeMode;
import io.paycron.common.Secrets;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A merchant's webhook URL and signing secrets. */
@Service
public class WebhookSettings {

  /** How long the previous secret keeps signing after a rotation, unless the merchant says. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  /** The longest overlap a merchant may ask for. */
  static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);

  private final WebhookRepository webhooks;
  private final WebhookSecretRepository secrets;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final WebhookDispatcher dispatcher;
  private final RuntimeMode mode;

  WebhookSettings(
      WebhookRepository webhooks,
      WebhookSecretRepository secrets,
      TransactionTemplate transactions,
      Clock clock,
      WebhookDispatcher dispatcher,
      RuntimeMode mode) {
    this.mode = mode;
    this.webhooks = webhooks;
    this.secrets = secrets;
    this.transactions = transactions;
    this.clock = clock;
    this.dispatcher = dispatcher;
  }

  record View(String url, String secret) {}

  View get(Merchant merchant) {
    return new View(
        webhooks.merchantWebhookUrl(merchant.id()).orElse(null), secretsFor(merchant.id()).get(0));
  }

  View setUrl(Merchant merchant, String url) {
    setUrl(merchant.id(), url);
    return get(merchant);
  }

  /** Sets (or clears, with null) the merchant's default webhook URL. */
  public void setUrl(String merchantId, String url) {
    String valid = url == null || url.isBlank() ? null : targetUrl(url);
    webhooks.setMerchantWebhookUrl(merchantId, valid);
  }

  /**
   * A URL Paycron may send webhooks to: absolute http(s), and in production a public host (no SSRF
   * into the server's own network); else a 400 naming the field.
   */
  String targetUrl(String url) {
    String valid = validUrl(url);
    if (!mode.isSandbox()) {
      try {
        WebhookTargets.requirePublicHost(valid);
      } catch (IllegalArgumentException e) {
        throw new ApiException.InvalidRequest(e.getMessage());
      }
    }
    return valid;
  }

  View rotate(Merchant merchant) {
    return rotate(merchant, ROTATION_OVERLAP);
  }

  /**
   * A new secret signs from now on; the previous ones sign too until {@code overlap} has passed
   * (webhook-signature then carries one {@code v1,} entry per secret), so receivers can switch to
   * the new secret at any time within it.
   */
  View rotate(Merchant merchant, Duration overlap) {
    if (overlap.isNegative() || overlap.compareTo(MAX_ROTATION_OVERLAP) > 0) {
      throw new ApiException.InvalidRequest(
          "overlap_seconds: must be between 0 and " + MAX_ROTATION_OVERLAP.toSeconds());
    }
    String secret = newSecret();
    transactions.executeWithoutResult(
        tx -> {
          long now = clock.millis();
          String stored = secrets.insertSecret(merchant.id(), secret, now);
          secrets.expireOlderSecrets(merchant.id(), stored, now + overlap.toMillis());
        });
    dispatcher.forgetSecrets(merchant.id());
    return get(merchant);
  }

  /**
   * Encrypts webhook secrets stored in clear by a release before encryption; called at start once
   * the encryption key is known to be the database's.
   */
  public int sealSecretsStoredInClear() {
    return transactions.execute(tx -> secrets.sealStoredInClear());
  }

  /** The secrets that sign now, newest first; the first is created on first use. */
  List<String> secretsFor(String merchantId) {
    List<String> live = secrets.liveSecrets(merchantId, clock.millis());
    if (!live.isEmpty()) {
      return live;
    }
    secrets.insertSecret(merchantId, newSecret(), clock.millis());
    return secrets.liveSecrets(merchantId, clock.millis());
  }

  /** The secrets that sign now, and until when that list holds (the next expiry, if any). */
  record Signing(List<String> secrets, long validUntil) {}

  Signing signingFor(String merchantId) {
    long now = clock.millis();
    List<String> live = secretsFor(merchantId);
    return new Signing(live, secrets.nextExpiry(merchantId, now).orElse(Long.MAX_VALUE));
  }

  private static String newSecret() {
    byte[] key = java.util.HexFormat.of().parseHex(Secrets.randomHex(24));
    return WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** An absolute http(s) URL, or a 400 naming the field. */
  public static String validUrl(String value) {
    String url = value.trim();
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && url.length() <= 2000) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw new ApiException.InvalidRequest("url: must be an absolute http or https URL");
  }
}
