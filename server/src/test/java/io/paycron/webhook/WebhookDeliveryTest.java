package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries over real HTTP to a local receiver: retries, log, replay, slow receivers. */
class WebhookDeliveryTest {

  private static final Servers servers =
      new Servers(Map.of("paycron.webhook.timeout-seconds", "2"));
  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterAll
  static void stop() {
    servers.close();
    receiver.close();
  }

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Schedules one payment due now + 10 s to {@code path} and makes it due. */
  private static String scheduleAndRun(TestServer server, ApiClient api, String path) {
    String customerUid = unique("cus");
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    return scheduleNext(server, api, customerUid, path, 10, true);
  }

  private static String scheduleNext(
      TestServer server,
      ApiClient api,
      String customerUid,
      String path,
      long inSeconds,
      boolean advance) {
    String merchantUid = unique("m");
    Map<String, Object> item =
        Map.of(
            "merchant_uid",
            merchantUid,
            "schedule_at",
            server.clock().millis() / 1000 + inSeconds,
            "amount",
            8900,
            "notice_url",
            receiver.url(path));
    Answer answer =
        api.postJson(
            "/subscribe/payments/schedule",
            Map.of("customer_uid", customerUid, "schedules", List.of(item)));
    assertThat(answer.code()).as(answer.toString()).isZero();
    if (advance) {
      server.clock().advance(Duration.ofSeconds(inSeconds + 1));
      server.bean(ScheduleExecutor.class).wake();
    }
    return merchantUid;
  }

  private static JsonNode event(ApiClient api, String impUid) {
    return api.get("/paycron/v1/events?object_id=" + impUid).response().get(0);
  }

  private static String impUidOf(WebhookReceiver.Received received) {
    return JsonMapper.shared().readTree(received.body()).get("imp_uid").asString();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aReceiverFailingThreeTimesGetsTheEventOnTheFourthAttemptAndTheLogShowsAllFour(
      TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String path = "/flaky/" + unique("p");
    AtomicInteger calls = new AtomicInteger();
    receiver.answer(r -> r.path().equals(path) && calls.incrementAndGet() <= 3 ? 500 : 200);
    scheduleAndRun(server, api, path);

    // each poll moves time past the next retry step (5 s, 30 s, 2 min), as the days would
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              server.clock().advance(Duration.ofMinutes(3));
              server.bean(WebhookDispatcher.class).wake();
              return receiver.receivedOn(path).size() >= 4;
            });
    String impUid = impUidOf(receiver.receivedOn(path).get(0));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> event(api, impUid).get("status").asString().equals("delivered"));
    JsonNode log = event(api, impUid).get("attempts");
    assertThat(log.size()).isEqualTo(4);
    assertThat(log.get(0).get("status_code").isInt()).isTrue();
    List<Integer> codes = new ArrayList<>();
    log.forEach(a -> codes.add(a.get("status_code").asInt()));
    assertThat(codes).containsExactly(500, 500, 500, 200);
    assertThat(log.get(0).get("response_body").asString()).isEqualTo("answer 500");
    List<String> ids =
        receiver.receivedOn(path).stream()
            .map(r -> r.headers().get("webhook-id"))
            .distinct()
            .toList();
    assertThat(ids).hasSize(1); // stable across retries
    receiver.answer(r -> 200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aHandlerThatNeverAnswersDoesNotStallTheNextMonthScheduledFromInsideIt(
      TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String path = "/silent/" + unique("p");
    String customerUid = unique("cus");
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger months = new AtomicInteger();
    // the i'mport guide's handler: re-query the payment, schedule next month, never answer
    receiver.answer(
        r -> {
          if (!r.path().equals(path)) {
            return 200;
          }
          if (calls.incrementAndGet() == 1) {
            ApiClient merchant = server.sandboxClient();
            assertThat(merchant.get("/payments/" + impUidOf(r)).response().get("status").asString())
                .isEqualTo("paid");
            scheduleNext(server, merchant, customerUid, path, 5, false);
            months.incrementAndGet(); // only now may the test move the clock past it
          }
          return WebhookReceiver.NEVER;
        });
    scheduleNext(server, api, customerUid, path, 10, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> months.get() >= 1);
    long firstCallbackAt = System.nanoTime();

    server.clock().advance(Duration.ofSeconds(6)); // the next "month" is due
    server.bean(ScheduleExecutor.class).wake();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                receiver.receivedOn(path).stream()
                        .map(WebhookDeliveryTest::impUidOf)
                        .distinct()
                        .count()
                    == 2);
    // delivered while the first delivery was still hanging (the receiver timeout is 2 s)
    assertThat(Duration.ofNanos(System.nanoTime() - firstCallbackAt))
        .isLessThan(Duration.ofSeconds(30));
    String firstImpUid = impUidOf(receiver.receivedOn(path).get(0));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> event(api, firstImpUid).get("attempts").size() >= 1);
    JsonNode timedOut = event(api, firstImpUid).get("attempts").get(0);
    assertThat(timedOut.get("status_code").isNull()).isTrue();
    assertThat(timedOut.get("error").asString()).containsIgnoringCase("timeout");
    assertThat(event(api, firstImpUid).get("status").asString())
        .isEqualTo("pending"); // retried later
    receiver.answer(r -> 200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStuckEndpointNeverDelaysAnotherEndpoint(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String stuck = "/stuck/" + unique("p");
    String healthy = "/healthy/" + unique("p");
    receiver.answer(r -> r.path().equals(stuck) ? WebhookReceiver.NEVER : 200);
    String customerUid = unique("cus");
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    for (int i = 0; i < 20; i++) {
      scheduleNext(server, api, customerUid, stuck, 10, false);
    }
    scheduleNext(server, api, customerUid, healthy, 10, true);
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.receivedOn(healthy).size() == 1);
    receiver.answer(r -> 200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void redirectsAreNotFollowedButRetriedAndReplayResendsWithTheSameId(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String path = "/moved/" + unique("p");
    receiver.answer(r -> r.path().equals(path) ? 302 : 200);
    scheduleAndRun(server, api, path);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 1);
    String impUid = impUidOf(receiver.receivedOn(path).get(0));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> event(api, impUid).get("attempts").size() == 1);
    assertThat(event(api, impUid).get("status").asString()).isEqualTo("pending");

    receiver.answer(r -> 200);
    String eventId = event(api, impUid).get("event_id").asString();
    Answer replay = api.postJson("/paycron/v1/events/" + eventId + "/replay", Map.of());
    assertThat(replay.code()).as(replay.toString()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 2);
    assertThat(receiver.receivedOn(path).get(1).headers().get("webhook-id")).isEqualTo(eventId);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> event(api, impUid).get("status").asString().equals("delivered"));
    assertThat(api.postJson("/paycron/v1/events/msg_nothing/replay", Map.of()).status())
        .isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void bothSecretsSignWhileARotationOverlaps(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.newMerchantClient("rotating");
    String before = api.get("/paycron/v1/webhook").response().get("secret").asString();
    String after =
        api.postJson("/paycron/v1/webhook/rotate_secret", Map.of())
            .response()
            .get("secret")
            .asString();
    assertThat(after).startsWith("whsec_").isNotEqualTo(before);
    String path = "/rotating/" + unique("p");
    assertThat(
            api.send(
                    "PUT",
                    "/paycron/v1/webhook",
                    "application/json",
                    "{\"url\":\"" + receiver.url(path) + "\"}")
                .code())
        .isZero();
    assertThat(
            api.send("PUT", "/paycron/v1/webhook", "application/json", "{\"url\":\"ftp://x\"}")
                .status())
        .isEqualTo(400);
    String customerUid = unique("cus");
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    // no notice_url: the merchant's webhook URL receives it
    api.postJson(
        "/subscribe/payments/schedule",
        Map.of(
            "customer_uid",
            customerUid,
            "schedules",
            List.of(
                Map.of(
                    "merchant_uid",
                    unique("m"),
                    "schedule_at",
                    server.clock().millis() / 1000 + 5,
                    "amount",
                    100))));
    server.clock().advance(Duration.ofSeconds(6));
    server.bean(ScheduleExecutor.class).wake();
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedOn(path).size() == 1);
    WebhookReceiver.Received received = receiver.receivedOn(path).get(0);
    String signatures = received.headers().get("webhook-signature");
    long timestamp = Long.parseLong(received.headers().get("webhook-timestamp"));
    String id = received.headers().get("webhook-id");
    assertThat(signatures.split(" "))
        .containsExactlyInAnyOrder(
            WebhookSigner.sign(after, id, timestamp, received.body()),
            WebhookSigner.sign(before, id, timestamp, received.body()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aReceiverThatIsDownIsRetriedAndTheErrorIsLogged(TestDatabase database) throws Exception {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // free once closed: nothing listens there
    }
    String customerUid = unique("cus");
    api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE));
    Map<String, Object> item =
        Map.of(
            "merchant_uid",
            unique("down"),
            "schedule_at",
            server.clock().millis() / 1000 + 5,
            "amount",
            1000,
            "notice_url",
            "http://127.0.0.1:" + closedPort + "/callback");
    api.postJson(
        "/subscribe/payments/schedule",
        Map.of("customer_uid", customerUid, "schedules", List.of(item)));
    server.clock().advance(Duration.ofSeconds(6));
    server.bean(ScheduleExecutor.class).wake();
    String impUid =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    api.get("/subscribe/payments/schedule/" + item.get("merchant_uid"))
                        .response()
                        .get("imp_uid")
                        .asString(),
                id -> id != null && !id.isEmpty() && !id.equals("null"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> event(api, impUid).get("attempts").size() == 1);
    JsonNode attempt = event(api, impUid).get("attempts").get(0);
    assertThat(attempt.get("status_code").isNull()).isTrue();
    assertThat(attempt.get("error").asString()).contains("Connect");
    assertThat(event(api, impUid).get("status").asString()).isEqualTo("pending");
  }
}
