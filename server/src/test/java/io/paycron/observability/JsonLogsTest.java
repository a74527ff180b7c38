package io.paycron.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.PaycronApplication;
import io.paycron.merchant.SandboxMerchant;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PAYCRON_LOG_FORMAT=json}, set as an operator sets it (an environment variable of a server
 * in its own JVM), turns stdout into one JSON object per line, and card data stays out of it.
 */
class JsonLogsTest {

  @Test
  void everyLineOnStdoutIsOneJsonObjectAndNoCardNumberAppears() throws Exception {
    Path dir = Files.createTempDirectory("paycron-json-logs-");
    Path log = dir.resolve("stdout.log");
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                PaycronApplication.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("PAYCRON_LOG_FORMAT", "json");
    env.put("PAYCRON_PORT", Integer.toString(port));
    env.put("PAYCRON_DATA", dir.resolve("data").toString());
    Process server = builder.start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .failFast(() -> !server.isAlive())
          .until(() -> Files.readString(log).contains("Paycron ready on"));
      ApiClient api =
          ApiClient.login(
              "http://127.0.0.1:" + port, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET);
      assertThat(
              api.postJson("/subscribe/customers/cus_json_logs", Cards.card(Cards.APPROVE)).code())
          .isZero();
      ApiClient.Answer refused =
          api.postJson("/subscribe/customers/cus_json_bad", Map.of("card_number", "4242"));
      assertThat(refused.code()).isNotZero();
    } finally {
      server.destroy(); // SIGTERM: the graceful shutdown logs too
      server.waitFor(40, TimeUnit.SECONDS);
      server.destroyForcibly();
    }

    List<String> lines =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSizeGreaterThan(3);
    JsonMapper json = JsonMapper.shared();
    for (String line : lines) {
      JsonNode entry = json.readTree(line);
      assertThat(entry.isObject()).as(line).isTrue();
      assertThat(entry.has("@timestamp") && entry.has("level") && entry.has("message"))
          .as(line)
          .isTrue();
    }
    assertThat(lines).anyMatch(l -> l.contains("Paycron ready on"));
    String all = String.join("\n", lines);
    assertThat(all).doesNotContain(Cards.APPROVE_DIGITS).doesNotContain(Cards.APPROVE);
    assertThat(all).doesNotContain(Cards.BIRTH);
    System.out.println("[JsonLogsTest] " + lines.size() + " lines, e.g.\n" + lines.get(0));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
