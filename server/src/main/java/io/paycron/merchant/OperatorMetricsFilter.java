package io.paycron.merchant;

import io.paycron.RuntimeMode;
import io.paycron.common.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} is public in sandbox mode and needs the admin token in production
 * (API.md §12): metrics tell merchant counts and volumes. A filter, because actuator endpoints are
 * not behind the MVC interceptors.
 */
class OperatorMetricsFilter extends OncePerRequestFilter {

  private final RuntimeMode mode;
  private final byte[] expectedHash;

  OperatorMetricsFilter(RuntimeMode mode, String adminToken) {
    this.mode = mode;
    this.expectedHash =
        adminToken == null || adminToken.isBlank() ? null : hash(adminToken.strip());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return mode.isSandbox() || !request.getRequestURI().startsWith("/actuator/prometheus");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader("Authorization");
    String given =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : null;
    if (expectedHash == null
        || given == null
        || !MessageDigest.isEqual(hash(given), expectedHash)) {
      response.setStatus(401);
      response.setContentType("application/json;charset=UTF-8");
      response
          .getOutputStream()
          .write(
              "{\"code\":-1,\"message\":\"Unauthorized\",\"response\":null}"
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }

  private static byte[] hash(String token) {
    return Secrets.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
  }
}
