package io.paycron.merchant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every V1 and Paycron endpoint but getToken needs a token: {@code Authorization: <token>}, {@code
 * Authorization: Bearer <token>} or {@code X-ImpTokenHeader: <token>}; Authorization wins.
 */
class AuthInterceptor implements HandlerInterceptor {

  static final String MERCHANT_ATTRIBUTE = AuthInterceptor.class.getName() + ".merchant";

  private final TokenService tokens;

  AuthInterceptor(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    request.setAttribute(MERCHANT_ATTRIBUTE, tokens.authenticate(tokenOf(request)));
    return true;
  }

  static String tokenOf(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && !authorization.isBlank()) {
      String value = authorization.trim();
      return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    }
    String header = request.getHeader("X-ImpTokenHeader");
    return header == null ? null : header.trim();
  }
}
