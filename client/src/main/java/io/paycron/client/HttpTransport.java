package io.paycron.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Sends one API call: JSON in, i'mport envelope out, the token attached and renewed once on a 401.
 */
final class HttpTransport {

  private static final String JSON = "application/json; charset=UTF-8";

  private final String baseUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final String impKey;
  private final String impSecret;
  private final TokenCache tokens;

  HttpTransport(
      String baseUrl,
      HttpClient http,
      Duration timeout,
      String impKey,
      String impSecret,
      Clock clock) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.timeout = timeout;
    this.impKey = impKey;
    this.impSecret = impSecret;
    this.tokens = new TokenCache(this::fetchToken, clock);
  }

  /**
   * One call.
   *
   * @param path the path and query, already encoded
   * @param body sent as JSON; {@code null} sends no body (GET, DELETE)
   * @param movesMoney whether a lost answer leaves a charge or refund in doubt
   */
  record Call(String method, String path, Object body, boolean movesMoney) {

    static Call get(String path) {
      return new Call("GET", path, null, false);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  AccessToken token() {
    return tokens.current();
  }

  <T> T send(Call call, JavaType responseType) {
    String token = tokens.current().accessToken();
    HttpResponse<String> response = exchange(call, token);
    if (response.statusCode() == 401) {
      // The token may have been revoked or the server restarted; one new token, one more try.
      token = tokens.afterRejection(token).accessToken();
      response = exchange(call, token);
    }
    return decode(call, response, responseType);
  }

  private AccessToken fetchToken() {
    Call call =
        new Call(
            "POST", "/users/getToken", Map.of("imp_key", impKey, "imp_secret", impSecret), false);
    return decode(call, exchange(call, null), Json.type(AccessToken.class));
  }

  private HttpResponse<String> exchange(Call call, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", token);
    }
    if (call.body() == null) {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", JSON);
      request.method(
          call.method(),
          HttpRequest.BodyPublishers.ofString(Json.write(call.body()), StandardCharsets.UTF_8));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw networkFailure(call, "no answer (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw networkFailure(call, "interrupted while waiting for the answer", e);
    }
  }

  private <T> T decode(Call call, HttpResponse<String> response, JavaType responseType) {
    int status = response.statusCode();
    JsonNode envelope;
    try {
      envelope = Json.MAPPER.readTree(response.body());
    } catch (JacksonException e) {
      envelope = null;
    }
    if (envelope == null || !envelope.path("code").isIntegralNumber()) {
      throw networkFailure(call, "HTTP " + status + " without an i'mport envelope", null);
    }
    int code = envelope.path("code").intValue();
    if (code != 0) {
      JsonNode node = envelope.path("message");
      String message = node.isString() ? node.stringValue() : node.isNull() ? "" : node.toString();
      throw new PaycronApiException(call.toString(), status, code, message, retryAfter(response));
    }
    try {
      Json.Envelope<T> parsed =
          Json.MAPPER.readValue(response.body(), Json.envelopeOf(responseType));
      return parsed.response();
    } catch (JacksonException e) {
      throw networkFailure(call, "unreadable response (" + e.getOriginalMessage() + ")", e);
    }
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(v -> v.matches("[0-9]{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)))
        .orElse(null);
  }

  private static PaycronNetworkException networkFailure(Call call, String what, Throwable cause) {
    String message = call + ": " + what;
    if (call.movesMoney()) {
      message +=
          ". The outcome is unknown: the payment may have been charged or refunded. Look it up"
              + " by merchant_uid before trying again.";
    }
    return new PaycronNetworkException(message, cause, call.movesMoney());
  }
}
