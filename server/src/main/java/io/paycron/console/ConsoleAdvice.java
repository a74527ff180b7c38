package io.paycron.console;

import io.paycron.webhook.WebhookConsoleQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every console page gets the operator's name and the CSRF token; a failure in a console page is
 * shown as a page (not the API's JSON envelope) without a stack trace. Ordered before the API's
 * error advice, and limited to the console's controllers.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

  private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

  private final WebhookConsoleQueries webhooks;

  ConsoleAdvice(WebhookConsoleQueries webhooks) {
    this.webhooks = webhooks;
  }

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    model.addAttribute("csrf", ConsoleSession.csrfToken(request));
    Object operator = request.getAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE);
    model.addAttribute("operator", operator);
    if (operator != null) {
      // the banner of the layout; not for the login page
      model.addAttribute("disabledEndpoints", webhooks.disabledAfterFailing());
    }
  }

  @ExceptionHandler(BadFilter.class)
  String badFilter(
      BadFilter e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(400);
    return page(request, model, "That request could not be read", e.getMessage());
  }

  @ExceptionHandler(NotFound.class)
  String notFound(
      NotFound e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(404);
    return page(request, model, "Not found", e.getMessage());
  }

  /** An id naming no merchant (the console acts for the merchant an object belongs to). */
  @ExceptionHandler(org.springframework.dao.EmptyResultDataAccessException.class)
  String noMerchant(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(404);
    return page(request, model, "Not found", "No such merchant.");
  }

  /** A refusal of the services the console shares with the API, with the API's message. */
  @ExceptionHandler(io.paycron.web.ApiException.class)
  String refused(
      io.paycron.web.ApiException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setStatus(e.httpStatus());
    return page(request, model, "Not done", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  String unexpected(
      Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    String requestId = MDC.get("request_id");
    log.error("console failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    response.setStatus(500);
    return page(
        request,
        model,
        "Something went wrong",
        "The failure is in the server log"
            + (requestId == null ? "." : " (request " + requestId + ")."));
  }

  private static String page(
      HttpServletRequest request, Model model, String title, String message) {
    model.addAttribute("csrf", ConsoleSession.csrfToken(request));
    model.addAttribute("operator", ConsoleSession.operator(request));
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "console/error";
  }

  /** A filter or form value the console cannot use; the message says which and why. */
  static final class BadFilter extends RuntimeException {
    BadFilter(String message) {
      super(message);
    }
  }

  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
