package io.paycron.web;

/** The i'mport V1 answer: {@code {"code": 0, "message": null, "response": …}}. */
public record Envelope<T>(int code, String message, T response) {

  public static <T> Envelope<T> ok(T response) {
    return new Envelope<>(0, null, response);
  }

  public static Envelope<Object> error(int code, String message) {
    return new Envelope<>(code, message, null);
  }
}
