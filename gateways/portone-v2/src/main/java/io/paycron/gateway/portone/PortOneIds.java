package io.paycron.gateway.portone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The ids Paycron sends to PortOne, all derived deterministically from Paycron's idempotency keys
 * so that a retry, a reconciliation lookup or a run after a database restore names the same PortOne
 * object again.
 */
final class PortOneIds {

  /**
   * Length of a derived paymentId. PortOne's OpenAPI types paymentId as a plain string without a
   * documented limit, but channels reject long or non-alphanumeric ids (a public integration
   * reports a 400 for more than 32 characters), so the id stays within 32 letters and digits.
   */
  static final int PAYMENT_ID_LENGTH = 32;

  private static final String PAYMENT_ID_PREFIX = "pc";
  private static final String CANCEL_KEY_PREFIX = "paycron-cancel-";
  private static final String CANCEL_TAG_PREFIX = "[paycron:";
  private static final int CANCEL_TAG_HEX_DIGITS = 12;

  private PortOneIds() {}

  /**
   * The PortOne paymentId of a charge: {@code pc} and the first 30 hex digits (120 bits) of the
   * SHA-256 of Paycron's key {@code merchant_id:n:merchant_uid}. The key itself cannot be used: it
   * holds ':' and may be ~230 characters of anything a merchant_uid allows.
   */
  static String paymentId(String chargeIdempotencyKey) {
    String hex = HexFormat.of().formatHex(sha256(chargeIdempotencyKey));
    return PAYMENT_ID_PREFIX + hex.substring(0, PAYMENT_ID_LENGTH - PAYMENT_ID_PREFIX.length());
  }

  /**
   * The {@code Idempotency-Key} header of a cancel. PortOne accepts 16 to 256 characters of
   * letters, digits, '-' and '_': the URL-safe Base64 of a SHA-256 (43 characters) fits.
   */
  static String cancelIdempotencyKey(String cancelIdempotencyKey) {
    return CANCEL_KEY_PREFIX
        + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(cancelIdempotencyKey));
  }

  /**
   * A short mark appended to a cancel's reason. PortOne's cancel takes no id from the caller and
   * shows each cancellation's reason on the payment, so the mark is how a repeated cancel finds the
   * refund an earlier, unanswered request already made.
   */
  static String cancelTag(String cancelIdempotencyKey) {
    String hex = HexFormat.of().formatHex(sha256(cancelIdempotencyKey));
    return CANCEL_TAG_PREFIX + hex.substring(0, CANCEL_TAG_HEX_DIGITS) + "]";
  }

  /** A value as one URL path segment (PortOne asks for encodeURIComponent-style escaping). */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
