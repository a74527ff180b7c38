package io.paycron.gateway.tosspayments;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** What came back from one request to Toss, before it means anything to Paycron. */
sealed interface TossAnswer {

  /**
   * Maps the answer. No answer and a malformed one both leave the outcome open, so they share one
   * function that gets the reason (which never holds a body or a path).
   */
  <T> T fold(
      Function<Success, T> onSuccess,
      Function<Failure, T> onFailure,
      Function<String, T> onOutcomeOpen);

  /** A 2xx status with a JSON object. */
  record Success(int status, JsonNode body) implements TossAnswer {
    @Override
    public <T> T fold(
        Function<Success, T> onSuccess,
        Function<Failure, T> onFailure,
        Function<String, T> onOutcomeOpen) {
      return onSuccess.apply(this);
    }
  }

  /** A non-2xx status with Toss's error object {@code {"code": …, "message": …}}. */
  record Failure(int status, String code, String message) implements TossAnswer {

    /**
     * A 5xx, a 429, or a code after which the request may still have taken effect: see {@link
     * TossErrorCodes#outcomeUnknown}.
     */
    boolean leavesOutcomeOpen() {
      return status >= 500 || status == 429 || TossErrorCodes.outcomeUnknown(code);
    }

    String summary() {
      return "HTTP " + status + " " + code;
    }

    @Override
    public <T> T fold(
        Function<Success, T> onSuccess,
        Function<Failure, T> onFailure,
        Function<String, T> onOutcomeOpen) {
      return onFailure.apply(this);
    }
  }

  /**
   * No answer: the connection failed, the read timed out, or the thread was interrupted. The
   * request may or may not have reached Toss.
   */
  record NoAnswer(String reason) implements TossAnswer {
    @Override
    public <T> T fold(
        Function<Success, T> onSuccess,
        Function<Failure, T> onFailure,
        Function<String, T> onOutcomeOpen) {
      return onOutcomeOpen.apply(reason);
    }
  }

  /** An answer that is not what Toss documents (not JSON, or an error without a code). */
  record Malformed(int status, String reason) implements TossAnswer {
    @Override
    public <T> T fold(
        Function<Success, T> onSuccess,
        Function<Failure, T> onFailure,
        Function<String, T> onOutcomeOpen) {
      return onOutcomeOpen.apply(reason);
    }
  }
}
