package io.paycron;

import io.paycron.connector.Gateways;
import io.paycron.storage.StartupRefusedException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Production must never run on test money, public credentials or unprotected secrets: it refuses to
 * start without an admin token, without a key to encrypt stored secrets, with only the sandbox
 * gateway, or with the public sandbox key pair present in its database — naming every problem at
 * once, so an operator fixes them in one go.
 */
@Component
class ProductionGuard implements SmartInitializingSingleton {

  /** A shorter admin token could be guessed; {@code openssl rand -hex 32} gives 64 characters. */
  static final int MIN_SECRET_LENGTH = 32;

  private final RuntimeMode mode;
  private final Gateways gateways;
  private final JdbcClient jdbc;
  private final PaycronProperties properties;

  ProductionGuard(
      RuntimeMode mode, Gateways gateways, JdbcClient jdbc, PaycronProperties properties) {
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
    List<String> problems = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    if (tooShort(properties.adminToken())) {
      problems.add(
          "PAYCRON_ADMIN_TOKEN is missing or shorter than "
              + MIN_SECRET_LENGTH
              + " characters (it guards merchant management)");
      fixes.add("set PAYCRON_ADMIN_TOKEN, e.g. to the output of `openssl rand -hex 32`");
    }
    if (properties.encryptionKey() == null || properties.encryptionKey().isBlank()) {
      problems.add("PAYCRON_ENCRYPTION_KEY is missing (it encrypts stored secrets)");
      fixes.add(
          "set PAYCRON_ENCRYPTION_KEY to the output of `openssl rand -base64 32`, and keep it with"
              + " your backups: stored secrets cannot be read without it");
    }
    if (!gateways.hasRealConnectors()) {
      problems.add(
          "no connector to a real card network is installed; the sandbox gateway is refused");
      fixes.add("run in sandbox mode (unset PAYCRON_PROFILE), or add a connector module");
    }
    long publicKeys =
        jdbc.sql(
                "SELECT COUNT(*) FROM api_keys WHERE imp_key = 'imp_apikey' AND revoked_at IS NULL")
            .query(Long.class)
            .single();
    if (publicKeys > 0) {
      problems.add("the public sandbox key pair (imp_apikey) is active in this database");
      fixes.add(
          "use a database that was never run in sandbox mode, or revoke the key first (in sandbox"
              + " mode: DELETE /paycron/admin/v1/merchants/mer_sandbox/keys/imp_apikey)");
    }
    if (!problems.isEmpty()) {
      throw new StartupRefusedException(
          "production mode: " + String.join("; ", problems) + ".", String.join("; ", fixes) + ".");
    }
  }

  private static boolean tooShort(String secret) {
    return secret == null || secret.strip().length() < MIN_SECRET_LENGTH;
  }
}
