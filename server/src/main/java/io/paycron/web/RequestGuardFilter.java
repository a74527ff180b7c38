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
 * Keeps requests that would otherwise get past the API without an envelope inside it: a wildcard
 * Content-Type (which Spring cannot even report "no such route" for) is treated as absent;
 * OPTIONS/TRACE, which this server-to-server API does not serve, and a PUT/DELETE form body that
 * cannot be decoded are refused.
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
    HttpServletRequest forwarded = request;
    String type = request.getContentType();
    if (type != null && type.contains("*")) {
      forwarded = withoutContentType(request);
    }
    try {
      chain.doFilter(forwarded, response);
    } catch (org.springframework.http.converter.HttpMessageNotReadableException e) {
      // Spring's FormContentFilter decodes PUT/DELETE form bodies before MVC could answer
      if (!response.isCommitted()) {
        response.reset();
        write(response, 400, "the request body could not be read: check its percent-encoding");
      }
    }
  }

  /** The request as if it had no Content-Type: {@code *}/{@code *} says nothing about the body. */
  private static HttpServletRequest withoutContentType(HttpServletRequest request) {
    return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
      @Override
      public String getContentType() {
        return null;
      }

      @Override
      public String getHeader(String name) {
        return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
      }

      @Override
      public java.util.Enumeration<String> getHeaders(String name) {
        return "Content-Type".equalsIgnoreCase(name)
            ? java.util.Collections.emptyEnumeration()
            : super.getHeaders(name);
      }
    };
  }

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(envelope(1, message).getBytes(StandardCharsets.UTF_8));
  }

  /** The error envelope as JSON text, for the few places outside Spring MVC. */
  static String envelope(int code, String message) {
    return JSON.writeValueAsString(Envelope.error(code, message));
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();
}
