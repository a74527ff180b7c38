package io.paycron.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks the Standard Webhooks signature Paycron puts on every webhook (API.md §6): {@code
 * webhook-signature} holds {@code v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>} entries,
 * and {@code webhook-timestamp} must be within 5 minutes of this verifier's clock.
 *
 * <p>Give it every secret that may be in use: after {@link PaycronClient#rotateWebhookSecret()},
 * both the old and the new one until the old deliveries have drained. Thread-safe.
 */
public final class WebhookVerifier {

  /** How far {@code webhook-timestamp} may be from the clock, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String SECRET_PREFIX = "whsec_";
  private static final String HMAC = "HmacSHA256";

  private final List<SecretKeySpec> keys;
  private final Clock clock;

  /**
   * @param secrets one or more {@code whsec_<base64 key>} secrets, as shown by {@link
   *     PaycronClient#getWebhookSettings()}
   */
  public WebhookVerifier(List<String> secrets, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("secrets: at least one is required");
    }
    List<SecretKeySpec> parsed = new ArrayList<>();
    for (String secret : secrets) {
      parsed.add(new SecretKeySpec(decode(secret), HMAC));
    }
    this.keys = List.copyOf(parsed);
    this.clock = clock;
  }

  public WebhookVerifier(String secret, Clock clock) {
    this(List.of(secret), clock);
  }

  /**
   * Verifies one delivery and reads its V1 body.
   *
   * @param headers the request's headers; names are matched case-insensitively
   * @param body the raw request body, exactly as received (re-serialized JSON will not match)
   * @throws WebhookVerificationException when anything does not check out
   */
  public WebhookEvent verify(Map<String, String> headers, String body) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            byName.put(name, value);
          }
        });
    String id = required(byName, "webhook-id");
    String timestamp = required(byName, "webhook-timestamp");
    String signatures = required(byName, "webhook-signature");
    Instant sentAt = checkTimestamp(timestamp);
    if (body == null) {
      throw new WebhookVerificationException("the body is missing");
    }
    checkSignature(id + "." + timestamp + "." + body, signatures);
    return read(id, byName.get("Paycron-Event-Type"), sentAt, body);
  }

  private static byte[] decode(String secret) {
    String key =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    try {
      byte[] bytes = Base64.getDecoder().decode(key);
      if (bytes.length == 0) {
        throw new IllegalArgumentException("secret: the key is empty");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secret: expected whsec_<base64 key>", e);
    }
  }

  private static String required(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw new WebhookVerificationException("the " + name + " header is missing");
    }
    return value.trim();
  }

  private Instant checkTimestamp(String timestamp) {
    if (!timestamp.matches("[0-9]{1,12}")) {
      throw new WebhookVerificationException("webhook-timestamp is not UNIX seconds: " + timestamp);
    }
    Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Instant now = clock.instant();
    if (sentAt.isBefore(now.minus(TOLERANCE))) {
      throw new WebhookVerificationException(
          "webhook-timestamp " + timestamp + " is more than 5 minutes old (now " + now + ")");
    }
    if (sentAt.isAfter(now.plus(TOLERANCE))) {
      throw new WebhookVerificationException(
          "webhook-timestamp " + timestamp + " is more than 5 minutes ahead (now " + now + ")");
    }
    return sentAt;
  }

  private void checkSignature(String signedContent, String signatures) {
    List<byte[]> expected = new ArrayList<>();
    for (SecretKeySpec key : keys) {
      expected.add(hmac(key, signedContent));
    }
    int candidates = 0;
    for (String entry : signatures.split("\\s+")) {
      if (!entry.startsWith("v1,")) {
        continue; // other schemes (e.g. v1a, asymmetric) are not ours to check
      }
      candidates++;
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(3));
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (byte[] mac : expected) {
        if (MessageDigest.isEqual(mac, given)) {
          return;
        }
      }
    }
    throw new WebhookVerificationException(
        candidates == 0
            ? "webhook-signature has no v1 signature"
            : "no v1 signature matches the body with any of the "
                + keys.size()
                + " secret(s): wrong secret, or the body was changed");
  }

  private static byte[] hmac(SecretKeySpec key, String content) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** The V1 body is JSON by default, form-encoded when the merchant asked for that. */
  private static WebhookEvent read(String id, String eventType, Instant sentAt, String body) {
    Map<String, String> fields = body.strip().startsWith("{") ? jsonFields(body) : formFields(body);
    return new WebhookEvent(
        id,
        eventType,
        sentAt,
        fields.get("imp_uid"),
        fields.get("merchant_uid"),
        status(fields.get("status")),
        fields.get("cancellation_id"));
  }

  private static Map<String, String> jsonFields(String body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new WebhookVerificationException(
          "the body is not valid JSON: " + e.getOriginalMessage());
    }
    Map<String, String> fields = new HashMap<>();
    for (String name : root.propertyNames()) {
      JsonNode value = root.get(name);
      if (value.isString()) {
        fields.put(name, value.stringValue());
      }
    }
    return fields;
  }

  private static Map<String, String> formFields(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.strip().split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          fields.putIfAbsent(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new WebhookVerificationException("the body is neither JSON nor form-encoded");
        }
      }
    }
    return fields;
  }

  private static PaymentStatus status(String value) {
    if (value == null) {
      return null;
    }
    for (PaymentStatus status : PaymentStatus.values()) {
      if (status.wire().equals(value.toLowerCase(Locale.ROOT))) {
        return status;
      }
    }
    return PaymentStatus.UNKNOWN;
  }
}
