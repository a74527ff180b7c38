package io.paycron.apidocs;

import io.paycron.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document as a running server serves it (without a token: it is public). */
final class ApiDocument {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ApiDocument() {}

  static JsonNode fetch(TestServer server) {
    HttpResponse<String> answer = get(server, "/v3/api-docs");
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("/v3/api-docs answered " + answer.statusCode());
    }
    return JSON.readTree(answer.body());
  }

  static HttpResponse<String> get(TestServer server, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Follows {@code $ref} (and a nullable {@code allOf: [$ref]}) to the schema it names. */
  static JsonNode resolve(JsonNode document, JsonNode schema) {
    JsonNode current = schema;
    while (true) {
      if (current.has("$ref")) {
        String ref = current.get("$ref").asString();
        current = document.at(ref.substring(1));
        if (current.isMissingNode()) {
          throw new IllegalStateException("unresolved reference " + ref);
        }
      } else if (current.has("allOf") && current.get("allOf").size() == 1) {
        current = current.get("allOf").get(0);
      } else {
        return current;
      }
    }
  }
}
