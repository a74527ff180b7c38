package io.paycron.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One merchant's configuration of a provider, decrypted for the connector. {@link #toString()}
 * never shows the credentials.
 *
 * @param baseUrl where the provider's API is (its default, or e.g. a test environment or a stub)
 * @param credentials the provider's secrets by name (see {@link
 *     CardGatewayFactory#requiredCredentials})
 * @param mid the merchant id at the provider that a {@code pg} value such as {@code
 *     tosspayments.{mid}} names, or null
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; a charge with no answer by then is {@link
 *     ChargeOutcome.Unknown} and is settled by {@link CardGateway#lookupCharge}
 */
public record GatewayConfig(
    URI baseUrl,
    Map<String, String> credentials,
    String mid,
    Duration connectTimeout,
    Duration readTimeout) {

  public GatewayConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    credentials = Map.copyOf(credentials);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** A required credential, or an IllegalArgumentException naming it. */
  public String credential(String name) {
    String value = credentials.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("credentials." + name + " is required");
    }
    return value;
  }

  @Override
  public String toString() {
    return "GatewayConfig["
        + baseUrl
        + ", credentials="
        + credentials.keySet()
        + ", mid="
        + mid
        + "]";
  }
}
