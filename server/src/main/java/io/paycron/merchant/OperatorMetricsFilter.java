package io.paycron.merchant;

import io.paycron.RuntimeMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} is public in sandbox mode and needs the admin token in production
 * (API.md §12): metrics tell merchant counts and volumes. A filter, because actuator endpoints are
 * not behind the MVC interceptors.
 */
class OperatorMetricsFilter extends OncePerRequestFilter {

  private final RuntimeMode mode;
  private final AdminToken adminToken;

  OperatorMetricsFilter(RuntimeMode mode, AdminToken adminToken) {
    this.mode = mode;
    this.adminToken = adminToken;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return mode.isSandbox() || !request.getRequestURI().startsWith("/actuator/prometheus");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!adminToken.isIn(request.getHeader("Authorization"))) {
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
}
