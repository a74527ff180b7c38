package io.paycron.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs like Paycron does, for tests: {@code v1,base64(HMAC-SHA256(key, id.timestamp.body))}. */
final class WebhookSigner {

  private WebhookSigner() {}

  static String sign(String secret, String id, long timestamp, String body) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String newSecret(String seed) {
    return "whsec_" + Base64.getEncoder().encodeToString(seed.getBytes(StandardCharsets.UTF_8));
  }
}
