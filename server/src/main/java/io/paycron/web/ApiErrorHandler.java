package io.paycron.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place that turns failures into i'mport envelopes with the documented status. */
@RestControllerAdvice
class ApiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Envelope<Object>> api(ApiException e) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.httpStatus());
    if (e instanceof ApiException.TooManyRequests tooMany) {
      answer.header("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
    }
    return answer.body(Envelope.error(e.code(), e.getMessage()));
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<Envelope<Object>> noRoute(HttpServletRequest request) {
    return status(HttpStatus.NOT_FOUND, 1, "no such endpoint: " + describe(request));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Envelope<Object>> method(HttpServletRequest request) {
    return status(HttpStatus.METHOD_NOT_ALLOWED, 1, "method not allowed: " + describe(request));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Envelope<Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return status(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        1,
        "Content-Type " + e.getContentType() + " is not supported");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Envelope<Object>> notAcceptable() {
    return status(HttpStatus.NOT_ACCEPTABLE, 1, "only application/json answers are available");
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<Envelope<Object>> badParameter(Exception e) {
    return status(HttpStatus.BAD_REQUEST, 1, "invalid request parameter: " + e.getMessage());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Envelope<Object>> unreadable() {
    return status(HttpStatus.BAD_REQUEST, 1, "the request body could not be read");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Envelope<Object>> tooLarge() {
    return status(HttpStatus.CONTENT_TOO_LARGE, 1, "the request body is larger than 1 MiB");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Envelope<Object>> multipart() {
    return status(HttpStatus.BAD_REQUEST, 1, "the multipart request body could not be read");
  }

  /**
   * The database connection failed under the request (PostgreSQL restarting or failing over, a
   * connection cut, no connection to be had): nothing is wrong with the request, and asking again
   * shortly works. 503 with Retry-After says so; this used to be a 500 "internal error, quote the
   * request id" with a stack trace in the log for every request a database restart caught. A charge
   * asked again is still never taken twice: the merchant_uid refuses a second one.
   */
  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<Envelope<Object>> databaseUnavailable(
      DataAccessResourceFailureException e, HttpServletRequest request) {
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    log.warn(
        "database unavailable on {} (request {}): {}",
        describe(request),
        requestId,
        e.getMostSpecificCause().getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "1")
        .body(
            Envelope.error(
                -1, "database temporarily unavailable; retry shortly (request " + requestId + ")"));
  }

  /** A genuine server fault: a generic message and the correlation id that is in the log. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Envelope<Object>> unexpected(Exception e, HttpServletRequest request) {
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    log.error("unexpected failure on {} (request {})", describe(request), requestId, e);
    return status(
        HttpStatus.INTERNAL_SERVER_ERROR,
        -1,
        "internal error; quote request id " + requestId + " to the operator");
  }

  private static String describe(HttpServletRequest request) {
    return request.getMethod() + " " + request.getRequestURI();
  }

  static ResponseEntity<Envelope<Object>> status(HttpStatus status, int code, String message) {
    return ResponseEntity.status(status).body(Envelope.error(code, message));
  }
}
