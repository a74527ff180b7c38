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
 * @param adminToken the bearer token of the admin API ({@code /paycron/admin/v1/…}); unset disables
 *     it, production refuses to start without one
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
    @DefaultValue Sandbox sandbox,
    @DefaultValue Scheduler scheduler,
    @DefaultValue Webhook webhook,
    @DefaultValue LoginLimit loginLimit,
    String sandboxWebhookUrl,
    String adminToken,
    String encryptionKey) {

  /**
   * @param latencyMs added to every sandbox gateway call
   * @param timeoutDelayMs how long the sandbox's "times out" test cards wait before giving up
   */
  public record Sandbox(
      @DefaultValue("0") long latencyMs, @DefaultValue("2000") long timeoutDelayMs) {}

  /**
   * @param pollIntervalMs the longest a node waits before looking for due schedules again
   * @param batchSize schedules claimed per statement
   * @param concurrency gateway calls in flight per node
   * @param loops claim loops per node on PostgreSQL, so one batch's database work overlaps the next
   *     one's gateway calls (SQLite, a single writer, always runs one)
   */
  public record Scheduler(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("500") long pollIntervalMs,
      @DefaultValue("200") int batchSize,
      @DefaultValue("16") int concurrency,
      @DefaultValue("2") int loops) {}

  /**
   * @param timeoutSeconds how long a receiver may take to answer before the attempt counts as
   *     failed (and is retried later)
   * @param perEndpoint deliveries in flight to one host at once
   */
  public record Webhook(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("200") long pollIntervalMs,
      @DefaultValue("10") long connectTimeoutSeconds,
      @DefaultValue("30") long timeoutSeconds,
      @DefaultValue("16") int perEndpoint,
      @DefaultValue("256") int maxInFlight,
      // deliveries one node holds (sending, or queued behind their endpoint's slots)
      @DefaultValue("2000") int maxHeld,
      // an endpoint whose deliveries all failed this long (no success) is disabled: 5 days
      @DefaultValue("432000") long disableAfterSeconds) {}

  /**
   * Failed getToken attempts allowed per imp_key and per client address within {@code period}; past
   * that, getToken answers 429 for that key or address until the period has passed. Successful
   * logins never count (SDKs fetch a token before every call).
   */
  public record LoginLimit(
      @DefaultValue("10") int perKey,
      @DefaultValue("30") int perAddress,
      @DefaultValue("60") @DurationUnit(java.time.temporal.ChronoUnit.SECONDS) Duration period) {}

  public boolean usesPostgres() {
    return dbUrl != null && !dbUrl.isBlank();
  }
}
