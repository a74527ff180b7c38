package io.paycron.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Paycron must be able to read back (webhook signing secrets; gateway
 * credentials) before they are stored: AES-256-GCM from the JDK, a fresh 96-bit nonce per value,
 * the key derived from {@code PAYCRON_SECRET_KEY}. A stolen database or backup alone reveals none
 * of them. Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag).
 *
 * <p>Values written before encryption existed carry no prefix and are read as they are, so an
 * upgrade needs no migration; they are re-encrypted when rotated.
 */
public final class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /**
   * @param secretKey the operator's key material (any length; production asks for ≥ 32).
   */
  public SecretBox(String secretKey) {
    this.key = new SecretKeySpec(derive(secretKey), "AES");
  }

  /**
   * A key for AES from the operator's text: HMAC-SHA256 keyed by it over a fixed label, so any
   * string becomes exactly 256 bits and the same text always gives the same key.
   */
  private static byte[] derive(String secretKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal("paycron secret box v1".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  public String seal(String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JVM", e);
    }
  }

  /**
   * The plaintext of a stored value.
   *
   * @throws WrongKeyException when the value was sealed with another key or altered
   */
  public String open(String stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new WrongKeyException();
    }
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** A stored secret that this key cannot open: the server runs with another PAYCRON_SECRET_KEY. */
  public static final class WrongKeyException extends RuntimeException {
    WrongKeyException() {
      super(
          "a stored secret cannot be decrypted: PAYCRON_SECRET_KEY is not the key it was"
              + " encrypted with (or the value was altered)");
    }
  }
}
