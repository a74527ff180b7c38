package io.paycron.gateway.tosspayments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A local stub of Toss's API (WireMock) and a connector pointed at it, configured the way an
 * operator would: base URL, the docs' public test secret key, timeouts.
 */
abstract class TossStubTest {

  /** The test secret key Toss's docs use in their examples. */
  static final String DOCS_TEST_SECRET_KEY = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";

  /** The Authorization header the docs show for that key, copied from the docs, not computed. */
  static final String DOCS_AUTHORIZATION =
      "Basic dGVzdF9za196WExrS0V5cE5BcldtbzUwblgzbG1lYXhZRzVSOg==";

  /** Generous, so that a slow first request on a busy machine is not taken for a timeout. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** For the timeout tests, with a stub that answers later than this. */
  static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

  static final int SLOWER_THAN_SHORT_READ_TIMEOUT_MS = 1_000;

  static final String CUSTOMER_KEY = "cus_8f14e45fceea167a5a36dedd4bea2543";
  static final String BILLING_KEY = "Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=";
  static final String TOKEN = CUSTOMER_KEY + "/" + BILLING_KEY;
  static final String PAYMENT_KEY = "5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1";

  /** Paycron's idempotency key of the charge in the examples, and what Toss sees of it. */
  static final String CHARGE_KEY = "m_1:1:order-2026-0001";

  static final String CHARGE_ORDER_ID = "pc-djiiamIBmxQlhsJxR8ogzT75TRuGzSa8QTWL9066m9Y";

  /** One stub for all contract tests of the run: starting Jetty per class costs seconds. */
  static final WireMockServer toss = startStub();

  CardGateway gateway;

  private static WireMockServer startStub() {
    // A short stop timeout: Jetty otherwise waits for the connections the timeout tests left open.
    WireMockServer server = new WireMockServer(options().dynamicPort().jettyStopTimeout(200L));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    try {
      // The first answer of a fresh stub is slow (class loading); take it here, not in a test.
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/health")).build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return server;
  }

  @BeforeEach
  void resetStubAndConnect() {
    toss.resetAll();
    gateway = connectTo(URI.create(toss.baseUrl()), READ_TIMEOUT);
  }

  /** A connector that gives up after {@link #SHORT_READ_TIMEOUT}. */
  static CardGateway impatientGateway() {
    return connectTo(URI.create(toss.baseUrl()), SHORT_READ_TIMEOUT);
  }

  static CardGateway connectTo(URI baseUrl, Duration readTimeout) {
    return new TossPaymentsGatewayFactory()
        .create(
            new GatewayConfig(
                baseUrl,
                Map.of("secret_key", DOCS_TEST_SECRET_KEY),
                "tosspayments",
                Duration.ofSeconds(1),
                readTimeout));
  }

  static List<ServeEvent> requestsReceived() {
    return toss.getAllServeEvents();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  static ResponseDefinitionBuilder example(String name) {
    return json(200, resource(name));
  }

  /** Toss's error object, as its error tables give the code and message. */
  static ResponseDefinitionBuilder tossError(int status, String code, String message) {
    return json(status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  static ResponseDefinitionBuilder slowerThanTheShortReadTimeout(
      ResponseDefinitionBuilder response) {
    return response.withFixedDelay(SLOWER_THAN_SHORT_READ_TIMEOUT_MS);
  }

  static String resource(String name) {
    try (InputStream in = TossStubTest.class.getResourceAsStream("/toss/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource toss/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
