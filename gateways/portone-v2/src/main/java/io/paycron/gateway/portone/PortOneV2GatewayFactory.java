package io.paycron.gateway.portone;

import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardGatewayFactory;
import io.paycron.gateway.GatewayConfig;
import java.net.URI;
import java.util.List;

/**
 * Makes {@link PortOneV2Gateway}s: one per merchant configuration of the {@code portone_v2}
 * provider. Found by {@link java.util.ServiceLoader}.
 *
 * <p>Credentials: {@code api_secret} (the store's V2 API secret, sent as {@code Authorization:
 * PortOne …}), {@code store_id} ({@code store-…}) and {@code channel_key} ({@code channel-key-…},
 * the channel of the PG contract that allows key-in billing keys).
 */
public final class PortOneV2GatewayFactory implements CardGatewayFactory {

  public static final String PROVIDER = "portone_v2";
  public static final String API_SECRET = "api_secret";
  public static final String STORE_ID = "store_id";
  public static final String CHANNEL_KEY = "channel_key";

  private static final URI DEFAULT_BASE_URL = URI.create("https://api.portone.io");

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<String> requiredCredentials() {
    return List.of(API_SECRET, STORE_ID, CHANNEL_KEY);
  }

  @Override
  public URI defaultBaseUrl() {
    return DEFAULT_BASE_URL;
  }

  @Override
  public CardGateway create(GatewayConfig config) {
    String apiSecret = config.credential(API_SECRET);
    String storeId = config.credential(STORE_ID);
    String channelKey = config.credential(CHANNEL_KEY);
    String scheme = config.baseUrl().getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("base_url must be an http(s) URL: " + config.baseUrl());
    }
    return new PortOneV2Gateway(
        new PortOneHttp(config.baseUrl(), apiSecret, config.connectTimeout(), config.readTimeout()),
        new PortOneRequests(storeId, channelKey));
  }
}
