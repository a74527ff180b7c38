package io.paycron.gateway.tosspayments;

import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardGatewayFactory;
import io.paycron.gateway.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/**
 * Makes {@link TossPaymentsGateway}s. Found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.paycron.gateway.CardGatewayFactory}.
 *
 * <p>Toss has one API host for test and live; the secret key decides which ({@code test_sk_…} or
 * {@code live_sk_…}).
 */
public final class TossPaymentsGatewayFactory implements CardGatewayFactory {

  public static final String SECRET_KEY = "secret_key";
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.tosspayments.com");

  @Override
  public String provider() {
    return TossPaymentsGateway.PROVIDER;
  }

  @Override
  public List<String> requiredCredentials() {
    return List.of(SECRET_KEY);
  }

  @Override
  public URI defaultBaseUrl() {
    return DEFAULT_BASE_URL;
  }

  @Override
  public CardGateway create(GatewayConfig config) {
    String secretKey = config.credential(SECRET_KEY);
    if (secretKey.contains(":") || secretKey.chars().anyMatch(Character::isWhitespace)) {
      // Basic auth is "secretKey:" in base64; a colon or a space would silently change the user.
      throw new IllegalArgumentException(
          "credentials." + SECRET_KEY + " must not contain ':' or whitespace");
    }
    URI baseUrl = config.baseUrl();
    if (!("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
        || baseUrl.getHost() == null
        || baseUrl.getQuery() != null) {
      throw new IllegalArgumentException("base_url must be an http(s) URL without a query");
    }
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            // HTTP/1.1: no h2c upgrade dance with plain-http stubs, and Toss serves it.
            .version(HttpClient.Version.HTTP_1_1)
            // A redirect from a payment API is never expected; follow none (it could drop the
            // body).
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new TossPaymentsGateway(
        new TossApi(baseUrl, secretKey, http, config.readTimeout()),
        "TossPaymentsGateway[" + baseUrl + ", mid=" + config.mid() + "]");
  }
}
