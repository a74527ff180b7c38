package io.paycron.gateway.portone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Contract tests run the real connector against a local stub of api.portone.io that answers with
 * the bodies under {@code src/test/resources/portone/}, and check every request the connector sent.
 */
abstract class PortOneStubTest {

  static final String API_SECRET = "portone-v2-secret-Zk3mQ9";
  static final String STORE_ID = "store-4f1c2a6e-1d3b-4c5e-9a7f-0123456789ab";
  static final String CHANNEL_KEY = "channel-key-9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0";
  static final String BILLING_KEY = "billing-key-0199a4c2-5d1e-7b3a-9f20-1c2d3e4f5a6b";

  /** Paycron's charge key and the paymentId it must become (pinned: lookups depend on it). */
  static final String CHARGE_KEY = "mrc_7f3a:1:sub_2026-11_0001";

  static final String PAYMENT_ID = "pc41d5ab44cb840f448e166f7679a841";

  /** Generous enough for a busy build machine; the timeout tests wait past it. */
  static final Duration READ_TIMEOUT = Duration.ofMillis(1_000);

  /** Longer than the read timeout, so a delayed answer is a timeout for the connector. */
  static final int SLOWER_THAN_READ_TIMEOUT_MS = 2_000;

  static WireMockServer portOne;

  CardGateway gateway;

  @BeforeAll
  static void startPortOne() {
    portOne = new WireMockServer(options().dynamicPort());
    portOne.start();
    // the first request of a JVM loads the HTTP client and the stub's handlers; keep that cost
    // out of the tests' read timeout
    gatewayAt(URI.create(portOne.baseUrl())).lookupCharge("warm-up");
  }

  @AfterAll
  static void stopPortOne() {
    portOne.stop();
  }

  @BeforeEach
  void newGateway() {
    portOne.resetAll();
    gateway = gatewayAt(URI.create(portOne.baseUrl()));
  }

  static CardGateway gatewayAt(URI baseUrl) {
    return new PortOneV2GatewayFactory()
        .create(
            new GatewayConfig(
                baseUrl,
                Map.of("api_secret", API_SECRET, "store_id", STORE_ID, "channel_key", CHANNEL_KEY),
                null,
                Duration.ofSeconds(1),
                READ_TIMEOUT));
  }

  /** A JSON answer with one of the fixture bodies. */
  static ResponseDefinitionBuilder answer(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(fixture(fixture));
  }

  static String fixture(String name) {
    try (InputStream in = PortOneStubTest.class.getResourceAsStream("/portone/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every request PortOne received, in the order it received them. */
  static List<LoggedRequest> received() {
    return portOne.findAll(anyRequestedFor(anyUrl()));
  }

  /**
   * Waits until PortOne has received {@code count} requests (a stub records a request once it has
   * answered it, which for a delayed answer is after the connector gave up), then checks that no
   * more arrived.
   */
  static List<LoggedRequest> awaitReceived(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (received().size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<LoggedRequest> all = received();
    assertThat(all).as("requests PortOne received").hasSize(count);
    return all;
  }

  static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = received();
    assertThat(all).as("requests PortOne received").hasSize(1);
    return all.get(0);
  }

  /** PortOne's authentication scheme with the configured secret, and a JSON exchange. */
  static void assertPortOneHeaders(LoggedRequest request) {
    assertThat(request.getHeader("Authorization")).isEqualTo("PortOne " + API_SECRET);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }

  /** The body is exactly this JSON: no field more, none less, same values. */
  static void assertJsonBody(LoggedRequest request, String expectedJson) {
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(Json.MAPPER.readTree(request.getBodyAsString()))
        .isEqualTo(Json.MAPPER.readTree(expectedJson));
  }
}
