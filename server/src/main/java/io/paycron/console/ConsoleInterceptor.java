package io.paycron.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards every console page: an operator must be logged in (else the login page), every POST must
 * carry the session's CSRF token (the login form's included), and no page is cached or framed.
 */
class ConsoleInterceptor implements HandlerInterceptor {

  static final String OPERATOR_ATTRIBUTE = "operator";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'");
    if ("POST".equals(request.getMethod()) && !ConsoleSession.csrfMatches(request)) {
      // a plain page rather than the API's JSON envelope: a person is reading this
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/html;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<!doctype html><html lang=\"en\"><head><title>Form expired - Paycron console</title>"
                  + "</head><body><main><h1>The form has expired</h1><p><a href=\"/console\">"
                  + "Reload the console</a> and try again.</p></main></body></html>");
      return false;
    }
    if (isLoginPage(request)) {
      return true;
    }
    String operator = ConsoleSession.operator(request);
    if (operator == null) {
      response.sendRedirect(request.getContextPath() + "/console/login");
      return false;
    }
    request.setAttribute(OPERATOR_ATTRIBUTE, operator);
    return true;
  }

  private static boolean isLoginPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/console/login") || path.equals("/console/login/");
  }
}
