package io.paycron.merchant;

import io.paycron.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operators' token ({@code PAYCRON_ADMIN_TOKEN}) and the one way a request proves it holds it:
 * {@code Authorization: Bearer <token>}, compared as SHA-256 digests of equal length in constant
 * time, so timing tells nothing about the token's prefix.
 */
final class AdminToken {

  private final byte[] expectedHash;

  AdminToken(String configured) {
    this.expectedHash =
        configured == null || configured.isBlank() ? null : hash(configured.strip());
  }

  /** Whether an admin token is configured at all (without one the admin API is closed). */
  boolean isConfigured() {
    return expectedHash != null;
  }

  /** Whether the request's Authorization header carries the admin token. */
  boolean isIn(String authorizationHeader) {
    if (expectedHash == null || authorizationHeader == null) {
      return false;
    }
    String value = authorizationHeader.strip();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(hash(value.substring(7).strip()), expectedHash);
  }

  private static byte[] hash(String token) {
    return Secrets.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
  }
}
