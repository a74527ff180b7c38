package io.paycron;

import io.paycron.gateway.CardGateway;
import io.paycron.storage.StartupRefusedException;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Production must never run on test money or public credentials: it refuses to start with only the
 * sandbox gateway, or with the public sandbox key pair present in its database.
 */
@Component
class ProductionGuard implements SmartInitializingSingleton {

  private final RuntimeMode mode;
  private final List<CardGateway> gateways;
  private final JdbcClient jdbc;

  ProductionGuard(RuntimeMode mode, List<CardGateway> gateways, JdbcClient jdbc) {
    this.mode = mode;
    this.gateways = gateways;
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (mode.isSandbox()) {
      return;
    }
    if (gateways.stream().allMatch(g -> g.provider().equals("sandbox"))) {
      throw new StartupRefusedException(
          "production mode has no real card gateway configured; the sandbox gateway is refused.",
          "Run in sandbox mode (unset PAYCRON_PROFILE), or configure a real gateway.");
    }
    long publicKeys =
        jdbc.sql(
                "SELECT COUNT(*) FROM api_keys WHERE imp_key = 'imp_apikey' AND revoked_at IS NULL")
            .query(Long.class)
            .single();
    if (publicKeys > 0) {
      throw new StartupRefusedException(
          "the public sandbox key pair (imp_apikey) is active in this database.",
          "Use a database that was never run in sandbox mode, or revoke the imp_apikey key.");
    }
  }
}
