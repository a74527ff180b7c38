package io.paycron.gateway.portone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardGatewayFactory;
import io.paycron.gateway.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PortOneV2GatewayFactoryTest {

  private static final Map<String, String> CREDENTIALS =
      Map.of("api_secret", "secret", "store_id", "store-1", "channel_key", "channel-key-1");

  private static GatewayConfig config(URI baseUrl, Map<String, String> credentials) {
    return new GatewayConfig(
        baseUrl, credentials, null, Duration.ofSeconds(3), Duration.ofSeconds(30));
  }

  @Test
  void paycronFindsTheFactoryThroughTheServiceLoader() {
    assertThat(
            ServiceLoader.load(CardGatewayFactory.class).stream().map(ServiceLoader.Provider::get))
        .filteredOn(factory -> factory.provider().equals("portone_v2"))
        .singleElement()
        .isInstanceOf(PortOneV2GatewayFactory.class);
  }

  @Test
  void describesTheProviderOperatorsConfigure() {
    CardGatewayFactory factory = new PortOneV2GatewayFactory();

    assertThat(factory.provider()).isEqualTo("portone_v2");
    assertThat(factory.requiredCredentials())
        .containsExactly("api_secret", "store_id", "channel_key");
    assertThat(factory.defaultBaseUrl()).isEqualTo(URI.create("https://api.portone.io"));
  }

  @Test
  void makesAConnectorNamedLikeItsProviderWithoutCallingPortOne() {
    // an unroutable address: create must not connect
    CardGateway gateway =
        new PortOneV2GatewayFactory().create(config(URI.create("http://192.0.2.1"), CREDENTIALS));

    assertThat(gateway.provider()).isEqualTo("portone_v2");
  }

  @Test
  void refusesAConfigurationWithoutAChannelKey() {
    Map<String, String> credentials = new HashMap<>(CREDENTIALS);
    credentials.remove("channel_key");

    assertThatThrownBy(
            () ->
                new PortOneV2GatewayFactory()
                    .create(config(URI.create("https://api.portone.io"), credentials)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials.channel_key is required");
  }

  @Test
  void refusesABaseUrlThatIsNotHttp() {
    assertThatThrownBy(
            () ->
                new PortOneV2GatewayFactory()
                    .create(config(URI.create("ftp://api.portone.io"), CREDENTIALS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base_url");
  }
}
