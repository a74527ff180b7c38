package io.paycron.merchant;

import io.paycron.common.Secrets;
import io.paycron.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The admin API ({@code /paycron/admin/v1/…}) takes only the operators' token ({@code
 * Authorization: Bearer <PAYCRON_ADMIN_TOKEN>}), never a merchant's, and merchant endpoints never
 * take it. Without a configured token the admin API is closed. Wrong tokens are counted per client
 * address (apart from getToken's count); past the limit they answer 429.
 */
class AdminAuthInterceptor implements HandlerInterceptor {

  private final byte[] expectedHash;
  private final LoginThrottle throttle;

  AdminAuthInterceptor(String adminToken, LoginThrottle throttle) {
    this.expectedHash = adminToken == null || adminToken.isBlank() ? null : hash(adminToken.trim());
    this.throttle = throttle;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (expectedHash == null) {
      throw new ApiException.Forbidden(
          "the admin API is disabled on this server: set PAYCRON_ADMIN_TOKEN to enable it");
    }
    String given = bearer(request.getHeader("Authorization"));
    // comparing digests of equal length in constant time tells nothing about the token's prefix
    if (given != null && MessageDigest.isEqual(hash(given), expectedHash)) {
      return true;
    }
    // only wrong tokens are counted and slowed: a flood of them (even from behind the same proxy)
    // never locks out the operators, who hold the right one
    String address = request.getRemoteAddr();
    throttle
        .adminBlockedFor(address)
        .ifPresent(
            seconds -> {
              throw new ApiException.TooManyRequests(
                  "too many wrong admin tokens from this address; retry after "
                      + seconds
                      + " seconds",
                  seconds);
            });
    throttle.adminFailedFrom(address);
    throw new ApiException.Unauthorized();
  }

  private static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
  }

  private static byte[] hash(String token) {
    return Secrets.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
  }
}
