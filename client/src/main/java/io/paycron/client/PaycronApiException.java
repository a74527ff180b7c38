package io.paycron.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Paycron answered with a non-zero {@code code}: the request was understood and refused (not found,
 * invalid, unauthorized, rate limited, a billing key the card company refused, …). Nothing was
 * charged by a refused request. A declined charge is <em>not</em> this exception: it is a {@link
 * Payment} with {@link PaymentStatus#FAILED}.
 */
public final class PaycronApiException extends RuntimeException {

  private final int httpStatus;
  private final int code;
  private final String apiMessage;
  private final Duration retryAfter;

  PaycronApiException(
      String request, int httpStatus, int code, String apiMessage, Duration retryAfter) {
    super(request + " failed: HTTP " + httpStatus + ", code " + code + ": " + apiMessage);
    this.httpStatus = httpStatus;
    this.code = code;
    this.apiMessage = apiMessage;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status: 200 for most business refusals, 400, 401, 404, 429, … */
  public int httpStatus() {
    return httpStatus;
  }

  /** i'mport's {@code code}: {@code 1} or {@code -1} (see API.md §1). */
  public int code() {
    return code;
  }

  /** The server's {@code message}, as sent. */
  public String apiMessage() {
    return apiMessage;
  }

  /** How long to wait before trying again, from {@code Retry-After} on a 429. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The payment, schedule or customer does not exist (HTTP 404). */
  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
