package io.paycron.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.paycron.support.PostgresSchema;
import io.paycron.support.TcpProxy;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Health, liveness and readiness (docs/metrics.md). Readiness includes the database check: a node
 * that cannot reach its database answers 503 DOWN there (the load balancer stops sending it
 * requests) while liveness stays UP (restarting it would not bring the database back).
 */
class HealthReadinessTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void healthLivenessAndReadinessAreUpAndPublic(TestDatabase database) {
    try (TestServer server = TestServer.start(database)) {
      for (String path : new String[] {"", "/liveness", "/readiness"}) {
        HttpResponse<String> answer = get(server, "/actuator/health" + path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(path).contains("\"status\":\"UP\"");
      }
    }
  }

  /**
   * PostgreSQL behind a relay the test cuts: the database host is gone for this node only. The
   * check waits for a pooled connection as long as any request would (the pool's 30 s), so the
   * first DOWN answer takes that long.
   */
  @Test
  void readinessIsDownWhilePostgresIsUnreachableAndUpWhenItIsBack() {
    try (PostgresSchema schema = PostgresSchema.create();
        TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
      String url =
          "jdbc:postgresql://127.0.0.1:"
              + proxy.port()
              + "/test?currentSchema="
              + schema.name()
              + "&connectTimeout=2&socketTimeout=5";
      try (TestServer server = TestServer.on(schema, Map.of("paycron.db-url", url))) {
        assertThat(get(server, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        proxy.cut();
        long cutAt = System.nanoTime();
        HttpResponse<String> down =
            await()
                .atMost(Duration.ofSeconds(90))
                .until(
                    () -> get(server, "/actuator/health/readiness"),
                    answer -> answer.statusCode() == 503);
        System.out.printf(
            "[HealthReadinessTest] readiness DOWN %d ms after the cut%n",
            (System.nanoTime() - cutAt) / 1_000_000);
        assertThat(down.body()).contains("\"status\":\"DOWN\"");
        assertThat(get(server, "/actuator/health/liveness").statusCode()).isEqualTo(200);

        proxy.resume();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(server, "/actuator/health/readiness").statusCode() == 200);
      }
    }
  }

  /**
   * Metrics must not disappear exactly during a database incident: with PostgreSQL unreachable the
   * row-counting gauges serve their last value while a background read waits for the pool, so the
   * scrape answers well within Prometheus's 10 s timeout, every time. (A SQLite file cannot become
   * unreachable; a closed pool fails at once instead of waiting, so only PostgreSQL shows this.)
   */
  @Test
  void metricsScrapeAnswersQuicklyWhilePostgresIsUnreachable() {
    try (PostgresSchema schema = PostgresSchema.create();
        TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
      String url =
          "jdbc:postgresql://127.0.0.1:"
              + proxy.port()
              + "/test?currentSchema="
              + schema.name()
              + "&connectTimeout=2&socketTimeout=5";
      Map<String, Object> properties =
          Map.of("paycron.db-url", url, "paycron.metrics.gauge-cache-ms", "0");
      try (TestServer server = TestServer.on(schema, properties)) {
        assertThat(scrape(server).statusCode()).isEqualTo(200);
        proxy.cut();
        for (int i = 0; i < 3; i++) { // each scrape, including those while a read still waits
          long startedAt = System.nanoTime();
          HttpResponse<String> answer = scrape(server);
          long tookMs = (System.nanoTime() - startedAt) / 1_000_000;
          System.out.printf("[HealthReadinessTest] scrape %d answered in %d ms%n", i, tookMs);
          assertThat(answer.statusCode()).isEqualTo(200);
          assertThat(answer.body())
              .contains("paycron_schedules_due ")
              .contains("paycron_schedules_late ")
              .contains("paycron_outbox_backlog ");
        }
        proxy.resume();
      }
    }
  }

  /** A scrape as Prometheus does it, giving up after 5 s (its default timeout is 10 s). */
  private static HttpResponse<String> scrape(TestServer server) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/prometheus"))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("no scrape answer within 5 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * SQLite is a file inside the process: it cannot become unreachable the way a database host can.
   * What can be shown is the same check failing when the node's pool is gone.
   */
  @Test
  void readinessIsDownWhenTheSqlitePoolIsClosed() {
    try (TestServer server = TestServer.start(TestDatabase.SQLITE)) {
      assertThat(get(server, "/actuator/health/readiness").statusCode()).isEqualTo(200);
      server.bean(HikariDataSource.class).close();
      assertThat(get(server, "/actuator/health/readiness").statusCode()).isEqualTo(503);
      assertThat(get(server, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(TestServer server, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .timeout(Duration.ofSeconds(45))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
