package io.paycron.gateway.tosspayments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Turns Paycron's identifiers into ones Toss accepts, always the same way for the same input.
 *
 * <p>Paycron's idempotency key ({@code merchant_id:n:merchant_uid}, up to about 230 printable
 * characters, any script) does not fit Toss's {@code orderId} (6 to 64 characters of {@code
 * [A-Za-z0-9_-]}). The orderId is therefore a hash of the key: the same key always names the same
 * Toss order, so a charge can be looked up by its key during reconciliation, also after Paycron's
 * database was restored from a backup. Nothing random goes in.
 */
final class TossIdentifiers {

  /** Toss: "영문 대소문자, 숫자, 특수문자 -, _, =, ., @", 2 to 300 characters. */
  private static final Pattern CUSTOMER_KEY = Pattern.compile("[A-Za-z0-9\\-_=.@]{2,300}");

  private static final String ORDER_PREFIX = "pc-";
  private static final String CANCEL_PREFIX = "pc-cancel-";

  private TossIdentifiers() {}

  /**
   * {@code pc-} and the unpadded base64url SHA-256 of the key: 46 characters of {@code
   * [A-Za-z0-9_-]}, within Toss's 6 to 64.
   */
  static String orderId(String paycronIdempotencyKey) {
    return ORDER_PREFIX + hash(paycronIdempotencyKey);
  }

  /**
   * The {@code Idempotency-Key} header of a charge: its orderId. Toss keeps a key for 15 days and
   * scopes it by secret key, URL and method, so reusing the orderId is safe and keeps one name per
   * charge in Toss's dashboard and in Paycron's logs.
   */
  static String chargeIdempotencyKey(String paycronIdempotencyKey) {
    return orderId(paycronIdempotencyKey);
  }

  /** The {@code Idempotency-Key} header of a refund (Toss allows up to 300 characters). */
  static String cancelIdempotencyKey(String paycronCancelKey) {
    return CANCEL_PREFIX + hash(paycronCancelKey);
  }

  /**
   * Paycron's customer key as is when Toss accepts it (Paycron derives {@code cus_} and hex, which
   * it does), otherwise a hash of it, so any SPI caller gets a valid key.
   */
  static String customerKey(String paycronCustomerKey) {
    if (CUSTOMER_KEY.matcher(paycronCustomerKey).matches()) {
      return paycronCustomerKey;
    }
    return ORDER_PREFIX + hash(paycronCustomerKey);
  }

  private static String hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
