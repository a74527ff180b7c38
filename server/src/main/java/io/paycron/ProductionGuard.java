package io.paycron;

import io.paycron.gateway.CardGateway;
import io.paycron.storage.StartupRefusedException;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Production must never run on test money or public credentials: it refuses to start without an
 * admin token, with only the sandbox gateway, or with the public sandbox key pair present in its
 * database.
 */
@Component
class ProductionGuard implements SmartInitializingSingleton {

  /** Shorter tokens could be guessed; {@code openssl rand -hex 32} gives 64 characters. */
  static final int MIN_ADMIN_TOKEN = 32;

  private final RuntimeMode mode;
  private final List<CardGateway> gateways;
  private final JdbcClient jdbc;
  private final PaycronProperties properties;

  ProductionGuard(
      RuntimeMode mode, List<CardGateway> gateways, JdbcClient jdbc, PaycronProperties properties) {
    this.mode = mode;
    this.gateways = gateways;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (mode.isSandbox()) {
      return;
    }
    String adminToken = properties.adminToken();
    if (adminToken == null || adminToken.strip().length() < MIN_ADMIN_TOKEN) {
      throw new StartupRefusedException(
          "production mode needs PAYCRON_ADMIN_TOKEN, at least "
              + MIN_ADMIN_TOKEN
              + " characters (it guards merchant management).",
          "Set PAYCRON_ADMIN_TOKEN, e.g. to the output of `openssl rand -hex 32`.");
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
