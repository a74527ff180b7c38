package io.paycron.merchant;

import io.paycron.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The admin API ({@code /paycron/admin/v1/…}) takes only the operators' token ({@code
 * Authorization: Bearer <PAYCRON_ADMIN_TOKEN>}), never a merchant's, and merchant endpoints never
 * take it. Without a configured token the admin API is closed. Wrong tokens are counted per client
 * address (apart from getToken's count); past the limit they answer 429.
 */
class AdminAuthInterceptor implements HandlerInterceptor {

  private final AdminToken adminToken;
  private final LoginThrottle throttle;

  AdminAuthInterceptor(AdminToken adminToken, LoginThrottle throttle) {
    this.adminToken = adminToken;
    this.throttle = throttle;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!adminToken.isConfigured()) {
      throw new ApiException.Forbidden(
          "the admin API is disabled on this server: set PAYCRON_ADMIN_TOKEN to enable it");
    }
    if (adminToken.isIn(request.getHeader("Authorization"))) {
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
}
