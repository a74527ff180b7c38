package io.paycron.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Paycron must be able to read back (webhook signing secrets, gateway
 * credentials) before they are stored: AES-256-GCM from the JDK with {@code
 * PAYCRON_ENCRYPTION_KEY}, a fresh 96-bit nonce per value, and the owner of the value (a merchant
 * id, say) bound in as associated data, so a sealed value copied into another merchant's row does
 * not open. A stolen database or backup alone reveals none of them. Stored form: {@code v1:} +
 * base64(nonce ‖ ciphertext ‖ tag).
 */
public final class SecretBox {

  public static final int KEY_BYTES = 32;
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /**
   * @param key exactly 32 bytes
   */
  public SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("an encryption key is " + KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A new random key, base64: what {@code openssl rand -base64 32} prints. */
  public static String newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /**
   * Reads a base64 key.
   *
   * @throws IllegalArgumentException when it is not the base64 of exactly 32 bytes
   */
  public static SecretBox fromBase64(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the encryption key is not base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the encryption key is " + key.length + " bytes; it must be " + KEY_BYTES);
    }
    return new SecretBox(key);
  }

  /** Seals {@code plaintext} for {@code owner} (who must be named again to open it). */
  public String seal(String plaintext, String owner) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JVM", e);
    }
  }

  /**
   * The plaintext of a value sealed for {@code owner}.
   *
   * @throws WrongKeyException when it was sealed with another key or for another owner, or altered
   */
  public String open(String stored, String owner) {
    if (!isSealed(stored)) {
      throw new WrongKeyException();
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new WrongKeyException();
    }
  }

  /** Whether a stored value is sealed (values stored before encryption existed are not). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** A stored secret that this key cannot open: another PAYCRON_ENCRYPTION_KEY, or tampering. */
  public static final class WrongKeyException extends RuntimeException {
    WrongKeyException() {
      super(
          "a stored secret cannot be decrypted: PAYCRON_ENCRYPTION_KEY is not the key it was"
              + " encrypted with (or the value was altered)");
    }
  }
}
