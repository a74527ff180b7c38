package io.paycron.client;

/**
 * A webhook failed {@link WebhookVerifier#verify}: answer it with 400 and do not act on it. The
 * message says why (missing header, stale timestamp, no matching signature, …).
 */
public final class WebhookVerificationException extends RuntimeException {

  WebhookVerificationException(String reason) {
    super(reason);
  }
}
