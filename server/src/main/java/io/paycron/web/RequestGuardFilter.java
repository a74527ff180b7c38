package io.paycron.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with the envelope, what would otherwise get past the API without one: a wildcard
 * Content-Type (Spring cannot even report "no such route" for it), OPTIONS/TRACE, which this
 * server-to-server API does not serve, and a PUT/DELETE form body that cannot be decoded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestGuardFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    if ("OPTIONS".equals(method) || "TRACE".equals(method)) {
      write(response, 405, "method not allowed: " + method + " " + request.getRequestURI());
      return;
    }
    String type = request.getContentType();
    if (type != null && type.contains("*")) {
      write(response, 415, "Content-Type " + type + " is not supported: send application/json");
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (org.springframework.http.converter.HttpMessageNotReadableException e) {
      // Spring's FormContentFilter decodes PUT/DELETE form bodies before MVC could answer
      if (!response.isCommitted()) {
        response.reset();
        write(response, 400, "the request body could not be read: check its percent-encoding");
      }
    }
  }

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(envelope(1, message).getBytes(StandardCharsets.UTF_8));
  }

  /** The error envelope as JSON text, for the few places outside Spring MVC. */
  static String envelope(int code, String message) {
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"code\":" + code + ",\"message\":\"" + escaped + "\",\"response\":null}";
  }
}
