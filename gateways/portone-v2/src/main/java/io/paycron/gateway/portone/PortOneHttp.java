package io.paycron.gateway.portone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * PortOne's REST transport: the {@code PortOne} authorization scheme, JSON in and out, and the
 * merchant's timeouts. It never retries: whether to send again is the caller's decision, and for a
 * charge it never is.
 */
final class PortOneHttp {

  private static final System.Logger log = System.getLogger(PortOneHttp.class.getName());

  private final HttpClient client;
  private final String baseUrl;
  private final String authorization;
  private final Duration readTimeout;

  PortOneHttp(URI baseUrl, String apiSecret, Duration connectTimeout, Duration readTimeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // PortOne needs nothing from HTTP/2, and an h2c upgrade attempt on plain-http stubs
            // and proxies only adds ways to fail
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
    this.authorization = "PortOne " + apiSecret;
    this.readTimeout = readTimeout;
  }

  PortOneAnswer get(String operation, String pathAndQuery) {
    return send(operation, request(pathAndQuery).GET().build());
  }

  PortOneAnswer delete(String operation, String pathAndQuery) {
    return send(operation, request(pathAndQuery).DELETE().build());
  }

  /**
   * @param idempotencyKey PortOne's {@code Idempotency-Key} header, or null for none
   */
  PortOneAnswer post(String operation, String path, JsonNode body, String idempotencyKey) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return send(operation, builder.build());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(readTimeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private PortOneAnswer send(String operation, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new PortOneUnreachable("PortOne did not answer " + operation + " in time", e);
    } catch (IOException e) {
      throw new PortOneUnreachable(
          "PortOne could not be reached for " + operation + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortOneUnreachable("interrupted while waiting for PortOne's " + operation, e);
    }
    PortOneAnswer answer = new PortOneAnswer(response.statusCode(), parse(response.body()));
    log.log(System.Logger.Level.DEBUG, "PortOne {0}: {1}", operation, answer.describe());
    return answer;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      return node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null; // a proxy's HTML page or a cut body: the caller sees a malformed answer
    }
  }
}
