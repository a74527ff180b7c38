package io.paycron.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (in the container or a filter) still answer with the envelope,
 * never with an HTML page or a stack trace.
 */
@RestController
class ErrorEndpoint implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<Envelope<Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // called directly (GET /error) there is no error to report: it is just an unknown route
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
    if (status == null || status.value() < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String message =
        switch (status) {
          case BAD_REQUEST -> "the request could not be read";
          case NOT_FOUND -> "no such endpoint";
          case CONTENT_TOO_LARGE -> "the request body is larger than 1 MiB";
          case INTERNAL_SERVER_ERROR -> "internal error";
          default -> status.getReasonPhrase();
        };
    return ApiErrorHandler.status(status, status.is5xxServerError() ? -1 : 1, message);
  }
}
