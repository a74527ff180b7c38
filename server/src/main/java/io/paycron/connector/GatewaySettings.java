package io.paycron.connector;

import io.paycron.gateway.CardGatewayFactory;
import io.paycron.gateway.GatewayConfig;
import io.paycron.merchant.MerchantAccounts;
import io.paycron.web.ApiException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Operators' management of a merchant's gateway configurations (API.md §10). */
@Service
class GatewaySettings {

  /** {@code provider} or {@code provider.mid}, as i'mport's pg field. */
  private static final Pattern PG = Pattern.compile("[a-z0-9_]{1,40}(\\.[A-Za-z0-9_-]{1,64})?");

  /** What an operator asks to store, credentials still in clear. */
  record Change(
      String provider, String baseUrl, Map<String, String> credentials, boolean isDefault) {
    @Override
    public String toString() {
      return "Change[" + provider + ", " + baseUrl + ", credentials=" + credentials.keySet() + "]";
    }
  }

  private final MerchantGatewayRepository configs;
  private final Gateways gateways;
  private final MerchantAccounts merchants;
  private final TransactionTemplate transactions;
  private final Clock clock;

  GatewaySettings(
      MerchantGatewayRepository configs,
      Gateways gateways,
      MerchantAccounts merchants,
      TransactionTemplate transactions,
      Clock clock) {
    this.configs = configs;
    this.gateways = gateways;
    this.merchants = merchants;
    this.transactions = transactions;
    this.clock = clock;
  }

  List<MerchantGatewayConfig> list(String merchantId) {
    merchants.describe(merchantId); // 404 for an unknown merchant
    return configs.findAll(merchantId);
  }

  MerchantGatewayConfig put(String merchantId, String pg, Change change) {
    merchants.describe(merchantId);
    if (!PG.matcher(pg).matches()) {
      throw new ApiException.InvalidRequest(
          "pg: must be a provider name or provider.{mid} (letters, digits, _ and -)");
    }
    String provider = MerchantGatewayConfig.providerOf(pg);
    if (!provider.equals(change.provider())) {
      throw new ApiException.InvalidRequest(
          "provider: must be " + provider + ", the provider the pg " + pg + " names");
    }
    if (!gateways.knows(provider)) {
      throw new ApiException.InvalidRequest(
          "provider: one of " + String.join(", ", gateways.factories().keySet()));
    }
    CardGatewayFactory factory = gateways.factories().get(provider);
    if (factory != null) {
      check(factory, change);
    }
    long now = clock.millis();
    MerchantGatewayConfig config =
        new MerchantGatewayConfig(
            merchantId,
            pg,
            provider,
            change.baseUrl(),
            gateways.seal(merchantId, pg, change.credentials()),
            change.isDefault(),
            now,
            now);
    transactions.executeWithoutResult(
        tx -> {
          configs.upsert(config);
          if (change.isDefault()) {
            configs.clearOtherDefaults(merchantId, pg);
          }
        });
    gateways.forget(merchantId);
    return configs.findAll(merchantId).stream()
        .filter(c -> c.pg().equals(pg))
        .findFirst()
        .orElseThrow();
  }

  void delete(String merchantId, String pg) {
    merchants.describe(merchantId);
    if (!configs.delete(merchantId, pg)) {
      throw new ApiException.NotFound("no gateway configuration " + pg + " for this merchant");
    }
    gateways.forget(merchantId);
  }

  /** Every required credential present, a valid base URL, and a connector the factory accepts. */
  private static void check(CardGatewayFactory factory, Change change) {
    // a pasted secret with a line break would fail in an HTTP header, whose error quotes it
    change
        .credentials()
        .forEach(
            (name, value) -> {
              if (value.chars().anyMatch(Character::isISOControl)) {
                throw new ApiException.InvalidRequest(
                    "credentials." + name + ": must not contain control characters");
              }
            });
    for (String name : factory.requiredCredentials()) {
      String value = change.credentials().get(name);
      if (value == null || value.isBlank()) {
        throw new ApiException.InvalidRequest("credentials." + name + ": is required");
      }
    }
    URI baseUrl = factory.defaultBaseUrl();
    if (change.baseUrl() != null) {
      try {
        baseUrl = URI.create(change.baseUrl());
      } catch (IllegalArgumentException e) {
        baseUrl = null;
      }
      if (baseUrl == null
          || baseUrl.getHost() == null
          || baseUrl.getUserInfo() != null
          || baseUrl.getQuery() != null
          || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
        throw new ApiException.InvalidRequest(
            "base_url: must be an absolute http(s) URL without credentials or query");
      }
    }
    try {
      factory.create(
          new GatewayConfig(
              baseUrl,
              new LinkedHashMap<>(change.credentials()),
              null,
              Gateways.CONNECT_TIMEOUT,
              Gateways.CONNECT_TIMEOUT));
    } catch (IllegalArgumentException e) {
      throw new ApiException.InvalidRequest(e.getMessage());
    }
  }
}
