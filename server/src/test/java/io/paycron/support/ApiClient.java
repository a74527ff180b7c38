package io.paycron.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: sends JSON or form bodies and reads the V1 envelope. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;

  public ApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** One answer: HTTP status and the parsed envelope. */
  public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    public int code() {
      return body.get("code").asInt();
    }

    public String message() {
      JsonNode message = body.get("message");
      return message == null || message.isNull() ? null : message.asString();
    }

    public JsonNode response() {
      return body.get("response");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public static ApiClient login(String baseUrl, String impKey, String impSecret) {
    Answer answer =
        new ApiClient(baseUrl, null)
            .postJson("/users/getToken", Map.of("imp_key", impKey, "imp_secret", impSecret));
    if (answer.code() != 0) {
      throw new IllegalStateException("login failed: " + answer);
    }
    return new ApiClient(baseUrl, answer.response().get("access_token").asString());
  }

  public String token() {
    return token;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public ApiClient withToken(String other) {
    return new ApiClient(baseUrl, other);
  }

  public Answer postJson(String path, Object body) {
    return send("POST", path, "application/json", JSON.writeValueAsString(body));
  }

  public Answer postForm(String path, Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send("POST", path, "application/x-www-form-urlencoded", encoded);
  }

  public Answer get(String path) {
    return send("GET", path, null, null);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Any method, content type and raw body. */
  public Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode parsed = JSON.readTree(response.body());
      return new Answer(response.statusCode(), parsed, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
