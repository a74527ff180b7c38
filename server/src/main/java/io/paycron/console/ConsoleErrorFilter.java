package io.paycron.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A failure while a console page renders (after its controller, so no exception handler sees it) is
 * answered with a short HTML page, not the API's JSON error path (which cannot write JSON over a
 * response already typed text/html) and never a stack trace.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleErrorFilter {

  private static final Logger log = LoggerFactory.getLogger(ConsoleErrorFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> consoleErrors() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws IOException {
                try {
                  chain.doFilter(request, response);
                } catch (ServletException | RuntimeException e) {
                  log.error(
                      "console page failed: {} {}",
                      request.getMethod(),
                      request.getRequestURI(),
                      e);
                  if (!response.isCommitted()) {
                    response.reset();
                    response.setStatus(500);
                    response.setContentType("text/html;charset=UTF-8");
                    response
                        .getWriter()
                        .write(
                            "<!doctype html><html lang=\"en\"><head><title>Error - Paycron console"
                                + "</title></head><body><main><h1>Something went wrong</h1><p>The"
                                + " failure is in the server log. <a href=\"/console\">Back to the"
                                + " console</a></p></main></body></html>");
                  }
                }
              }
            });
    registration.addUrlPatterns("/console", "/console/*");
    return registration;
  }
}
