package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSettingsAndEventsTest {

  private static final String SETTINGS =
      "{\"url\":\"https://merchant.example/hook\",\"secret\":\"whsec_c2VjcmV0\"}";

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private final StubServer stub;
  private final PaycronClient client;

  WebhookSettingsAndEventsTest() throws Exception {
    stub = new StubServer(clock);
    client = stub.client();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void readsTheWebhookSettings() {
    stub.respond("GET", "/paycron/v1/webhook", 200, StubServer.ok(SETTINGS));

    WebhookSettings settings = client.getWebhookSettings();

    assertThat(settings)
        .isEqualTo(new WebhookSettings("https://merchant.example/hook", "whsec_c2VjcmV0"));
    assertThat(settings.toString()).doesNotContain("c2VjcmV0");
  }

  @Test
  void setsTheWebhookUrlWithPut() {
    stub.respond("PUT", "/paycron/v1/webhook", 200, StubServer.ok(SETTINGS));

    client.setWebhookUrl("https://merchant.example/hook");

    assertThat(stub.lastCall().method()).isEqualTo("PUT");
    assertThat(stub.lastCall().body()).isEqualTo("{\"url\":\"https://merchant.example/hook\"}");
  }

  @Test
  void rotatesTheSecret() {
    stub.respond("POST", "/paycron/v1/webhook/rotate_secret", 200, StubServer.ok(SETTINGS));

    assertThat(client.rotateWebhookSecret().secret()).isEqualTo("whsec_c2VjcmV0");
    assertThat(stub.lastCall().method()).isEqualTo("POST");
  }

  @Test
  void listsTheEventsOfAnObjectWithTheirAttempts() {
    stub.respond("GET", "/paycron/v1/events", 200, StubServer.ok("[" + Fixtures.EVENT + "]"));

    List<Event> events = client.events("sub-2024-01");

    assertThat(stub.lastCall().query()).isEqualTo("object_id=sub-2024-01");
    Event event = events.get(0);
    assertThat(event.eventId()).isEqualTo("evt_1");
    assertThat(event.type()).isEqualTo("schedule.executed");
    assertThat(event.objectVersion()).isEqualTo(2);
    assertThat(event.createdAt()).isEqualTo(Instant.ofEpochSecond(1700003601L));
    assertThat(event.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(event.attempts())
        .containsExactly(
            new DeliveryAttempt(
                1, Instant.ofEpochSecond(1700003602L), 30000, null, "read timed out"),
            new DeliveryAttempt(2, Instant.ofEpochSecond(1700003700L), 120, 500, null));
  }

  @Test
  void replaysAnEvent() {
    stub.respond("POST", "/paycron/v1/events/evt_1/replay", 200, StubServer.ok(Fixtures.EVENT));

    Event event = client.replayEvent("evt_1");

    assertThat(stub.lastCall().method()).isEqualTo("POST");
    assertThat(event.eventId()).isEqualTo("evt_1");
  }
}
