package io.paycron.gateway;

import java.net.URI;
import java.util.List;

/**
 * Makes the connectors of one provider: one {@link CardGateway} per merchant configuration (its
 * credentials, its base URL). Paycron finds factories with {@link java.util.ServiceLoader}, so a
 * connector module needs only this SPI, its HTTP client and a {@code
 * META-INF/services/io.paycron.gateway.CardGatewayFactory} line.
 */
public interface CardGatewayFactory {

  /**
   * The provider name operators configure and a request's {@code pg} selects, e.g. {@code
   * tosspayments}.
   */
  String provider();

  /** The credential fields a configuration must hold, e.g. {@code secret_key}. */
  List<String> requiredCredentials();

  /** The provider's API base URL, used when a configuration names none. */
  URI defaultBaseUrl();

  /**
   * A connector for one configuration. It must not call the provider here (Paycron creates
   * connectors at start and when an operator changes a configuration).
   *
   * @throws IllegalArgumentException naming what is missing or malformed in the configuration
   */
  CardGateway create(GatewayConfig config);
}
