package io.paycron.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>},
 * where the secret is {@code whsec_} + base64(key). While a rotation overlaps, every live secret
 * signs and the header lists each signature.
 */
public final class WebhookSigner {

  public static final String SECRET_PREFIX = "whsec_";

  private WebhookSigner() {}

  public static String sign(String secret, String id, long timestampSeconds, String body) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
    }
    byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature =
          mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  /** The {@code webhook-signature} header value: one signature per live secret. */
  public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
    return secrets.stream()
        .map(secret -> sign(secret, id, timestampSeconds, body))
        .collect(Collectors.joining(" "));
  }
}
