package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTest {

  // API.md §6 test vector
  private static final String SECRET = "whsec_cG9ydG9uZS10ZXN0LXdlYmhvb2stc2VjcmV0LTAwMDE=";
  private static final String ID = "msg_test_0001";
  private static final long TIMESTAMP = 1700000000L;
  private static final String BODY =
      "{\"type\":\"Transaction.Paid\",\"timestamp\":\"2023-11-14T22:13:20Z\",\"data\":"
          + "{\"paymentId\":\"p1\",\"storeId\":\"store-1\",\"transactionId\":\"tx1\"}}";
  private static final String SIGNATURE = "v1,nueoqoTXPwRpLrKe5xOOMgWVZWGJlC+cKc9tOSFi6WI=";

  private static final String V1_BODY =
      "{\"imp_uid\":\"imps_000000000001\",\"merchant_uid\":\"order-1\",\"status\":\"paid\"}";

  private static Clock clockAt(long seconds) {
    return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
  }

  private static Map<String, String> headers(String id, long timestamp, String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", signature);
    return headers;
  }

  private final WebhookVerifier verifier = new WebhookVerifier(SECRET, clockAt(TIMESTAMP));

  @Test
  void verifiesTheTestVectorOfTheApiContract() {
    WebhookEvent event = verifier.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY);

    assertThat(event.webhookId()).isEqualTo(ID);
    assertThat(event.timestamp()).isEqualTo(Instant.ofEpochSecond(TIMESTAMP));
    assertThat(event.impUid()).isNull(); // a V2-style body: nothing V1 to read, still authentic
  }

  @Test
  void signerOfTheseTestsReproducesTheTestVector() {
    assertThat(WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void readsTheV1BodyAndEventTypeWithHeaderNamesInAnyCase() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Webhook-Id", "evt_42");
    headers.put("WEBHOOK-TIMESTAMP", Long.toString(TIMESTAMP));
    headers.put("Webhook-Signature", WebhookSigner.sign(SECRET, "evt_42", TIMESTAMP, V1_BODY));
    headers.put("paycron-event-type", "payment.paid");

    WebhookEvent event = verifier.verify(headers, V1_BODY);

    assertThat(event)
        .isEqualTo(
            new WebhookEvent(
                "evt_42",
                "payment.paid",
                Instant.ofEpochSecond(TIMESTAMP),
                "imps_000000000001",
                "order-1",
                PaymentStatus.PAID,
                null));
  }

  @Test
  void readsACancellationSentFormEncoded() {
    String body =
        "imp_uid=imps_000000000001&merchant_uid=order%201&status=cancelled"
            + "&cancellation_id=cncl_1";
    String signature = WebhookSigner.sign(SECRET, ID, TIMESTAMP, body);

    WebhookEvent event = verifier.verify(headers(ID, TIMESTAMP, signature), body);

    assertThat(event.merchantUid()).isEqualTo("order 1");
    assertThat(event.status()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(event.cancellationId()).isEqualTo("cncl_1");
  }

  @Test
  void rejectsATamperedBody() {
    String tampered = BODY.replace("tx1", "tx2");

    assertThatThrownBy(() -> verifier.verify(headers(ID, TIMESTAMP, SIGNATURE), tampered))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no v1 signature matches");
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    String other = WebhookSigner.newSecret("someone-else's-key");
    String signature = WebhookSigner.sign(other, ID, TIMESTAMP, BODY);

    assertThatThrownBy(() -> verifier.verify(headers(ID, TIMESTAMP, signature), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no v1 signature matches");
  }

  @Test
  void rejectsATamperedWebhookId() {
    assertThatThrownBy(() -> verifier.verify(headers("msg_test_0002", TIMESTAMP, SIGNATURE), BODY))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {-6, 6})
  void rejectsATimestampSixMinutesOffEitherWay(long minutes) {
    long sent = TIMESTAMP + Duration.ofMinutes(minutes).toSeconds();
    WebhookVerifier atVectorTime = new WebhookVerifier(SECRET, clockAt(TIMESTAMP));
    String signature = WebhookSigner.sign(SECRET, ID, sent, BODY);

    assertThatThrownBy(() -> atVectorTime.verify(headers(ID, sent, signature), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("more than 5 minutes");
  }

  @ParameterizedTest
  @ValueSource(longs = {-300, 300})
  void acceptsATimestampExactlyFiveMinutesOff(long seconds) {
    WebhookVerifier later = new WebhookVerifier(SECRET, clockAt(TIMESTAMP - seconds));

    assertThat(later.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY).webhookId()).isEqualTo(ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
  void rejectsAMissingHeaderNamingIt(String header) {
    Map<String, String> headers = headers(ID, TIMESTAMP, SIGNATURE);
    headers.remove(header);

    assertThatThrownBy(() -> verifier.verify(headers, BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("the " + header + " header is missing");
  }

  @Test
  void rejectsATimestampThatIsNotUnixSeconds() {
    Map<String, String> headers = headers(ID, TIMESTAMP, SIGNATURE);
    headers.put("webhook-timestamp", "2023-11-14T22:13:20Z");

    assertThatThrownBy(() -> verifier.verify(headers, BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not UNIX seconds");
  }

  @Test
  void acceptsDeliveriesSignedWithEitherSecretWhileRotating() {
    String next = WebhookSigner.newSecret("the-rotated-key-0002");
    WebhookVerifier rotating = new WebhookVerifier(List.of(SECRET, next), clockAt(TIMESTAMP));

    String byNew = WebhookSigner.sign(next, ID, TIMESTAMP, BODY);

    assertThat(rotating.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY).webhookId()).isEqualTo(ID);
    assertThat(rotating.verify(headers(ID, TIMESTAMP, byNew), BODY).webhookId()).isEqualTo(ID);
  }

  @Test
  void acceptsASignatureListWhenAnyEntryMatches() {
    String list =
        "v1a,c2lnbmVkLWJ5LWFuLWFzeW1tZXRyaWMta2V5 v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= "
            + "v1,not-base64!! "
            + SIGNATURE;

    assertThat(verifier.verify(headers(ID, TIMESTAMP, list), BODY).webhookId()).isEqualTo(ID);
  }

  @Test
  void rejectsASignatureListWithoutAnyV1Entry() {
    assertThatThrownBy(
            () -> verifier.verify(headers(ID, TIMESTAMP, SIGNATURE.replace("v1,", "v2,")), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("webhook-signature has no v1 signature");
  }

  @Test
  void refusesASecretThatIsNotBase64() {
    assertThatThrownBy(() -> new WebhookVerifier("whsec_not base64!", clockAt(TIMESTAMP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whsec_<base64 key>");
  }
}
