package io.paycron.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are limited to 1 MiB (API.md §12): a larger one gets 413 in the envelope whether
 * it announces its length or streams it chunked, and stores nothing.
 */
class RequestBodyLimitTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static TestServer server;
  private static String token;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.SQLITE);
    token = server.sandboxClient().token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A billing-key request whose customer_name pads the JSON to exactly {@code bytes}. */
  private static byte[] billingKeyBody(int bytes) {
    String head =
        "{\"card_number\":\"4242-4242-4242-4242\",\"expiry\":\"2030-12\",\"birth\":\"880101\","
            + "\"customer_name\":\"";
    String tail = "\"}";
    return (head + "x".repeat(bytes - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(String path, String type, byte[] body, boolean chunked)
      throws Exception {
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Authorization", token)
            .header("Content-Type", type)
            .POST(publisher)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long billingKeys() {
    return server.jdbc().sql("SELECT COUNT(*) FROM billing_keys").query(Long.class).single();
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedWith413AndStoresNothing() throws Exception {
    long before = billingKeys();
    byte[] tooBig = billingKeyBody(ApiRequests.MAX_BODY_BYTES + 1);
    for (boolean chunked : new boolean[] {false, true}) {
      HttpResponse<String> answer =
          post("/subscribe/customers/too_big", "application/json", tooBig, chunked);
      assertThat(answer.statusCode()).as("chunked=%s", chunked).isEqualTo(413);
      assertThat(answer.body())
          .contains("\"code\":1")
          .contains("larger than 1048576 bytes")
          .doesNotContain("Exception");
    }
    byte[] form =
        ("customer_name=" + "x".repeat(ApiRequests.MAX_BODY_BYTES + 10))
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> formAnswer =
        post("/subscribe/customers/too_big", "application/x-www-form-urlencoded", form, false);
    assertThat(formAnswer.statusCode()).isEqualTo(413);
    assertThat(formAnswer.body()).contains("\"code\":1");
    assertThat(billingKeys()).isEqualTo(before);
  }

  @Test
  void aBodyOfExactlyOneMebibyteIsRead() throws Exception {
    HttpResponse<String> answer =
        post(
            "/subscribe/customers/just_fits",
            "application/json",
            billingKeyBody(ApiRequests.MAX_BODY_BYTES),
            true);
    // read and validated: the padded name is too long for a billing key, but not for the limit
    assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(413).isLessThan(500);
  }
}
