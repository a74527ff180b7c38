package io.paycron.connector;

import io.paycron.gateway.CardGateway;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Picks the connector for a request's {@code pg} value ({@code name} or {@code name.mid}, as in
 * i'mport). Sample code written for i'mport names PGs Paycron has no connector for (html5_inicis,
 * kcp_billing …); those go to the default gateway so the sample runs unchanged.
 */
@Component
public class Gateways {

  /** The chosen connector and the merchant id (MID) the request named, if any. */
  public record Selected(CardGateway gateway, String pgId) {}

  private final Map<String, CardGateway> byProvider;
  private final CardGateway defaultGateway;

  Gateways(List<CardGateway> gateways) {
    this.byProvider =
        gateways.stream().collect(Collectors.toMap(CardGateway::provider, Function.identity()));
    this.defaultGateway = gateways.get(0);
  }

  public Selected select(String pg) {
    if (pg == null || pg.isBlank()) {
      return new Selected(defaultGateway, defaultGateway.provider());
    }
    int dot = pg.indexOf('.');
    String name = dot < 0 ? pg : pg.substring(0, dot);
    String mid = dot < 0 ? null : pg.substring(dot + 1);
    CardGateway gateway = byProvider.getOrDefault(name.trim(), defaultGateway);
    return new Selected(gateway, mid == null || mid.isBlank() ? gateway.provider() : mid);
  }

  /** The connector that issued a stored billing key. */
  public CardGateway byProvider(String provider) {
    CardGateway gateway = byProvider.get(provider);
    if (gateway == null) {
      throw new IllegalStateException("no connector for provider " + provider);
    }
    return gateway;
  }
}
