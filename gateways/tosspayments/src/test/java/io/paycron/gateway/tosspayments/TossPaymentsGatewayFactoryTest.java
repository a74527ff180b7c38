package io.paycron.gateway.tosspayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardGatewayFactory;
import io.paycron.gateway.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TossPaymentsGatewayFactoryTest {

  private static GatewayConfig config(String baseUrl, Map<String, String> credentials) {
    return new GatewayConfig(
        URI.create(baseUrl),
        credentials,
        "tvivarepublica",
        Duration.ofSeconds(3),
        Duration.ofSeconds(30));
  }

  @Test
  void paycronFindsTheFactoryThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(CardGatewayFactory.class))
        .anySatisfy(factory -> assertThat(factory).isInstanceOf(TossPaymentsGatewayFactory.class));
  }

  @Test
  void describesTheProviderOperatorsConfigure() {
    TossPaymentsGatewayFactory factory = new TossPaymentsGatewayFactory();

    assertThat(factory.provider()).isEqualTo("tosspayments");
    assertThat(factory.requiredCredentials()).containsExactly("secret_key");
    assertThat(factory.defaultBaseUrl()).isEqualTo(URI.create("https://api.tosspayments.com"));
  }

  @Test
  void makesAGatewayThatNeverShowsTheSecretKey() {
    CardGateway gateway =
        new TossPaymentsGatewayFactory()
            .create(
                config("https://api.tosspayments.com", Map.of("secret_key", "test_sk_secret123")));

    assertThat(gateway.provider()).isEqualTo("tosspayments");
    assertThat(gateway.toString())
        .contains("https://api.tosspayments.com", "tvivarepublica")
        .doesNotContain("test_sk_secret123");
  }

  @Test
  void refusesAConfigurationWithoutASecretKey() {
    assertThatThrownBy(
            () ->
                new TossPaymentsGatewayFactory()
                    .create(config("https://api.tosspayments.com", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials.secret_key is required");
  }

  @Test
  void refusesASecretKeyThatWouldBreakBasicAuth() {
    assertThatThrownBy(
            () ->
                new TossPaymentsGatewayFactory()
                    .create(
                        config(
                            "https://api.tosspayments.com", Map.of("secret_key", "test_sk_a:b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credentials.secret_key")
        .hasMessageNotContaining("test_sk_a:b");
  }

  @Test
  void refusesABaseUrlThatIsNotHttp() {
    assertThatThrownBy(
            () ->
                new TossPaymentsGatewayFactory()
                    .create(
                        config("ftp://api.tosspayments.com", Map.of("secret_key", "test_sk_x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base_url");
  }
}
