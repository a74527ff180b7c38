package io.paycron.web;

/**
 * Every error a client can be answered with. Each kind fixes its HTTP status and i'mport code, so
 * the status/code matrix of API.md lives here and in {@link ApiErrorHandler} only.
 */
public abstract sealed class ApiException extends RuntimeException
    permits ApiException.InvalidRequest,
        ApiException.NotFound,
        ApiException.Unauthorized,
        ApiException.Refused,
        ApiException.TooLarge,
        ApiException.UnsupportedMediaType,
        ApiException.Conflict,
        ApiException.TooManyRequests,
        ApiException.Forbidden {

  private ApiException(String message) {
    super(message, null, false, false);
  }

  public abstract int httpStatus();

  public abstract int code();

  /** A malformed parameter: HTTP 400, code 1; the message names the field. */
  public static final class InvalidRequest extends ApiException {
    public InvalidRequest(String message) {
      super(message);
    }

    public int httpStatus() {
      return 400;
    }

    public int code() {
      return 1;
    }
  }

  /** HTTP 404, code 1. Another merchant's object is answered exactly like a missing one. */
  public static final class NotFound extends ApiException {
    public NotFound(String message) {
      super(message);
    }

    public int httpStatus() {
      return 404;
    }

    public int code() {
      return 1;
    }
  }

  /** HTTP 401, code -1, always the same text so it leaks nothing. */
  public static final class Unauthorized extends ApiException {
    public Unauthorized() {
      super("Unauthorized");
    }

    public int httpStatus() {
      return 401;
    }

    public int code() {
      return -1;
    }
  }

  /**
   * A business refusal that i'mport answers with HTTP 200 and a non-zero code (1, or -1 for a card
   * the card company refused).
   */
  public static final class Refused extends ApiException {
    private final int code;

    public Refused(int code, String message) {
      super(message);
      this.code = code;
    }

    public int httpStatus() {
      return 200;
    }

    public int code() {
      return code;
    }
  }

  public static final class TooLarge extends ApiException {
    public TooLarge(String message) {
      super(message);
    }

    public int httpStatus() {
      return 413;
    }

    public int code() {
      return 1;
    }
  }

  public static final class UnsupportedMediaType extends ApiException {
    public UnsupportedMediaType(String message) {
      super(message);
    }

    public int httpStatus() {
      return 415;
    }

    public int code() {
      return 1;
    }
  }

  /** The object is busy or in a state that forbids the change: HTTP 409, code 1. */
  public static final class Conflict extends ApiException {
    public Conflict(String message) {
      super(message);
    }

    public int httpStatus() {
      return 409;
    }

    public int code() {
      return 1;
    }
  }

  /** HTTP 429, code -1, with the seconds to wait in a {@code Retry-After} header. */
  public static final class TooManyRequests extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    public int httpStatus() {
      return 429;
    }

    public int code() {
      return -1;
    }
  }

  /** HTTP 403, code -1: a part of the API this server has switched off. */
  public static final class Forbidden extends ApiException {
    public Forbidden(String message) {
      super(message);
    }

    public int httpStatus() {
      return 403;
    }

    public int code() {
      return -1;
    }
  }
}
