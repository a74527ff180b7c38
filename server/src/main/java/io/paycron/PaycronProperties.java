package io.paycron;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Everything an operator can set. Environment variables bind by Spring's relaxed rules:
 * PAYCRON_DATA, PAYCRON_DB_URL, PAYCRON_RECONCILE_INTERVAL (seconds), PAYCRON_SANDBOX_LATENCY_MS …
 *
 * @param data folder for the embedded SQLite database and generated files
 * @param dbUrl a {@code jdbc:postgresql:} URL switches storage to PostgreSQL
 * @param reconcileInterval how often unknown charge outcomes are settled with the gateway
 * @param gatewayTimeout how long a gateway call may take before its outcome counts as unknown
 */
@ConfigurationProperties("paycron")
public record PaycronProperties(
    @DefaultValue("./data") Path data,
    String dbUrl,
    String dbUser,
    String dbPassword,
    @DefaultValue("30") @DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
        Duration reconcileInterval,
    @DefaultValue("30") @DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
        Duration gatewayTimeout,
    @DefaultValue Sandbox sandbox) {

  /**
   * @param latencyMs added to every sandbox gateway call
   * @param timeoutDelayMs how long the sandbox's "times out" test cards wait before giving up
   */
  public record Sandbox(
      @DefaultValue("0") long latencyMs, @DefaultValue("2000") long timeoutDelayMs) {}

  public boolean usesPostgres() {
    return dbUrl != null && !dbUrl.isBlank();
  }
}
