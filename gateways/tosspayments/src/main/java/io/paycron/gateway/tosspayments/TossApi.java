package io.paycron.gateway.tosspayments;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one request to Toss's core API and reads the answer. It never retries (a charge is sent at
 * most once; reconciliation looks it up), and it never puts a request body, a path or a response
 * body into what it returns: bodies carry card data, paths carry billing keys.
 */
final class TossApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http;
  private final Duration readTimeout;

  TossApi(URI baseUrl, String secretKey, HttpClient http, Duration readTimeout) {
    this.baseUrl = stripTrailingSlash(baseUrl.toString());
    // Toss: the secret key is the user name and there is no password, hence the colon.
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
    this.http = http;
    this.readTimeout = readTimeout;
  }

  ObjectNode object() {
    return JSON.createObjectNode();
  }

  /**
   * POSTs a JSON body.
   *
   * @param idempotencyKey the {@code Idempotency-Key} header, or null for none
   */
  TossAnswer post(String path, ObjectNode body, String idempotencyKey) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  TossAnswer get(String path) {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(readTimeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private TossAnswer send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      return new TossAnswer.NoAnswer("connect timeout");
    } catch (HttpTimeoutException e) {
      return new TossAnswer.NoAnswer("no answer within " + readTimeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new TossAnswer.NoAnswer("connection failed");
    } catch (IOException e) {
      // The message may name the URL, and the URL may hold a billing key: keep only the type.
      return new TossAnswer.NoAnswer("I/O error (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TossAnswer.NoAnswer("interrupted");
    }
    return read(response.statusCode(), response.body());
  }

  private static TossAnswer read(int status, String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JacksonException e) {
      return new TossAnswer.Malformed(status, "HTTP " + status + " with a body that is not JSON");
    }
    if (json == null || !json.isObject()) {
      return new TossAnswer.Malformed(status, "HTTP " + status + " without a JSON object");
    }
    if (status >= 200 && status < 300) {
      return new TossAnswer.Success(status, json);
    }
    JsonNode code = json.path("code");
    if (!code.isString() || code.stringValue().isBlank()) {
      return new TossAnswer.Malformed(status, "HTTP " + status + " without a Toss error code");
    }
    return new TossAnswer.Failure(status, code.stringValue(), json.path("message").asString(""));
  }

  /**
   * One path segment, percent-encoded where RFC 3986 requires it. Toss's billing keys are base64url
   * and end in {@code =}, which a segment may hold as is.
   */
  static String segment(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isSegmentSafe(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isSegmentSafe(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
