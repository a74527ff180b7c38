package io.paycron.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.merchant.MerchantApplication;
import io.paycron.client.Card;
import io.paycron.client.CardRequest;
import io.paycron.client.DeliveryStatus;
import io.paycron.client.Event;
import io.paycron.client.PaycronApiException;
import io.paycron.client.PaycronClient;
import io.paycron.client.Payment;
import io.paycron.client.PaymentStatus;
import io.paycron.client.Schedule;
import io.paycron.client.ScheduleStatus;
import io.paycron.merchant.SandboxMerchant;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.webhook.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example merchant app (examples/merchant-app) runs the i'mport guide's subscription flow
 * against a real server: it schedules each charge from the signed webhook of the one before. Both
 * run in this JVM over loopback HTTP. The app reads the system clock, so the server gets a ticking
 * clock, and the test waits for real (seconds-long billing intervals).
 */
class MerchantAppEndToEndTest {

  private static final Servers servers = new Servers(Map.of(TestServer.CLOCK, TestServer.TICKING));
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final BigDecimal AMOUNT = new BigDecimal("8900");

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void chargesThreePeriodsInARowEachScheduledFromTheVerifiedCallbackOfTheOneBefore(
      TestDatabase database) {
    TestServer server = servers.on(database);
    PaycronClient paycron = client(server);
    String customerUid = unique("gildong");
    try (MerchantApp app = MerchantApp.start(server, "--merchant.billing-interval=PT3S")) {
      // the callback URL names the port the app actually got (it started on port 0)
      assertThat(app.stats().get("callback_url").asString())
          .isEqualTo("http://127.0.0.1:" + app.port() + "/iamport-callback/schedule");

      long firstAt = Instant.now().getEpochSecond() + 2;
      HttpResponse<String> started =
          app.post("/subscriptions", subscription(customerUid, Cards.APPROVE, firstAt));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      assertThat(JSON.readTree(started.body()).get("next_merchant_uid").asString())
          .isEqualTo(customerUid + "_0001");

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> app.orders().size() >= 3);

      List<JsonNode> orders = app.orders().subList(0, 3);
      List<String> merchantUids =
          orders.stream().map(o -> o.get("merchant_uid").asString()).toList();
      assertThat(merchantUids)
          .containsExactly(customerUid + "_0001", customerUid + "_0002", customerUid + "_0003");
      for (int i = 0; i < 3; i++) {
        JsonNode order = orders.get(i);
        String merchantUid = merchantUids.get(i);
        String impUid = order.get("imp_uid").asString();
        assertThat(order.get("status").asString()).isEqualTo("paid");
        assertThat(order.get("amount").decimalValue()).isEqualByComparingTo(AMOUNT);

        Payment payment = paycron.getPayment(impUid);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.amount()).isEqualByComparingTo(AMOUNT);
        assertThat(payment.merchantUid()).isEqualTo(merchantUid);
        assertThat(payment.customerUidUsage()).isEqualTo("payment.scheduled");
        assertThat(order.get("paid_at").asLong()).isEqualTo(payment.paidAt().getEpochSecond());

        Schedule schedule = paycron.getSchedule(merchantUid);
        assertThat(schedule.scheduleStatus()).isEqualTo(ScheduleStatus.EXECUTED);
        assertThat(schedule.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(schedule.impUid()).isEqualTo(impUid);
        assertThat(schedule.scheduleAt()).isEqualTo(Instant.ofEpochSecond(firstAt + 3L * i));

        // the app answered this charge's webhook with 200, which it does only once verified
        Event event = awaitDelivered(paycron, impUid);
        assertThat(event.url()).isEqualTo(app.stats().get("callback_url").asString());
        assertThat(event.attempts().get(event.attempts().size() - 1).statusCode()).isEqualTo(200);
      }
      JsonNode stats = app.stats();
      assertThat(stats.get("callbacks_verified").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(stats.get("callbacks_rejected").asLong()).isZero();
      assertThat(stats.get("callbacks_failed").asLong()).isZero();

      // a callback signed with another secret is refused, and changes nothing
      String body =
          "{\"imp_uid\":\""
              + orders.get(0).get("imp_uid").asString()
              + "\",\"merchant_uid\":\""
              + merchantUids.get(0)
              + "\",\"status\":\"paid\"}";
      HttpResponse<String> forged = app.postCallback(body, "whsec_" + base64("not the secret"));
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(app.stats().get("callbacks_rejected").asLong()).isEqualTo(1);
      assertThat(
              app.orders().stream()
                  .filter(o -> o.get("merchant_uid").asString().equals(merchantUids.get(0))))
          .hasSize(1);
    } finally {
      unscheduleWhatIsLeft(paycron, customerUid);
    }
  }

  @Test
  void retriesADeclinedChargeUnderANewMerchantUidAndThePaidRetryKeepsTheBillingDay() {
    TestServer server = servers.on(TestDatabase.SQLITE);
    PaycronClient paycron = client(server);
    String customerUid = unique("declined");
    try (MerchantApp app =
        MerchantApp.start(
            server, "--merchant.billing-interval=PT1H", "--merchant.retry-delay=PT2S")) {
      long firstAt = Instant.now().getEpochSecond() + 2;
      HttpResponse<String> started =
          app.post("/subscriptions", subscription(customerUid, Cards.INSUFFICIENT_FUNDS, firstAt));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

      String retry = customerUid + "_0001_retry1";
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  retry.equals(app.subscription(customerUid).get("next_merchant_uid").asString()));
      assertThat(app.subscription(customerUid).get("retries").asInt()).isEqualTo(1);
      Schedule declined = paycron.getSchedule(customerUid + "_0001");
      assertThat(declined.scheduleStatus()).isEqualTo(ScheduleStatus.EXECUTED);
      assertThat(declined.paymentStatus()).isEqualTo(PaymentStatus.FAILED);
      assertThat(declined.failReason()).contains("insufficient_funds");

      // the customer gives a working card before the retry is due
      paycron.registerCard(
          customerUid, CardRequest.of(Card.of(Cards.APPROVE, "2031-12", Cards.BIRTH, "12")));
      assertThat(paycron.getSchedule(retry).scheduleStatus()).isEqualTo(ScheduleStatus.SCHEDULED);

      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !app.orders().isEmpty());
      List<JsonNode> orders = app.orders();
      assertThat(orders).hasSize(1);
      assertThat(orders.get(0).get("merchant_uid").asString()).isEqualTo(retry);
      Payment payment = paycron.getPayment(orders.get(0).get("imp_uid").asString());
      assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
      assertThat(payment.amount()).isEqualByComparingTo(AMOUNT);
      Schedule paid = paycron.getSchedule(retry);
      assertThat(paid.scheduleStatus()).isEqualTo(ScheduleStatus.EXECUTED);
      assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);

      // period 2 counts from when period 1 was due, not from the retry
      JsonNode next = app.subscription(customerUid);
      assertThat(next.get("next_merchant_uid").asString()).isEqualTo(customerUid + "_0002");
      assertThat(next.get("retries").asInt()).isZero();
      assertThat(next.get("next_charge_at").asLong()).isEqualTo(firstAt + 3600);
      assertThat(app.stats().get("callbacks_rejected").asLong()).isZero();
    } finally {
      unscheduleWhatIsLeft(paycron, customerUid);
    }
  }

  // --- helpers ---

  private static PaycronClient client(TestServer server) {
    return PaycronClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET)
        .build();
  }

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> subscription(String customerUid, String card, long firstAt) {
    Map<String, Object> body = new HashMap<>(Cards.card(card));
    body.put("customer_uid", customerUid);
    body.put("amount", 8900);
    body.put("name", "Monthly plan");
    body.put("first_charge_at", firstAt);
    return body;
  }

  /** Paycron records the delivery just after the app's answer, so this may take a moment. */
  private static Event awaitDelivered(PaycronClient paycron, String impUid) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions() // no event yet: get(0) of an empty list
        .until(
            () -> paycron.events(impUid).get(0),
            event -> event.status() == DeliveryStatus.DELIVERED);
  }

  /** The app is closed by now; what it scheduled last must not run on after the test. */
  private static void unscheduleWhatIsLeft(PaycronClient paycron, String customerUid) {
    try {
      paycron.unscheduleAll(customerUid);
    } catch (PaycronApiException nothingPending) {
      // fine: nothing was left
    }
  }

  /** The example merchant app, started in this JVM on a random loopback port. */
  private record MerchantApp(ConfigurableApplicationContext context, int port)
      implements AutoCloseable {

    static MerchantApp start(TestServer server, String... settings) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--server.port=0",
                  "--server.address=127.0.0.1",
                  "--merchant.paycron.base-url=" + server.baseUrl(),
                  // the server's JDBC starter is on this classpath too; the app has no database
                  "--spring.autoconfigure.exclude=" + DataSourceAutoConfiguration.class.getName()));
      args.addAll(List.of(settings));
      // no --merchant.callback-url: the app builds it from the port it got
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(MerchantApplication.class)
              .properties("spring.config.name=merchant-app")
              .run(args.toArray(String[]::new));
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      return new MerchantApp(context, port);
    }

    List<JsonNode> orders() {
      List<JsonNode> orders = new ArrayList<>();
      JSON.readTree(get("/orders").body()).forEach(orders::add);
      return orders;
    }

    JsonNode subscription(String customerUid) {
      return JSON.readTree(get("/subscriptions/" + customerUid).body());
    }

    JsonNode stats() {
      return JSON.readTree(get("/stats").body());
    }

    HttpResponse<String> get(String path) {
      return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Object body) {
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A webhook as Paycron would send it, signed with {@code secret}. */
    HttpResponse<String> postCallback(String body, String secret) {
      String id = "msg_" + UUID.randomUUID();
      long timestamp = Instant.now().getEpochSecond();
      return send(
          request("/iamport-callback/schedule")
              .header("Content-Type", "application/json")
              .header("webhook-id", id)
              .header("webhook-timestamp", Long.toString(timestamp))
              .header("webhook-signature", WebhookSigner.sign(secret, id, timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
