package io.paycron.bench;

import io.paycron.PaycronApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Paycron nodes in this JVM, each a whole server (API, scheduler loop, webhook dispatcher) on its
 * own loopback port, all on one storage (a PostgreSQL schema, or with {@code --sqlite} one node on
 * an embedded SQLite data folder): the same code path and defaults as {@code ./paycron serve}. Only
 * the storage, where it listens, where it logs and the sandbox settings of the run are given; every
 * scheduler and webhook setting keeps its production default.
 */
final class PaycronNodes implements AutoCloseable {

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  static PaycronNodes start(
      int count,
      Map<String, String> storage,
      long sandboxLatencyMs,
      String webhookUrl,
      String logFile) {
    PaycronNodes started = new PaycronNodes();
    try {
      for (int i = 0; i < count; i++) {
        Map<String, String> properties = new LinkedHashMap<>(storage);
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("paycron.sandbox.latency-ms", Long.toString(sandboxLatencyMs));
        properties.put("paycron.sandbox-webhook-url", webhookUrl);
        // Paycron logs every schedule call and webhook attempt at INFO, as in production; the
        // lines go to a file so the console shows the benchmark's progress
        properties.put("logging.file.name", logFile);
        properties.put("logging.threshold.console", "OFF");
        // command-line arguments win over application.yml, as with ./paycron serve --x=y
        String[] args =
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        started.nodes.add(new SpringApplicationBuilder(PaycronApplication.class).run(args));
      }
      return started;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  int count() {
    return nodes.size();
  }

  String baseUrl(int node) {
    int port = ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      try {
        nodes.get(i).close();
      } catch (RuntimeException e) {
        System.err.println("bench: node " + i + " did not stop cleanly: " + e);
      }
    }
    nodes.clear();
  }
}
