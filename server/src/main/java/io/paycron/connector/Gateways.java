package io.paycron.connector;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.paycron.PaycronProperties;
import io.paycron.RuntimeMode;
import io.paycron.common.SecretBox;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardGatewayFactory;
import io.paycron.gateway.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks the connector for a merchant's request. A {@code pg} value ({@code name} or {@code
 * name.mid}, as in i'mport) selects the merchant's configuration of that exact pg, else of that
 * provider; without a match, the merchant's default configuration. With none of those, sandbox mode
 * uses the sandbox gateway (sample code written for i'mport names PGs such as html5_inicis, and
 * runs unchanged), and production refuses the request before anything is sent.
 *
 * <p>Connectors come from {@link CardGatewayFactory} implementations on the class path, one
 * instance per configuration. A node remembers a merchant's configurations for 30 seconds (the node
 * that changes one forgets at once), so charging never reads them from the database.
 */
@Component
public class Gateways {

  /** The chosen connector and the merchant id (MID) the request named, if any. */
  public record Selected(CardGateway gateway, String pgId) {}

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CardGateway sandbox;
  private final Map<String, CardGatewayFactory> factories;
  private final MerchantGatewayRepository configs;
  private final SecretBox box;
  private final RuntimeMode mode;
  private final Duration readTimeout;
  private final LoadingCache<String, MerchantGateways> byMerchant;
  private final GatewayMetrics metrics;

  Gateways(
      List<CardGateway> builtIn,
      MerchantGatewayRepository configs,
      SecretBox box,
      RuntimeMode mode,
      PaycronProperties properties,
      GatewayMetrics metrics) {
    this.metrics = metrics;
    this.sandbox = metrics.metered(builtIn.get(0));
    this.factories = new TreeMap<>();
    ServiceLoader.load(CardGatewayFactory.class).forEach(f -> factories.put(f.provider(), f));
    this.configs = configs;
    this.box = box;
    this.mode = mode;
    this.readTimeout = properties.gatewayTimeout();
    this.byMerchant =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build(merchantId -> new MerchantGateways(configs.findAll(merchantId)));
  }

  /** The providers operators can configure (the sandbox one only in sandbox mode). */
  Map<String, CardGatewayFactory> factories() {
    return factories;
  }

  /** The connector for a new billing key or card charge of this merchant. */
  public Selected select(String merchantId, String pg) {
    MerchantGateways mine = byMerchant.get(merchantId);
    String wanted = pg == null ? "" : pg.strip();
    String provider = MerchantGatewayConfig.providerOf(wanted);
    String mid = MerchantGatewayConfig.midOf(wanted);
    Optional<MerchantGatewayConfig> config =
        mine.find(wanted).or(() -> mine.find(provider)).or(mine::defaultConfig);
    if (config.isPresent()) {
      // the stored pg_id names the configuration used (its MID, or the provider): later charges,
      // lookups and refunds of this key go to exactly that account, never to a request's guess
      MerchantGatewayConfig c = config.get();
      return new Selected(mine.connector(c), c.mid() != null ? c.mid() : c.provider());
    }
    if (mode.isSandbox()) {
      return new Selected(sandbox, mid == null || mid.isBlank() ? sandbox.provider() : mid);
    }
    return new Selected(
        new UnconfiguredGateway(provider.isEmpty() ? "none" : provider, wanted), wanted);
  }

  /**
   * The connector of a stored billing key or payment: exactly the configuration it was made with
   * (provider and MID). There is no fallback to another configuration of the provider: asking
   * another account about a charge would hear "not found" and take a charge for never made. When
   * that configuration is gone, the stand-in sends nothing and answers lookups "ask again later".
   */
  public CardGateway forKey(String merchantId, String provider, String pgId) {
    if (sandbox.provider().equals(provider)) {
      return mode.isSandbox() ? sandbox : new UnconfiguredGateway(provider, provider);
    }
    MerchantGateways mine = byMerchant.get(merchantId);
    String exact = pgId == null || pgId.equals(provider) ? provider : provider + "." + pgId;
    return mine.find(exact)
        .map(mine::connector)
        .orElseGet(() -> new UnconfiguredGateway(provider, exact));
  }

  /** Whether a connector is the stand-in for a configuration that does not exist. */
  public static boolean isUnconfigured(CardGateway gateway) {
    return gateway instanceof UnconfiguredGateway;
  }

  /** Drops what this node remembers of the merchant's configurations (after a change). */
  void forget(String merchantId) {
    byMerchant.invalidate(merchantId);
  }

  /**
   * Connectors by configuration version (merchant, pg, updated_at): they outlive the 30-second
   * memory of the configurations, so each keeps its HTTP client and connections instead of a new
   * one every 30 seconds; a changed configuration has a new version and gets a new connector.
   */
  private final com.github.benmanes.caffeine.cache.Cache<String, CardGateway> connectorsByVersion =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build();

  /** One merchant's configurations, and the connectors made from them as they are needed. */
  private final class MerchantGateways {
    private final List<MerchantGatewayConfig> list;
    private final Map<String, CardGateway> connectors = new ConcurrentHashMap<>();

    MerchantGateways(List<MerchantGatewayConfig> list) {
      this.list = list;
    }

    Optional<MerchantGatewayConfig> find(String pg) {
      return list.stream().filter(c -> c.pg().equals(pg)).findFirst();
    }

    Optional<MerchantGatewayConfig> defaultConfig() {
      return list.stream().filter(MerchantGatewayConfig::isDefault).findFirst();
    }

    CardGateway connector(MerchantGatewayConfig c) {
      return connectors.computeIfAbsent(
          c.pg(),
          pg ->
              connectorsByVersion.get(
                  c.merchantId() + "/" + c.pg() + "@" + c.updatedAt(), version -> create(c)));
    }
  }

  private CardGateway create(MerchantGatewayConfig c) {
    if (sandbox.provider().equals(c.provider())) {
      return mode.isSandbox() ? sandbox : new UnconfiguredGateway(c.provider(), c.pg());
    }
    CardGatewayFactory factory = factories.get(c.provider());
    if (factory == null) {
      return new UnconfiguredGateway(c.provider(), c.pg());
    }
    Map<String, String> credentials =
        JSON.readValue(
            box.open(c.sealedCredentials(), MerchantGatewayConfig.owner(c.merchantId(), c.pg())),
            new TypeReference<Map<String, String>>() {});
    URI baseUrl = c.baseUrl() == null ? factory.defaultBaseUrl() : URI.create(c.baseUrl());
    return metrics.metered(
        factory.create(
            new GatewayConfig(baseUrl, credentials, c.mid(), CONNECT_TIMEOUT, readTimeout)));
  }

  /** Seals a configuration's credentials for storage. */
  String seal(String merchantId, String pg, Map<String, String> credentials) {
    return box.seal(
        JSON.writeValueAsString(credentials), MerchantGatewayConfig.owner(merchantId, pg));
  }

  /** Whether a connector to a real card network is installed (production needs one). */
  public boolean hasRealConnectors() {
    return !factories.isEmpty();
  }

  /** Whether a provider can be configured here. */
  boolean knows(String provider) {
    return factories.containsKey(provider)
        || (mode.isSandbox() && sandbox.provider().equals(provider));
  }
}
