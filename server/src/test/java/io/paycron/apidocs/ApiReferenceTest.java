package io.paycron.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api-reference.md and docs/openapi.json are what the running server's document produces now.
 * With {@code -Dpaycron.docs.write=true} the test writes them instead of comparing.
 */
class ApiReferenceTest {

  /** Surefire runs in the server module; the docs folder is the repository's. */
  private static final Path DOCS = Path.of("..", "docs");

  private static TestServer server;
  private static JsonNode document;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.SQLITE);
    document = ApiDocument.fetch(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void apiReferenceIsUpToDate() throws IOException {
    check("api-reference.md", ApiReferenceGenerator.markdown(document));
  }

  @Test
  void openApiJsonIsUpToDate() throws IOException {
    check(
        "openapi.json",
        ApiDocument.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
  }

  private static void check(String name, String generated) throws IOException {
    Path file = DOCS.resolve(name);
    if (Boolean.getBoolean("paycron.docs.write")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
      return;
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as(
            "docs/%s is out of date with the OpenAPI document; regenerate it with: %s",
            name, ApiReferenceGenerator.REGENERATE)
        .isEqualTo(generated);
  }
}
