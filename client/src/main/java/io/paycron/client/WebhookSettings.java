package io.paycron.client;

/**
 * The merchant's webhook settings ({@code GET /paycron/v1/webhook}).
 *
 * @param url the default URL webhooks go to when a request names no {@code notice_url}
 * @param secret the current signing secret, {@code whsec_<base64 key>}; give it to {@link
 *     WebhookVerifier}
 */
public record WebhookSettings(String url, String secret) {

  @Override
  public String toString() {
    return "WebhookSettings[url=" + url + ", secret=" + (secret == null ? null : "whsec_…") + "]";
  }
}
